import type { Position } from '../core/types.js';

/** Converts UTF-16 offsets of one text into 1-based line/column positions. */
export interface PositionMapper {
  /** Position of `offset` (clamped to the text); the column counts UTF-16 code units. */
  positionAt(offset: number): Position;
}

/**
 * Builds a mapper for `text`. A line ends after `\n`, so in CRLF text the `\r` is the last
 * column of its line. A leading byte-order mark is not counted as a column: editors and code
 * scanning UIs never show it, so column 1 of line 1 is the first character after it.
 */
export function createPositionMapper(text: string): PositionMapper {
  const starts = lineStarts(text);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return {
    positionAt(offset: number): Position {
      const at = Math.max(0, Math.min(offset, text.length));
      const index = lineIndexOf(starts, at);
      const lineStart = starts[index] ?? 0;
      const skip = index === 0 ? bom : 0;
      return { line: index + 1, column: Math.max(at - lineStart - skip, 0) + 1 };
    },
  };
}

/** Offsets at which each line of `text` starts (the first is always 0). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Index of the last line start that is <= offset (binary search). */
export function lineIndexOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
