/**
 * The discovery walk (`walkFiles`) against globby's `gitignore` option, which discovery used
 * before it: on generated trees with `.gitignore` files at every level (negations, anchored and
 * directory patterns, `**`), dot files, `node_modules`, symbolic links, a git work tree above
 * the walked directory or none, the same files are found, for a directory and for globs.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { globbySync } from 'globby';
import { afterAll, describe, expect, it } from 'vitest';
import { globFiles } from '../../src/io/discover.js';
import { pathMatcher } from '../../src/io/glob.js';
import { walkFiles } from '../../src/io/walk.js';

const DIRS = ['a', 'b', 'build', '.hidden', 'k8s', 'node_modules', 'vendor', 'deep'];
const FILES = ['x.yaml', 'y.yml', 'z.json', 'keep.yml', 'notes.txt', '.dot.yaml', 'UPPER.YAML', 'Chart.yaml'];
const RULES = ['build/', '*.yml', '!keep.yml', '/x.yaml', 'vendor', '**/b/*.yaml', 'a/**/y.yml', '# a comment', '', '.hidden',
  '!a/', 'k8s/*', '!k8s/x.yaml', 'x.YAML', 'deep/', '!deep/', '*.json', 'b', '/a/x.yaml', 'upper.yaml', '!*.yaml', '**/k8s/'];

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const GLOBBY = { gitignore: true, ignore: ['**/node_modules/**', '**/.git/**'], absolute: true, onlyFiles: true, dot: true };
const top = mkdtempSync(path.join(tmpdir(), 'privreg-walk-'));
afterAll(() => rmSync(top, { recursive: true, force: true }));

/** A generated tree under `root`: files, directories and `.gitignore` files. */
function makeTree(root: string, rnd: () => number, depth: number): void {
  mkdirSync(root, { recursive: true });
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  for (const f of FILES) if (rnd() < 0.5) writeFileSync(path.join(root, f), 'kind: ConfigMap\n');
  if (rnd() < 0.6) writeFileSync(path.join(root, '.gitignore'), Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(RULES)).join('\n') + '\n');
  if (depth > 0) for (const d of DIRS) if (rnd() < 0.35) makeTree(path.join(root, d), rnd, depth - 1);
}

const sorted = (xs: readonly string[]): string[] => xs.map((x) => path.normalize(x)).sort();

describe('the discovery walk finds what globby found', () => {
  it.each(Array.from({ length: 80 }, (_, i) => i))('generated tree %i', (seed) => {
    const rnd = random(seed + 1);
    const tree = path.join(top, `t${seed}`);
    const inRepo = seed % 3 !== 0;
    // The walk starts one level down: a .gitignore above it counts inside a git work tree.
    makeTree(tree, rnd, 1);
    if (inRepo) mkdirSync(path.join(tree, '.git'), { recursive: true });
    const root = path.join(tree, 'sub');
    makeTree(root, rnd, 3);
    if (seed % 4 === 1) {
      symlinkSync(path.join(root, 'a'), path.join(root, 'linked'));
      symlinkSync(path.join(root, 'missing'), path.join(root, 'broken.yaml'));
    }
    const globby = (pattern: string, cwd: string): string[] => {
      try {
        return sorted(globbySync(pattern, { ...GLOBBY, cwd }));
      } catch {
        return ['(error)'];
      }
    };
    const found = sorted(walkFiles(root, pathMatcher('**/*.{yaml,yml,json}')));
    expect(found).toEqual(globby('**/*.{yaml,yml,json}', root));
    for (const pattern of ['sub/**/*.yaml', 'sub/a/*.{yml,yaml}', 'sub/*/x.yaml', '**/k8s/*.yaml', 'sub/node_modules/*.yaml']) {
      expect(sorted(globFiles(pattern, tree) ?? []), pattern).toEqual(globby(pattern, tree));
    }
    if (seed % 4 === 1) {
      // A link back to a directory being walked is not followed (globby follows it until the
      // path is too long): the walk ends and finds the same files.
      symlinkSync(root, path.join(root, 'loop'));
      expect(sorted(walkFiles(root, pathMatcher('**/*.{yaml,yml,json}')))).toEqual(found);
    }
  });
});
