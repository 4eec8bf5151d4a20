import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/fix/text-edits.js';

describe('applyEdits', () => {
  it('applies insertions and replacements in offset order', () => {
    const r = applyEdits('abcdef', [[{ start: 4, end: 4, text: 'X' }], [{ start: 1, end: 2, text: 'B' }]]);
    expect(r.text).toBe('aBcdXef');
    expect(r.skipped.size).toBe(0);
  });

  it('keeps insertions at the same offset in the order of their groups', () => {
    const r = applyEdits('ab', [[{ start: 1, end: 1, text: '1' }], [{ start: 1, end: 1, text: '2' }]]);
    expect(r.text).toBe('a12b');
  });

  it('skips a whole group that overlaps an accepted edit', () => {
    const r = applyEdits('abcdef', [
      [{ start: 1, end: 4, text: '-' }],
      [{ start: 0, end: 0, text: '>' }, { start: 2, end: 3, text: '?' }],
    ]);
    expect(r.text).toBe('a-ef');
    expect([...r.skipped]).toEqual([1]);
  });

  it('lets an insertion touch a replacement at its edges', () => {
    const r = applyEdits('abc', [[{ start: 1, end: 2, text: 'B' }], [{ start: 2, end: 2, text: '+' }]]);
    expect(r.text).toBe('aB+c');
  });
});
