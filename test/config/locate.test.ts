import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { locatePointer, pointerSegments } from '../../src/config/locate.js';

function locate(text: string, pointer: string, key?: string): [number, number] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const p = locatePointer(doc, lineCounter, pointer, key);
  return [p.line, p.column];
}

describe('locatePointer', () => {
  const text = 'a:\n  b: [1, {c: 2}]\n  "x/y": z\n';

  it('finds values by pointer', () => {
    expect(locate(text, '')).toEqual([1, 1]);
    expect(locate(text, '/a/b')).toEqual([2, 6]);
    expect(locate(text, '/a/b/1/c')).toEqual([2, 14]);
    expect(locate(text, '/a/x~1y')).toEqual([3, 10]);
  });

  it('finds keys when asked', () => {
    expect(locate(text, '/a', 'x/y')).toEqual([3, 3]);
    expect(locate(text, '/a/b/1', 'c')).toEqual([2, 11]);
  });

  it('falls back to the nearest existing ancestor', () => {
    expect(locate(text, '/a/nope/deeper')).toEqual([2, 3]);
    expect(locate(text, '/a/b/7')).toEqual([2, 6]);
  });

  it('points at the key of an empty value', () => {
    expect(locate('a:\nb: 1\n', '/a')[0]).toBe(1);
  });

  it('works on an empty document', () => {
    expect(locate('', '/a')).toEqual([1, 1]);
  });
});

describe('pointerSegments', () => {
  it('decodes escapes', () => {
    expect(pointerSegments('')).toEqual([]);
    expect(pointerSegments('/a~1b/~0c/0')).toEqual(['a/b', '~c', '0']);
  });
});
