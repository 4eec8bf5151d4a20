import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPositionMapper, lineStarts } from '../../src/yaml/positions.js';

describe('createPositionMapper', () => {
  it('maps offsets to 1-based lines and columns', () => {
    const m = createPositionMapper('ab\ncd\n');
    expect(m.positionAt(0)).toEqual({ line: 1, column: 1 });
    expect(m.positionAt(2)).toEqual({ line: 1, column: 3 });
    expect(m.positionAt(3)).toEqual({ line: 2, column: 1 });
    expect(m.positionAt(6)).toEqual({ line: 3, column: 1 });
  });

  it('ends lines at \\n in CRLF text, so \\r is the last column', () => {
    const m = createPositionMapper('ab\r\ncd');
    expect(m.positionAt(2)).toEqual({ line: 1, column: 3 });
    expect(m.positionAt(4)).toEqual({ line: 2, column: 1 });
  });

  it('counts UTF-16 code units and skips a leading BOM', () => {
    const m = createPositionMapper('\uFEFFé😀x\ny');
    expect(m.positionAt(1)).toEqual({ line: 1, column: 1 });
    expect(m.positionAt(4)).toEqual({ line: 1, column: 4 });
    expect(m.positionAt(6)).toEqual({ line: 2, column: 1 });
  });

  it('clamps offsets outside the text', () => {
    const m = createPositionMapper('a\nb');
    expect(m.positionAt(-5)).toEqual({ line: 1, column: 1 });
    expect(m.positionAt(99)).toEqual({ line: 2, column: 2 });
  });

  it('agrees with a naive scan on any text', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '\r', 'é', '😀') }), fc.nat(), (text, n) => {
      const offset = text.length === 0 ? 0 : n % (text.length + 1);
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - (before.lastIndexOf('\n') + 1) + 1;
      expect(createPositionMapper(text).positionAt(offset)).toEqual({ line, column });
      expect(lineStarts(text)).toHaveLength(text.split('\n').length);
    }));
  });
});
