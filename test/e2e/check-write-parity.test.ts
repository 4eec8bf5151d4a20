import { chmodSync, cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, needCorpus } from '../corpus/corpus.js';
import { ROOT, runCli, tempDir } from './cli.js';

/**
 * `--check` is a dry run of `--write`: the same passes and the same verification. Through the
 * CLI, on whole trees: the files check says would change are exactly the files write changes,
 * and both report the same findings (write only marks the fixable ones fixed).
 */

interface JsonFinding { ruleId: string; line: number; column: number; message: string; fixable: boolean }
interface JsonFile { path: string; changed: boolean; skipped: boolean; findings: JsonFinding[] }

const FLAGS = ['--format', 'json', '-n', 'parity', '-s', 'regcred', '--registry', 'reg.example.com/mirror'];

/** Makes every file of a copied tree writable (the shared corpus is read-only). */
function makeWritable(dir: string): void {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const directory = statSync(p).isDirectory();
    chmodSync(p, directory ? 0o755 : 0o644);
    if (directory) makeWritable(p);
  }
}

function contents(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(path.relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

function report(args: string[], cwd: string): JsonFile[] {
  const r = runCli([...args, ...FLAGS, '.'], { cwd });
  expect(r.stderr).not.toMatch(/internal error/);
  return (JSON.parse(r.stdout) as { files: JsonFile[] }).files;
}

const findingsOf = (f: JsonFile): string[] => f.findings.map((x) => `${x.line}:${x.column} ${x.ruleId} ${x.fixable} ${x.message}`);

function expectParity(source: string): { files: number; changed: number } {
  const dir = tempDir();
  cpSync(source, dir, { recursive: true });
  makeWritable(dir);
  const before = contents(dir);
  const check = report(['--check'], dir);
  expect(contents(dir)).toEqual(before);
  const write = report(['--write'], dir);
  const after = contents(dir);
  const written = [...after].filter(([p, text]) => before.get(p) !== text).map(([p]) => p).sort();
  expect(check.filter((f) => f.changed).map((f) => f.path).sort()).toEqual(written);
  expect(write.filter((f) => f.changed).map((f) => f.path).sort()).toEqual(written);
  expect(write.map((f) => [f.path, f.skipped, findingsOf(f)])).toEqual(check.map((f) => [f.path, f.skipped, findingsOf(f)]));
  return { files: check.length, changed: written.length };
}

describe('--check reports exactly what --write changes', () => {
  it('on the golden fixtures (every shape the fixer knows, broken files included)', () => {
    const { files, changed } = expectParity(path.join(ROOT, 'fixtures'));
    expect(files).toBeGreaterThan(100);
    expect(changed).toBeGreaterThan(50);
  }, 120_000);

  it('on the shared corpus of real manifests', (ctx) => {
    needCorpus(ctx);
    const { files, changed } = expectParity(CORPUS);
    expect(files).toBeGreaterThan(800);
    expect(changed).toBeGreaterThan(500);
  }, 300_000);
});
