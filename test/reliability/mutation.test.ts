import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../e2e/cli.js';
import { dataOf } from './support/check-fix.js';
import { needCorpus } from '../corpus/corpus.js';
import { corpusFiles, mutate, runMutation, seeded } from './support/mutate.js';

/** Mutated inputs per CI run; `npm run fuzz` runs far more (see docs/RELIABILITY.md). */
export const CI_MUTATION_RUNS = 250;
const CLI_FILES = 40;

describe('mutation fuzzing of the shared corpus (../shared/corpus)', () => {
  it(`random byte edits, deletions and truncations never crash the engine nor offer unparsable output (${CI_MUTATION_RUNS} cases)`, (ctx) => {
    needCorpus(ctx);
    const files = corpusFiles();
    const rnd = seeded(42);
    const problems: string[] = [];
    const seen = { rejected: 0, unchanged: 0, fixed: 0 };
    for (let i = 0; i < CI_MUTATION_RUNS; i++) {
      const file = files[Math.floor(rnd() * files.length)] as string;
      const outcome = runMutation(mutate(readFileSync(file), rnd));
      if (typeof outcome === 'object') problems.push(`case ${i} (${path.basename(file)}): ${outcome.problem}`);
      else seen[outcome]++;
    }
    expect(problems).toEqual([]);
    // The mix shows the mutations reach every path: rejected bytes, refused YAML and real fixes.
    expect(seen.rejected).toBeGreaterThan(0);
    expect(seen.unchanged).toBeGreaterThan(0);
    expect(seen.fixed).toBeGreaterThan(0);
  });

  it(`the CLI on a tree of mutated files: no crash, exit 1 with a message per broken file, never writes a file that does not parse (${CLI_FILES} files)`, (ctx) => {
    needCorpus(ctx);
    const files = corpusFiles();
    const rnd = seeded(7);
    const dir = tempDir();
    const originals = new Map<string, Buffer>();
    for (let i = 0; i < CLI_FILES; i++) {
      const file = files[Math.floor(rnd() * files.length)] as string;
      const bytes = i % 4 === 0 ? readFileSync(file) : mutate(readFileSync(file), rnd);
      const name = `f${String(i).padStart(3, '0')}.yaml`;
      writeFileSync(path.join(dir, name), bytes);
      originals.set(name, bytes);
    }
    const r = runCli(['-n', 'demo', '-s', 'regcred', '--registry', 'reg.example.com/mirror', '--write', '.'], { cwd: dir });
    expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    expect([0, 1]).toContain(r.code);
    for (const [name, before] of originals) {
      const after = readFileSync(path.join(dir, name));
      if (after.equals(before)) continue;
      const parsed = dataOf(after.toString('utf8'));
      expect('error' in parsed ? parsed.error : 'ok', `${name} was written but does not parse`).toBe('ok');
    }
    const broken = [...originals].filter(([, b]) => {
      const p = runMutation(b);
      return p === 'rejected' || ('error' in dataOf(b.toString('utf8')));
    });
    if (broken.length > 0) {
      expect(r.code).toBe(1);
      for (const [name] of broken) expect(r.stdout + r.stderr, name).toContain(name);
    }
  });
});
