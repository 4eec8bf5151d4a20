import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkGenerated, describeCase } from './support/check-fix.js';
import { manifestArb } from './support/manifest-gen.js';

/** Cases per CI run; `npm run fuzz` runs far more (see docs/RELIABILITY.md). */
export const CI_PROPERTY_RUNS = 300;

describe('properties of the fix over generated manifests', () => {
  it(`output parses, data = expected fix, comments and untouched lines kept, idempotent, check parity (${CI_PROPERTY_RUNS} cases)`, () => {
    fc.assert(
      fc.property(manifestArb, (m) => {
        const problem = checkGenerated(m);
        if (problem) throw new Error(describeCase(m, problem));
      }),
      // A fixed seed keeps CI deterministic; the long run varies it.
      { numRuns: CI_PROPERTY_RUNS, seed: 20_240_601 },
    );
  });

  it('the generator covers the layouts it promises', () => {
    const cases = fc.sample(manifestArb, { numRuns: 200, seed: 7 });
    const texts = cases.map((c) => c.text);
    expect(texts.some((t) => t.includes('\r\n'))).toBe(true);
    expect(texts.some((t) => t.startsWith('\uFEFF'))).toBe(true);
    expect(texts.some((t) => !/\n$/.test(t))).toBe(true);
    expect(texts.some((t) => /\n {4}- /.test(t))).toBe(true);
    expect(texts.some((t) => /\n- /.test(t))).toBe(true);
    expect(texts.some((t) => /: \{/.test(t))).toBe(true);
    expect(texts.some((t) => /&l\d/.test(t) && /\*l\d/.test(t))).toBe(true);
    expect(texts.some((t) => /\|[+-]?/.test(t))).toBe(true);
    expect(texts.some((t) => /\n---/.test(t))).toBe(true);
    expect(texts.some((t) => / # c\d/.test(t))).toBe(true);
  });
});
