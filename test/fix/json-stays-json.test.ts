import { describe, expect, it } from 'vitest';
import { loadGoldenCases, runFix } from '../fixtures-support/golden.js';

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('a JSON manifest stays JSON', () => {
  const cases = loadGoldenCases('fix').filter((c) => isJson(c.input));
  it('the golden set has JSON inputs', () => {
    expect(cases.map((c) => c.name)).toEqual(expect.arrayContaining(['json-compact', 'json-manifest']));
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s: the fixed text is valid JSON', (_name, c) => {
    const out = runFix(c.input, c.options).output;
    expect(out).not.toBe(c.input);
    expect(isJson(out)).toBe(true);
  });
});
