import { mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStamps, FINE_RACY_MS, RACY_MS, RunStats, type FileStamp } from '../../src/run/file-stamps.js';

const TEXT = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';

/** A clock `ahead` ms ahead of the file system's (a file written now is then old enough). */
const clock = (ahead = RACY_MS + 1000) => (): number => Date.now() + ahead;

/** A file written now, and stamps over `data`. */
function setup(ahead?: number): { file: string; stamps: FileStamps; data: Record<string, FileStamp> } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'privreg-fix-stamps-')), 'a.yaml');
  writeFileSync(file, TEXT);
  const data: Record<string, FileStamp> = {};
  return { file, data, stamps: new FileStamps(data, new RunStats(clock(ahead))) };
}

describe('file stamps (the metadata strategy of --cache)', () => {
  it('know a file that stats as when its text was read, with the digest of that text', () => {
    const { file, stamps, data } = setup();
    expect(stamps.check(file)).toBeUndefined();
    stamps.record(file, TEXT, 'h1', true);
    expect(stamps.dirty).toBe(true);
    // A later run (new stamps over the same data) knows it without reading it.
    expect(new FileStamps(data, new RunStats(clock())).check(file)).toMatchObject({ hash: 'h1', crd: true, size: Buffer.byteLength(TEXT) });
  });

  it('do not know a file rewritten with as many bytes and its modification time put back', () => {
    const { file, stamps, data } = setup();
    // A whole second: set back exactly, as `touch -r` or `cp -p` would.
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    stamps.check(file);
    stamps.record(file, TEXT, 'h1', false);
    expect(new FileStamps(data, new RunStats(clock())).check(file)).toBeDefined();
    writeFileSync(file, TEXT.replace('name: a', 'name: b'));
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect(statSync(file).mtimeMs).toBe(1_700_000_000_000);
    expect(new FileStamps(data, new RunStats(clock())).check(file)).toBeUndefined();
  });

  it('record no stat taken soon after the change of the file (racily clean), nor one of another size', () => {
    const racy = setup(0);
    racy.stamps.check(racy.file);
    racy.stamps.record(racy.file, TEXT, 'h1', false);
    expect(racy.data[racy.file]).toBeUndefined();
    const grown = setup();
    grown.stamps.check(grown.file);
    grown.stamps.record(grown.file, `${TEXT}# more\n`, 'h2', false);
    expect(grown.data[grown.file]).toBeUndefined();
    // A stamp that no longer holds is dropped.
    grown.stamps.record(grown.file, TEXT, 'h1', false);
    expect(grown.data[grown.file]).toBeDefined();
    grown.stamps.record(grown.file, `${TEXT}# more\n`, 'h2', false);
    expect(grown.data[grown.file]).toBeUndefined();
  });

  it('wait less after a change on a file system with times finer than a second', (ctx) => {
    const soon = setup(FINE_RACY_MS / 2);
    const later = setup(FINE_RACY_MS * 3);
    ctx.skip([soon, later].some(({ file }) => statSync(file).mtimeMs % 1000 === 0), 'whole-second file times here');
    for (const { file, stamps } of [soon, later]) {
      stamps.check(file);
      stamps.record(file, TEXT, 'h1', false);
    }
    expect(soon.data[soon.file]).toBeUndefined();
    expect(later.data[later.file]).toBeDefined();
  });

  it('record only after a check, and prune the paths not kept', () => {
    const { file, stamps, data } = setup();
    stamps.record(file, TEXT, 'h1', false);
    expect(data[file]).toBeUndefined();
    stamps.check(file);
    stamps.record(file, TEXT, 'h1', false);
    stamps.dirty = false;
    stamps.prune(() => true);
    expect(stamps.dirty).toBe(false);
    stamps.prune((p) => p !== file);
    expect(data[file]).toBeUndefined();
    expect(stamps.dirty).toBe(true);
  });
});
