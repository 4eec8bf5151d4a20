import { spawnSync } from 'node:child_process';
import { chmodSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanupInFlightSync, nodeWriterFs, TEMP_FILE_PATTERN, writeAtomic, WriteRefusedError, type WriterFs } from '../../src/io/write-atomic.js';
import { tempDir } from '../e2e/cli.js';

const ORIGINAL = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';
const FIXED = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: demo\n';

function setup(mode = 0o644): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, 'cm.yaml');
  writeFileSync(file, ORIGINAL);
  chmodSync(file, mode);
  return { dir, file };
}

const strays = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code });
}

/** The real file system with one call replaced. */
function failing<K extends keyof WriterFs>(name: K, impl: WriterFs[K]): WriterFs {
  return { ...nodeWriterFs, [name]: impl };
}

describe('writeAtomic: fault injection (the original always survives)', () => {
  const faults: [string, WriterFs][] = [
    ['open fails (EACCES: directory not writable)', failing('openSync', () => { throw errno('EACCES'); })],
    ['the disk is full at the first write (ENOSPC)', failing('writeSync', () => { throw errno('ENOSPC'); })],
    ['the disk fills up half-way (a short write, then ENOSPC)', (() => {
      let calls = 0;
      return failing('writeSync', (fd, buf, off, len) => {
        if (++calls > 1) throw errno('ENOSPC');
        return nodeWriterFs.writeSync(fd, buf, off, Math.max(1, Math.floor(len / 2)));
      });
    })()],
    ['chmod fails (EPERM)', failing('fchmodSync', () => { throw errno('EPERM'); })],
    ['fsync fails (EIO)', failing('fsyncSync', () => { throw errno('EIO'); })],
    ['close fails (EIO, delayed write error)', failing('closeSync', (fd) => { nodeWriterFs.closeSync(fd); throw errno('EIO'); })],
    ['rename fails (EXDEV)', failing('renameSync', () => { throw errno('EXDEV'); })],
    ['rename fails (EACCES)', failing('renameSync', () => { throw errno('EACCES'); })],
  ];
  for (const [name, fsi] of faults) {
    it(name, async () => {
      const { dir, file } = setup();
      await expect(writeAtomic(file, FIXED, fsi)).rejects.toThrow(/injected/);
      expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
      expect(statSync(file).mode & 0o777).toBe(0o644);
      expect(strays(dir)).toEqual([]);
    });
  }

  it('a failing rename whose cleanup also fails leaves the original intact (one recognisable stray)', async () => {
    const { dir, file } = setup();
    const fsi = { ...failing('renameSync', () => { throw errno('EIO'); }), unlinkSync: () => { throw errno('EIO'); } };
    await expect(writeAtomic(file, FIXED, fsi)).rejects.toThrow(/injected/);
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
    expect(strays(dir).every((f) => TEMP_FILE_PATTERN.test(f))).toBe(true);
  });

  it('writes large texts completely even with short writes', async () => {
    const { file } = setup();
    const big = FIXED + `# ${'x'.repeat(1000)}\n`.repeat(2000);
    await writeAtomic(file, big, failing('writeSync', (fd, buf, off, len) => nodeWriterFs.writeSync(fd, buf, off, Math.min(len, 777))));
    expect(readFileSync(file, 'utf8')).toBe(big);
  });
});

describe('writeAtomic: what it keeps and what it refuses', () => {
  it('replaces the content and keeps the mode exactly (umask does not apply)', async () => {
    const { dir, file } = setup(0o664);
    const old = process.umask(0o077);
    try {
      await writeAtomic(file, FIXED);
    } finally {
      process.umask(old);
    }
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    expect(statSync(file).mode & 0o7777).toBe(0o664);
    expect(strays(dir)).toEqual([]);
  });

  it('writes the target of a symbolic link; the link stays a link', async () => {
    const { dir, file } = setup();
    mkdirSync(path.join(dir, 'sub'));
    const link = path.join(dir, 'sub', 'link.yaml');
    symlinkSync('../cm.yaml', link);
    await writeAtomic(link, FIXED);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    expect(strays(dir)).toEqual([]);
    expect(strays(path.join(dir, 'sub'))).toEqual([]);
  });

  it('a dangling symbolic link is an error, nothing is created', async () => {
    const dir = tempDir();
    const link = path.join(dir, 'dangling.yaml');
    symlinkSync('missing.yaml', link);
    await expect(writeAtomic(link, FIXED)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(dir)).toEqual(['dangling.yaml']);
  });

  it('refuses a read-only file (even as root, who could replace it)', async () => {
    const { dir, file } = setup(0o444);
    await expect(writeAtomic(file, FIXED)).rejects.toThrow(WriteRefusedError);
    await expect(writeAtomic(file, FIXED)).rejects.toThrow(/read-only/);
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
    expect(strays(dir)).toEqual([]);
  });

  it('refuses a file with several hard links (a rename would split them)', async () => {
    const { dir, file } = setup();
    linkSync(file, path.join(dir, 'other-name.yaml'));
    await expect(writeAtomic(file, FIXED)).rejects.toThrow(/hard links/);
    expect(readFileSync(path.join(dir, 'other-name.yaml'), 'utf8')).toBe(ORIGINAL);
  });

  it('refuses anything but a regular file', async () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'pipe.yaml');
    spawnSync('mkfifo', [fifo]);
    await expect(writeAtomic(fifo, FIXED)).rejects.toThrow(/not a regular file/);
  });

  it('cleanupInFlightSync is safe to call at any time', () => {
    expect(() => cleanupInFlightSync()).not.toThrow();
  });
});

describe('stopping writes (signal handlers)', () => {
  // Last in this file: it stops this module's writes for good.
  it('after stopWrites no write starts: the file stays as it was and no temporary file is left', async () => {
    const { stopWrites, writeAtomic: write, WriteStoppedError } = await import('../../src/io/write-atomic.js');
    const dir = tempDir();
    const file = path.join(dir, 'a.yaml');
    writeFileSync(file, ORIGINAL);
    await write(file, FIXED);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    writeFileSync(file, ORIGINAL);
    stopWrites();
    await expect(write(file, FIXED)).rejects.toBeInstanceOf(WriteStoppedError);
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
    expect(strays(dir)).toEqual([]);
  });
});
