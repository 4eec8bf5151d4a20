import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkForm, formCaseArb } from './support/forms-gen.js';

/** Cases per CI run; `npm run fuzz` runs more. */
export const CI_FORM_RUNS = 300;

describe('issue 17 forms: look-alikes, tagged/commented/anchored empties, explicit keys, multi-line flows, JSON', () => {
  it(`every generated form is fixed in place, verified, idempotent, with check parity (${CI_FORM_RUNS} cases)`, () => {
    fc.assert(fc.property(formCaseArb, (c) => {
      const problem = checkForm(c);
      if (problem) throw new Error(`${problem}\ninput (JSON string): ${JSON.stringify(c.text)}\noptions: ${c.options.namespace} ${c.options.pullSecrets.join(',')}`);
    }), { numRuns: CI_FORM_RUNS, seed: 17_017 });
  });

  it('the generator covers every family', () => {
    const texts = fc.sample(formCaseArb, { numRuns: 300, seed: 3 }).map((c) => c.text);
    for (const probe of [/"e5"|: e5/, /# /, /!!null/, /&m/, /\? /, /\{\n/, /^\{/]) expect(texts.some((t) => probe.test(t)), String(probe)).toBe(true);
  });
});
