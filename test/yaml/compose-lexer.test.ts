/**
 * The fast composer's scanner (src/yaml/compose-lexer.ts) against the `yaml` package's Lexer
 * (test/yaml/lexer-tokens.ts): where the scanner gives tokens, they are the Lexer's, kind and
 * offset for each; where it declines a text, the composer would have declined the Lexer's
 * tokens too (so no text loses the fast path). The documents composed from the tokens are held
 * to `parseAllDocuments` by compose-differential.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/yaml/compose-lexer.js';
import { composeTokens } from '../../src/yaml/compose.js';
import { Tok } from '../../src/yaml/compose-tokens.js';
import { needCorpus, yamlFiles } from '../corpus/corpus.js';
import { formCaseArb } from '../reliability/support/forms-gen.js';
import { manifestArb } from '../reliability/support/manifest-gen.js';
import { corpusFiles, mutate, seeded } from '../reliability/support/mutate.js';
import { lexerTokens } from './lexer-tokens.js';
import { blockShapes } from './shapes-gen.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

type Outcome = 'same' | 'declined' | { difference: string };

function compareTokens(text: string): Outcome {
  const ref = lexerTokens(text);
  const mine = tokenize(text);
  if (!mine) {
    // composeManifest declines these before any token.
    if (!ref || text.includes('\r') || text.charCodeAt(0) === 0xfeff) return 'declined';
    const kind = new Uint8Array(ref.kind.length + 4).fill(Tok.EOF);
    kind.set(ref.kind);
    const offset = new Int32Array(ref.kind.length + 4).fill(text.length);
    offset.set(ref.offset);
    return composeTokens(text, { kind, offset, count: ref.kind.length }) ? { difference: 'declined a text the composer takes' } : 'declined';
  }
  if (!ref) return { difference: 'gave tokens for a text with a token the fast path does not handle' };
  const count = Math.max(mine.count, ref.kind.length);
  for (let i = 0; i < count; i++) {
    const [k, o] = i < mine.count ? [mine.kind[i], mine.offset[i]] : ['none', 'none'];
    if (k !== ref.kind[i] || o !== ref.offset[i]) return { difference: `token ${i}: kind ${k} at ${o}, the Lexer's kind ${ref.kind[i]} at ${ref.offset[i]}` };
  }
  return 'same';
}

function run(texts: Iterable<[string, string]>): { differences: string[]; same: number; total: number } {
  const differences: string[] = [];
  let same = 0;
  let total = 0;
  for (const [name, text] of texts) {
    total++;
    const r = compareTokens(text);
    if (r === 'same') same++;
    else if (r !== 'declined') differences.push(`${name}: ${r.difference}`);
  }
  return { differences, same, total };
}

/** Texts of the pieces YAML's syntax turns on, put together at random (`count` of them). */
function* pieceTexts(seed: number, count: number): Generator<[string, string]> {
  const pieces = [' ', '  ', '\n', '\n  ', '\n    ', '-', '- ', ':', ': ', '#', ' #', '|', '>', '|-', '|+', '>2', '"', "'", '[', ']', '{', '}',
    ',', '&a', '*a', 'a', 'bc', '1', '.', '---', '...', '\t', '\\', '?', '!', 'x: ', 'k: v\n', '- x\n', '"q"', "'s'", 'é'];
  const rnd = seeded(seed);
  for (let i = 0; i < count; i++) {
    let t = '';
    const n = 1 + Math.floor(rnd() * 14);
    for (let j = 0; j < n; j++) t += pieces[Math.floor(rnd() * pieces.length)];
    yield [`pieces ${i} ${JSON.stringify(t)}`, t];
  }
}

describe("the fast composer's scanner gives the yaml Lexer's tokens, or declines", () => {
  it('on hand-written edge cases of block scalars, plain and quoted scalars, flow, anchors and documents', () => {
    const texts = [
      '', '\n\n', ' \n', '#', '# c\n\n  # d\na: 1\n', 'a: 1 \n', 'a:\n', 'a:', 'a', '-', '- ', '-\n', '- \n-\n', ':', ': a\n',
      // Block scalars: indentation indicators, chomping, empty ones, trailing lines and tabs.
      'a: |\n  x\n', 'a: |2\n   x\n', 'a: |+\n  a\n\n\n', 'a: >-\n  a\n  b\n\n', 'a: |\n\n\n  a\n', 'a: |\n', 'a: |', 'a: >+\n\n',
      'a: |\n  x\n\t\n', 'a: |\n  x\n \t\n', 'k: |1\n  x\n', '- |\n x\n- y\n', 'a: |  # c\n  x\n', 'a: |#c\n  x\n', 'a: |-\n   \n  x\n',
      'a: |\n  ---\n', 'a: |\n---\nb: 1\n', 'a:\n  b: |\n    x\n  c: 1\n', '|\n x\n', '--- |\n  x\n', 'a: |\n  x\n\n  y\n \nb: 2\n', 'a: | x\n',
      // Plain scalars over lines, ends at `: ` and ` #`, document markers.
      'a: b\n  c\n d\ne: 1\n', 'a: b\n---\n', 'a: b\n...\n', '- a\n  b\n- c\n', 'a: b #c\n', 'a: b#c\n', 'a: b:c\n', 'a: b: c\n',
      'a: http://x:80/y\n', 'a:b\n', 'a :b\n', 'a: -b\n', 'a: - b\n', '- - a\n  - b\n', '-a\n', 'a: ---\n', '--- a\n', '---a\n',
      '--- # c\na: 1\n', '---\n---\n', '--- \n', 'a: 1\n---\nb: 2\n---', 'a:\n  b\n\n  c\n', 'a: x\n\n  # c\n  y\n',
      // Quoted scalars: escapes, doubled quotes, over lines, less indented lines, not closed.
      'a: "x\n  y"\n', 'a: "x\ny"\n', "a: 'it''s'\n", 'a: "a\\"b"\n', 'a: "\\\\"\n', '"a": 1\n', "'a': 1\n", '"a":1\n', '- "x"\n',
      'a: "x" # c\n', 'a: "x"y\n', "a: 's''", 'a: "x', 'a: "', "a:\n  b: 'x\n y'\n", 'a:\n  - "x\n    y"\n',
      // Flow collections.
      'a: [x, y]\n', 'a: [x,y]\n', 'a: [ ]\n', 'a: {}\n', 'a: {x: 1}\n', 'a: {"x":1}\n', 'a: {x:1}\n', 'a: [a:b]\n', 'a: [x, "y" ]\n',
      'a: [x]  # c\n', 'a: [x] y\n', 'a: [x,\n y]\n', 'a: [[x]]\n', 'a: [&x y]\n', 'a: [*x]\n', 'a: ["x\n y"]\n', 'a: [x]]\n', 'a: ]\n',
      'a: }\n', '[a, b]\n', '{a: b}\n', 'a: [-]\n', 'a: [- x]\n', 'a: [:x]\n', 'a: [x:]\n', 'a: {x: }\n', 'a: {:x}\n', 'a: [x', 'a: [',
      // Anchors, aliases, tags, directives, explicit keys, tabs.
      'a: &x 1\nb: *x\n', 'a: &x\n  b: 1\n', '- &a\n- *a\n', '&a a: 1\n', '*a : 1\n', 'a: &x: 1\n', 'a: *\n', 'a: &\n', 'a: !!str b\n',
      '!a b\n', '%YAML 1.2\n---\n', '? a\n: b\n', '- ? a\n', 'a:\t1\n', '\ta: 1\n', 'a: 1\n  \t\n', 'a: b\t#c\n',
      // Other scripts, a byte order mark, a carriage return.
      'ключ: значение\n', 'a: 🙂\n', '\uFEFFa: 1\n', 'a: 1\r\n',
    ];
    const r = run(texts.map((t) => [JSON.stringify(t), t]));
    expect(r.differences).toEqual([]);
    expect(r.same).toBeGreaterThan(texts.length / 2);
  });

  it('on random texts of the pieces of YAML syntax', () => {
    const r = run(pieceTexts(2027, 20_000));
    expect(r.differences).toEqual([]);
    // About 70 % of them when this was written.
    expect(r.same).toBeGreaterThan(10_000);
  });

  it('on random block shapes, the golden fixtures, the generated manifests and YAML forms', () => {
    const fixtures = yamlFiles(FIXTURES).map((f): [string, string] => [f, readFileSync(f, 'utf8')]);
    const rnd = seeded(77);
    const sets: [string, string][][] = [
      [...blockShapes(2027, 3000)].map((t, i) => [`shape ${i} ${JSON.stringify(t)}`, t]),
      fixtures,
      fixtures.map(([f, t], i) => [`mutated fixture ${i} ${f}`, mutate(Buffer.from(t), rnd).toString('utf8')]),
      fc.sample(manifestArb, { numRuns: 300, seed: 15 }).map((m, i) => [`manifest ${i}`, m.text]),
      fc.sample(formCaseArb, { numRuns: 300, seed: 15 }).map((c, i) => [`form ${i}`, c.text]),
    ];
    for (const set of sets) {
      const r = run(set);
      expect(r.differences).toEqual([]);
      expect(r.same).toBeGreaterThan(0);
    }
  });

  it('on the whole shared corpus (../shared/corpus) and mutations of it', (ctx) => {
    needCorpus(ctx);
    const files = corpusFiles();
    const r = run(files.map((f) => [f, readFileSync(f, 'utf8')]));
    expect(r.differences).toEqual([]);
    // 855 of 859 when this was written (the others: CRLF, JSON, a multi-line flow map).
    expect(r.same / r.total).toBeGreaterThan(0.98);
    const rnd = seeded(2027);
    const mutated: [string, string][] = [];
    for (let i = 0; i < 1500; i++) {
      const file = files[Math.floor(rnd() * files.length)] as string;
      mutated.push([`mutation ${i} of ${path.basename(file)}`, mutate(readFileSync(file), rnd).toString('utf8')]);
    }
    expect(run(mutated).differences).toEqual([]);
  });
});
