import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PARSE_OPTIONS } from '../../src/yaml/options.js';

function decode(text: string): unknown {
  const [doc] = parseAllDocuments(text, PARSE_OPTIONS);
  if (doc === undefined || !('toJS' in doc)) throw new Error('no document');
  return doc.toJS();
}

describe('PARSE_OPTIONS decode like sigs.k8s.io/yaml (go-yaml v2)', () => {
  it.each([
    ['0644', 420],
    ['0o17', 15],
    ['0x1F', 31],
    ['0b101', 5],
    ['1_000', 1000],
    ['+12', 12],
    ['1e3', 1000],
    ['.5', 0.5],
    ['yes', true],
    ['On', true],
    ['n', false],
    ['off', false],
    ['~', null],
    ['2020-01-01', '2020-01-01'],
    ['2001-12-14t21:59:43.10-05:00', '2001-12-14t21:59:43.10-05:00'],
    ['1:20', '1:20'],
    ['"yes"', 'yes'],
    ['!!binary aGVsbG8=', 'hello'],
  ])('%s', (source, expected) => {
    expect(decode(`v: ${source}\n`)).toEqual({ v: expected });
  });

  it('applies merge keys', () => {
    expect(decode('a: &x {p: 1}\nb: {<<: *x, q: 2}\n')).toEqual({ a: { p: 1 }, b: { p: 1, q: 2 } });
  });

  it('reports duplicate keys', () => {
    const [doc] = parseAllDocuments('a: 1\na: 2\n', PARSE_OPTIONS);
    expect(doc?.errors.map((e) => e.code)).toEqual(['DUPLICATE_KEY']);
  });
});
