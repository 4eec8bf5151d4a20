import { describe, expect, it } from 'vitest';
import type { DiscoveredFile } from '../../src/io/discover.js';
import { PrereadTexts } from '../../src/run/preread-texts.js';

const file = (name: string): DiscoveredFile => ({ absolute: `/t/${name}`, display: name });

describe('texts kept from the pre-pass', () => {
  it('keeps the first files up to the budget and hands each text out once', () => {
    const [a, b, c] = [file('a'), file('b'), file('c')];
    const texts = new PrereadTexts(10);
    texts.offer(a, '123456');
    texts.offer(b, '1234567'); // over the budget: from here on nothing is kept
    texts.offer(c, '1');
    expect(texts.take(a)).toBe('123456');
    expect(texts.take(a)).toBeUndefined();
    expect(texts.take(b)).toBeUndefined();
    expect(texts.take(c)).toBeUndefined();
  });

  it('keeps nothing with a budget of 0 (write mode reads each file right before writing it)', () => {
    const texts = new PrereadTexts(0);
    const empty = file('empty');
    texts.offer(empty, '');
    expect(texts.take(empty)).toBeUndefined();
  });
});
