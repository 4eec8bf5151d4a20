import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMP_FILE_PATTERN } from '../../src/io/write-atomic.js';
import { BIN, ROOT, tempDir } from '../e2e/cli.js';
import { fixOnce } from './support/check-fix.js';

const ARGS = ['-n', 'demo', '-s', 'regcred', '--no-validate', '--write', '.'];
const FILES = 600;
const DOC = readFileSync(path.join(ROOT, 'fixtures/demo/deployment.yaml'), 'utf8');

/** A tree of FILES three-document files; returns file -> [original, correctly fixed]. */
function makeTree(dir: string, count = FILES): Map<string, [string, string]> {
  const files = new Map<string, [string, string]>();
  // Files differ only in their names: fix the template once.
  const template = [0, 1, 2].map((k) => DOC.replace('name: web\n', `name: web-IDX-${k}\n`)).join('---\n');
  const fixed = fixOnce(template).output;
  for (let i = 0; i < count; i++) {
    const rel = path.join(`d${String(Math.floor(i / 100)).padStart(2, '0')}`, `f${String(i).padStart(4, '0')}.yaml`);
    const text = template.replaceAll('IDX', String(i));
    mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
    files.set(rel, [text, fixed.replaceAll('IDX', String(i))]);
  }
  return files;
}

function allEntries(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' });
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Starts the bin; once `watch` has been rewritten (the run is writing), sends `signal`. */
function runAndKill(dir: string, watch: string, original: string, signal: NodeJS.Signals | undefined): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...ARGS], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = signal
      ? setInterval(() => {
          if (readFileSync(path.join(dir, watch), 'utf8') !== original) {
            clearInterval(timer);
            child.kill(signal);
          }
        }, 2)
      : undefined;
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      if (timer) clearInterval(timer);
      resolve({ code, signal: sig, stderr });
    });
  });
}

/** Counts the files that are original and fixed; fails on any other content. */
function census(dir: string, files: Map<string, [string, string]>): { original: number; fixed: number } {
  let original = 0;
  let fixed = 0;
  for (const [rel, [before, after]] of files) {
    const now = readFileSync(path.join(dir, rel), 'utf8');
    if (now === before) original++;
    else if (now === after) fixed++;
    else throw new Error(`${rel} is neither original nor correctly fixed`);
  }
  return { original, fixed };
}

describe('interrupting --write on a large tree', () => {
  const cases: [NodeJS.Signals, number | null, number][] = [
    ['SIGINT', 130, 1],
    ['SIGTERM', 143, 40],
    ['SIGKILL', null, 150],
  ];
  for (const [signal, code, after] of cases) {
    it(`${signal} after ${after} written file(s): every file is original or fixed${code ? `, no temporary file remains, exit ${code}` : ''}`, async () => {
      const dir = tempDir();
      const files = makeTree(dir);
      const watch = [...files.keys()][after - 1] as string;
      const exit = await runAndKill(dir, watch, files.get(watch)?.[0] ?? '', signal);
      const { original, fixed } = census(dir, files);
      // The watched file was seen rewritten, so it must be complete; files are written in path
      // order, so every file before it is fixed too.
      expect(readFileSync(path.join(dir, watch), 'utf8'), exit.stderr).toBe(files.get(watch)?.[1]);
      expect(fixed, exit.stderr).toBeGreaterThanOrEqual(after);
      expect(original).toBeGreaterThan(0);
      const temps = allEntries(dir).filter((f) => f.endsWith('.tmp'));
      if (code !== null) {
        expect(exit.code).toBe(code);
        expect(exit.stderr).toContain(`interrupted (${signal})`);
        expect(temps).toEqual([]);
      } else {
        // SIGKILL cannot be handled: at most the one temporary file being written may remain,
        // recognisable by its name, never a damaged manifest.
        expect(exit.signal).toBe('SIGKILL');
        expect(temps.length).toBeLessThanOrEqual(1);
        for (const t of temps) expect(path.basename(t)).toMatch(TEMP_FILE_PATTERN);
      }
      if (signal === 'SIGKILL') {
        // A new run completes the job (a stray temporary file is not a manifest: never picked up).
        const rerun = await runAndKill(dir, watch, '', undefined);
        expect(rerun.code).toBe(0);
        expect(census(dir, files).fixed).toBe(FILES);
      }
    });
  }

  it('two concurrent runs on the same tree leave every file correctly fixed and no temporary file', async () => {
    const dir = tempDir();
    const files = makeTree(dir, 200);
    const [a, b] = await Promise.all([runAndKill(dir, '', '', undefined), runAndKill(dir, '', '', undefined)]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(census(dir, files).fixed).toBe(200);
    expect(allEntries(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
