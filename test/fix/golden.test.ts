import { describe, expect, it } from 'vitest';
import { findingLines, loadGoldenCases, runFix } from '../fixtures-support/golden.js';

describe.each(loadGoldenCases('fix'))('fixtures/fix/$name', (c) => {
  const result = runFix(c.input, c.options);

  it('produces the expected output', () => {
    expect(result.output).toBe(c.output);
  });

  it('reports the expected findings', () => {
    expect(c.findings, 'findings.txt is missing').toBeDefined();
    expect(findingLines(result)).toBe(c.findings);
  });

  it('is idempotent: fixing the output changes nothing and finds nothing to fix', () => {
    const again = runFix(c.output, c.options);
    expect(again.output).toBe(c.output);
    expect(again.findings.filter((f) => f.fix)).toEqual([]);
  });

  it('has check parity: fixable findings exactly when the output differs', () => {
    const fixable = result.findings.filter((f) => f.fix);
    expect(fixable.length > 0).toBe(c.output !== c.input);
  });
});
