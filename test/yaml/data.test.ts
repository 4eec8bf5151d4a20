/**
 * `documentToJS` and `valueToJS` (src/yaml/data.ts) against the `yaml` package's own `toJS`:
 * the same data (deeply and strictly equal: prototypes, own properties, Dates) on hand-written
 * edge cases, the golden fixtures, generated manifests and YAML forms, and the shared corpus.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentToJS, valueToJS } from '../../src/yaml/data.js';
import { isMap } from '../../src/yaml/nodes.js';
import { parseManifest } from '../../src/yaml/parse.js';
import { needCorpus, yamlFiles } from '../corpus/corpus.js';
import { formCaseArb } from '../reliability/support/forms-gen.js';
import { manifestArb } from '../reliability/support/manifest-gen.js';
import { corpusFiles } from '../reliability/support/mutate.js';
import { blockShapes } from './shapes-gen.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

/** The differences of one text: each document's data, and each key of each root map. */
function differences(name: string, text: string): string[] {
  const out: string[] = [];
  let file;
  try {
    file = parseManifest(name, text);
  } catch {
    return out;
  }
  for (const [i, doc] of file.docs.entries()) {
    let expected: unknown;
    try {
      expected = doc.toJS();
    } catch {
      continue;
    }
    if (!isDeepStrictEqual(documentToJS(doc), expected)) out.push(`${name}: document ${i}`);
    const root = doc.contents;
    if (!isMap(root)) continue;
    const data = root.toJS(doc) as Record<string, unknown>;
    for (const key of [...Object.keys(data), 'metadata', 'absent']) {
      if (!isDeepStrictEqual(valueToJS(root, key, doc), data[key])) out.push(`${name}: document ${i} key ${key}`);
    }
  }
  return out;
}

const all = (texts: Iterable<[string, string]>): string[] => [...texts].flatMap(([name, text]) => differences(name, text));

describe('plain data of YAML nodes, as the yaml package gives it', () => {
  it('on hand-written edge cases: merge keys, aliases, odd keys, tagged collections, timestamps', () => {
    const texts = [
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: b\ndata: {x: "1"}\n',
      'base: &b\n  namespace: n\nmetadata:\n  <<: *b\n  name: x\n',
      'metadata: &m\n  namespace: n\nother: *m\n',
      '<<: {metadata: {namespace: merged}}\nkind: Pod\n',
      '"<<": {a: 1}\nmetadata: {namespace: q}\n',
      'metadata: 1\nmetadata: 2\n',
      '__proto__: {polluted: true}\nconstructor: 1\ntoString: 2\nhasOwnProperty: 3\n',
      '1: a\ntrue: b\nyes: c\n~: d\n0x10: e\n1.5: f\n',
      '? [a, b]\n: 1\n? {k: v}\n: 2\n',
      'd: 2024-01-02\nt: 2001-12-14t21:59:43.10-05:00\nmetadata: {creationTimestamp: 2024-01-02T03:04:05Z}\n',
      's: !!set\n  ? a\n  ? b\no: !!omap\n  - a: 1\n  - b: 2\np: !!pairs\n  - a: 1\n',
      'a: [x: 1, y]\nb: [{c: d}]\n',
      'a: &x [1, 2]\nb: *x\nc: &y {k: v}\nd: [*y, *y]\n',
      'metadata:\n  labels: &l {a: b}\n  annotations: *l\n',
      'a: !!binary aGVsbG8=\nb: !!str 1\nc: !!int "3"\nmetadata: !!map {namespace: n}\n',
      '', '# only a comment\n', '--- null\n', '--- 3\n', '---\n- a\n- b\n', 'a:\nb: ~\nmetadata:\n',
    ];
    expect(all(texts.map((t, i) => [`case ${i}`, t]))).toEqual([]);
  });

  it('on the golden fixtures, random block shapes, the generated manifests and YAML forms', () => {
    const texts: [string, string][] = [
      ...yamlFiles(FIXTURES).map((f): [string, string] => [f, readFileSync(f, 'utf8')]),
      ...[...blockShapes(31, 1500)].map((t, i): [string, string] => [`shape ${i}`, t]),
      ...fc.sample(manifestArb, { numRuns: 300, seed: 16 }).map((m, i): [string, string] => [`manifest ${i}`, m.text]),
      ...fc.sample(formCaseArb, { numRuns: 300, seed: 16 }).map((c, i): [string, string] => [`form ${i}`, c.text]),
    ];
    expect(all(texts)).toEqual([]);
  });

  it('on the whole shared corpus (../shared/corpus)', (ctx) => {
    needCorpus(ctx);
    expect(all(corpusFiles().map((f): [string, string] => [f, readFileSync(f, 'utf8')]))).toEqual([]);
  });
});
