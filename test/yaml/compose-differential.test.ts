import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { needCorpus, yamlFiles } from '../corpus/corpus.js';
import { formCaseArb } from '../reliability/support/forms-gen.js';
import { manifestArb } from '../reliability/support/manifest-gen.js';
import { corpusFiles, mutate, seeded } from '../reliability/support/mutate.js';
import { compareFastPath } from './same-documents.js';
import { blockShapes } from './shapes-gen.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

/** Runs the comparison on texts: the differences found and how many took the fast path. */
function run(texts: Iterable<[string, string]>): { differences: string[]; fast: number; total: number } {
  const differences: string[] = [];
  let fast = 0;
  let total = 0;
  for (const [name, text] of texts) {
    total++;
    const r = compareFastPath(text);
    if (r === 'fast') fast++;
    else if (r !== 'declined') differences.push(`${name}: ${r.difference}`);
  }
  return { differences, fast, total };
}

describe('the fast YAML composer gives the documents parseAllDocuments gives, or declines', () => {
  it('on hand-written shapes, including the edge cases of ranges and comments', () => {
    const texts = [
      'a: 1\nb:\n  - x\n  - y: 2\n    z: "q"\n',
      '# top\n\napiVersion: v1  # c1\nkind: "List"\nitems:\n- a\n-   b: 1\n    c:\n    d: [x, "y"]\n# between\n- |\n  lit\n\n  x\n\n# end\n---\nfoo:\n  bar: &x 1\n  baz: *x\n',
      'a: [ x , "y" ]  # c\nb: []\nc: {}\nd: [x,y]\ne: { }\n',
      '---\n# Source: x\n---\na: 1\n---\n\n',
      'a:\n  - x\n  -\n  - &a y\nb: &b\n  c: 1\nd: |-\n  x\ne: >\n  folded\n  text\n\nf: \'it\'\'s\'\ng: "tab\\t"\n',
      'base: &b\n  x: 1\nother:\n  <<: *b\n  y: 2\n',
      'a:\n- x\n---\nb: 1\n',
      'a:\n  b: 1\n# at zero\nc: 2\n',
      'plain: multi\n  line value\nq: "multi\n  line"\n',
      'v: 0644\nw: yes\nx: 1_000\ny: 2020-01-01\nz: e5\n',
      // Comment lines the yaml package keeps in the collection that ends after them.
      'x:\n  env:\n  - a\n  # c\n\n  res: 1\ny:\n  m:\n    k: 1\n    # c2\n  n: 2\n',
      'a:\n  b:\n    c: 1\n    # t\nd: 1\n',
      'a:\n  b:\n    c: 1\n    # t\n',
      'a:\n  x: |\n    text\n  # c\nb: 2\n',
      // Comment lines more indented than the collection: appended to the value before them.
      'a: 1\n  # ind\n\n  # ind2\n # ind3\nb: 2\n',
      'a:\n- x\n  # c\n',
      'a: [x]\n  # c\nb: *x\n    # d',
      // One-line flow maps.
      'a: {duration: 10}\nb: { x: 1 , "y": z }\nd: {"a":1}\n',
    ];
    const r = run(texts.map((t, i) => [`case ${i}`, t]));
    expect(r.differences).toEqual([]);
    expect(r.fast).toBe(texts.length);
  });

  it('declines what it does not handle, so that the yaml package reports errors as before', () => {
    for (const text of ['a: 1\na: 2\n', 'a: !!str 1\n', '%YAML 1.1\n---\na: 1\n', '? a\n: b\n', 'a: {b: [c,\n  d]}\n', 'a: 1\r\n', 'a: {k: }\n', 'a: {b: 1, b: 2}\n', 'a:\n  b:\n# c\n', 'a: *x : 1\n', '- &a *b\n', '- &\n  x\n', 'a: &b: 1\n', 'a: &x[1]\n', 'a: "x"#c\n', `${'k'.repeat(1100)}: 1\n`, 'a: b: c\n', 'a: "open\n']) {
      expect(compareFastPath(text), JSON.stringify(text)).toBe('declined');
    }
  });

  it('on random block shapes: comments and blank lines at any column, empty values, anchors, flow and block scalars', () => {
    const r = run([...blockShapes(2026, 3000)].map((t, i): [string, string] => [`shape ${i} ${JSON.stringify(t)}`, t]));
    expect(r.differences).toEqual([]);
    // About 18 % (most generated texts are invalid or have forms the fast path declines).
    expect(r.fast).toBeGreaterThan(300);
  });

  it('on the whole shared corpus (../shared/corpus): most files take the fast path', (ctx) => {
    needCorpus(ctx);
    const files = corpusFiles();
    const r = run(files.map((f) => [f, readFileSync(f, 'utf8')]));
    expect(r.differences).toEqual([]);
    // 845 of 859 files when this was written (the rest: 9 with yaml errors, 3 with CRLF, a
    // multi-line flow map, a comment after an empty value); a regression declining more fails.
    expect(r.fast / r.total).toBeGreaterThan(0.95);
  });

  it('on mutated corpus files: never accepts what yaml rejects, never differs', (ctx) => {
    needCorpus(ctx);
    const files = corpusFiles();
    const rnd = seeded(1414);
    const texts: [string, string][] = [];
    for (let i = 0; i < 1500; i++) {
      const file = files[Math.floor(rnd() * files.length)] as string;
      texts.push([`mutation ${i} of ${path.basename(file)}`, mutate(readFileSync(file), rnd).toString('utf8')]);
    }
    const r = run(texts);
    expect(r.differences).toEqual([]);
    expect(r.fast).toBeGreaterThan(0);
  });

  it('on the golden fixtures, the generated manifests and the generated YAML forms', () => {
    const fixtures = yamlFiles(FIXTURES).map((f): [string, string] => [f, readFileSync(f, 'utf8')]);
    const manifests = fc.sample(manifestArb, { numRuns: 300, seed: 14 }).map((m, i): [string, string] => [`manifest ${i}`, m.text]);
    const forms = fc.sample(formCaseArb, { numRuns: 300, seed: 14 }).map((c, i): [string, string] => [`form ${i}`, c.text]);
    const rnd = seeded(99);
    const mutated = fixtures.slice(0, 200).map(([f, t], i): [string, string] => [`mutated fixture ${i} ${f}`, mutate(Buffer.from(t), rnd).toString('utf8')]);
    for (const set of [fixtures, manifests, forms, mutated]) {
      const r = run(set);
      expect(r.differences).toEqual([]);
    }
    // The fixtures are mostly unusual forms on purpose: 86 of 173 took the fast path when written.
    expect(run(fixtures).fast).toBeGreaterThan(fixtures.length / 3);
    expect(run(manifests).fast).toBeGreaterThan(0);
  });
});
