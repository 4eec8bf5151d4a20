import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { formatScalar } from '../../src/fix/scalar-format.js';
import { PARSE_OPTIONS } from '../../src/yaml/options.js';

/** What each reader makes of `key: <text>`: YAML 1.1, YAML 1.2 core, and the Kubernetes (go-yaml v2) reading. */
function readings(text: string): unknown[] {
  const line = `key: ${text}`;
  return [
    (parse(line, { version: '1.1' }) as { key: unknown }).key,
    (parse(line, { version: '1.2' }) as { key: unknown }).key,
    (parseDocument(line, PARSE_OPTIONS).toJS() as { key: unknown }).key,
  ];
}

const LOOK_ALIKES = [
  'e5', 'E5', 'e0', 'e-5', 'e10', 'e+5', 'yes', 'Yes', 'no', 'on', 'On', 'off', 'y', 'n', 'true', 'False', 'null', 'Null', 'NULL', '~',
  '0x1f', '0b11', '0o17', '017', '1_000', '1e5', '.5', '1.', '.inf', '-.inf', '.nan', '1:20', '2020-01-01', '<<', '-', '.', '', ' a', 'a ', 'a #b', 'a: b',
];

describe('formatScalar', () => {
  it.each(LOOK_ALIKES)('writes %j so that YAML 1.1, 1.2 and Kubernetes all read the string', (value) => {
    expect(readings(formatScalar(value))).toEqual([value, value, value]);
  });

  it('quotes exactly the look-alikes and keeps ordinary names plain', () => {
    for (const v of ['e5', 'e0', 'e-5', 'e10', 'yes', 'on', 'y', 'null']) expect(formatScalar(v)).toBe(JSON.stringify(v));
    for (const v of ['demo', 'regcred', 'e5x', 'ex5', 'nginx:1.25', 'reg.example.com/app@sha256:abc', 'yesno']) expect(formatScalar(v)).toBe(v);
  });

  it('any string written plain reads back as itself in every reading (generated)', () => {
    const chars = fc.constantFrom(...'eEyYnNoO01589._-+:~/@ x#'.split(''));
    fc.assert(fc.property(fc.array(chars, { maxLength: 6 }).map((a) => a.join('')), (value) => {
      expect(readings(formatScalar(value))).toEqual([value, value, value]);
    }), { numRuns: 400, seed: 17 });
  });
});

describe('the Kubernetes reading of plain scalars (go-yaml v2, resolve.go)', () => {
  // go-yaml v2 only tries numbers for scalars starting with a digit, a sign or a dot, and its
  // float pattern needs a digit before the exponent: `e5` is a string to the API server.
  it.each(['e5', 'E5', 'e-5', 'e10', '-e5', '.e5', '.'])('%j stays a string', (v) => {
    expect(readings(v)[2]).toBe(v);
  });
  it.each([['1e5', 100000], ['1.5e3', 1500], ['.5', 0.5], ['1.', 1], ['1_000', 1000], ['0644', 420], ['0o17', 15], ['yes', true], ['off', false]] as const)('%j is %j', (v, n) => {
    expect(readings(v)[2]).toBe(n);
  });
});
