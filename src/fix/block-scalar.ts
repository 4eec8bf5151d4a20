import type { Scalar } from '../yaml/nodes.js';
import type { TextEdit } from '../core/types.js';
import { lineEnd } from './layout.js';

/**
 * Rewrites the content of a block scalar (`image: >-` newline `  nginx:1.25`) whose content is
 * one line: that line's text becomes the new value, the header (style, chomping, comment) and
 * indentation stay, so the scalar keeps its style and reads as `value`. Undefined when the
 * content spans several lines or the new value cannot be written as that one line.
 */
export function replaceBlockContent(text: string, scalar: Scalar, value: string): TextEdit[] | undefined {
  const [start, end] = scalar.range as [number, number, number];
  const old = scalar.value;
  if (typeof old !== 'string') return undefined;
  let at = lineEnd(text, start);
  let line: { start: number; text: string } | undefined;
  while (at < end) {
    const next = text.indexOf('\n', at);
    if (next === -1 || next >= end) break;
    at = next + 1;
    const stop = Math.min(lineEnd(text, at), end);
    const content = text.slice(at, stop).trim();
    if (content === '') continue;
    if (line) return undefined; // several lines: folding and indentation rules get involved
    line = { start: at + (text.slice(at, stop).length - text.slice(at, stop).trimStart().length), text: content };
  }
  if (!line || !old.startsWith(line.text)) return undefined;
  const suffix = old.slice(line.text.length); // what the chomping adds: '' or '\n'
  if (!value.endsWith(suffix)) return undefined;
  const next = value.slice(0, value.length - suffix.length);
  if (next === '' || /[\r\n]/.test(next) || /^\s|\s$/.test(next)) return undefined;
  return [{ start: line.start, end: line.start + line.text.length, text: next }];
}
