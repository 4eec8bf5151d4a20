import { isMap, isScalar, isSeq, type Pair, type Scalar, type YAMLMap, type YAMLSeq, findPair } from '../yaml/nodes.js';
import type { TextEdit } from '../core/types.js';
import { columnOf, eolAt, lineAfter, pairColumn, type Layout } from './layout.js';
import { renderBlockPair, renderFlow, renderFlowNames, type NewValue } from './new-value.js';
import { formatScalar } from './scalar-format.js';

export { fillEmptyScalar, fillEmptyValue } from './empty-value.js';
import { replaceBlockContent } from './block-scalar.js';

/** True when a flow collection is written JSON-style (its first key or item is double-quoted). */
function isJsonStyle(node: YAMLMap | YAMLSeq): boolean {
  const first = node.items[0];
  if (first === undefined) return false;
  const probe = isMap(node) ? (first as Pair).key : isMap(first) ? first.items[0]?.key : first;
  return isScalar(probe) && probe.type === 'QUOTE_DOUBLE';
}

/**
 * End of a node's own content. Block collections' ranges run on over trailing comments and the
 * next key's indentation, so descend to the last item instead.
 */
function contentEnd(node: unknown): number | undefined {
  if ((isMap(node) || isSeq(node)) && !node.flow) {
    const last = node.items[node.items.length - 1] as unknown;
    if (last === undefined) return node.range?.[1];
    if (isPairLike(last)) return pairEnd(last);
    return contentEnd(last);
  }
  return (node as { range?: number[] } | null)?.range?.[1];
}

/** Skips comment lines below `offset` that are indented deeper than `col`: they belong to the block above. */
function skipDeeperComments(text: string, offset: number, col: number): number {
  let at = offset;
  for (;;) {
    const m = /^( *)#[^\n]*(\n|$)/.exec(text.slice(at, at + 4096));
    if (!m || (m[1] as string).length <= col || m[2] === '') return at;
    at += m[0].length;
  }
}

function insertLines(text: string, end: number, lines: string[], col: number): TextEdit {
  let at = lineAfter(text, end);
  if (!at.needsLeadingBreak) at = { offset: skipDeeperComments(text, at.offset, col), needsLeadingBreak: false };
  const eol = eolAt(text, Math.max(0, end - 1));
  const body = at.needsLeadingBreak ? eol + lines.join(eol) : lines.map((l) => l + eol).join('');
  return { start: at.offset, end: at.offset, text: body };
}

/** End offset of a pair's value content, or of its key when the value is empty. */
function pairEnd(pair: Pair): number {
  const key = pair.key as { range?: [number, number, number] };
  const keyEnd = key.range?.[1] ?? 0;
  const end = contentEnd(pair.value);
  return end === undefined || end < keyEnd ? keyEnd : end;
}

/**
 * Adds `key: value` to a map that lacks the key: as new lines after the pair named by the first
 * present key of `after` (else after the last pair) in a block map, or before the closing brace
 * of a flow map. Returns undefined when the map has no position information.
 */
export function addPair(text: string, map: YAMLMap, key: string, value: NewValue, after: readonly string[], layout: Layout): TextEdit[] | undefined {
  if (!map.range) return undefined;
  if (map.flow) return [insertIntoFlow(text, map, `${renderFlow({ kind: 'scalar', value: key }, isJsonStyle(map))}: ${renderFlow(value, isJsonStyle(map))}`)];
  const first = map.items[0];
  if (!first || !isScalar(first.key) || !first.key.range) return undefined;
  const col = pairColumn(text, first.key.range[0]);
  let anchor: Pair | undefined;
  for (const k of after) {
    anchor = findPair(map, k);
    if (anchor) break;
  }
  anchor ??= map.items[map.items.length - 1] as Pair;
  return [insertLines(text, pairEnd(anchor), renderBlockPair(key, value, col, layout), col)];
}

/** Inserts `entry` as the last entry of a flow map or sequence. */
function insertIntoFlow(text: string, node: YAMLMap | YAMLSeq, entry: string): TextEdit {
  const last = node.items[node.items.length - 1] as unknown;
  if (last !== undefined) {
    const end = isPairLike(last) ? pairEnd(last) : ((last as { range?: number[] }).range?.[1] ?? 0);
    const lastStart = (isPairLike(last) ? (last.key as { range?: number[] } | null) : (last as { range?: number[] }))?.range?.[0];
    const open = node.range?.[0] ?? 0;
    // One entry a line (pretty-printed JSON, `kubectl get -o json`): the new one gets its own line.
    if (lastStart !== undefined && text.lastIndexOf('\n', lastStart) >= open) {
      const indent = ' '.repeat(columnOf(text, lastStart));
      return { start: end, end, text: `,${eolAt(text, end)}${indent}${entry}` };
    }
    return { start: end, end, text: `, ${entry}` };
  }
  const [open, end] = node.range as [number, number, number];
  const close = end - 1;
  // Empty and closed on another line (`{` newline `}`, the bracket maybe at the key's column,
  // where no entry could stand): the entry goes right after the opening bracket.
  if (text.slice(open, close).includes('\n')) return { start: open + 1, end: open + 1, text: entry };
  // Empty `{}`/`[]`: insert before the closing bracket, keeping any padding inside.
  const padded = text.charCodeAt(close - 1) === 32;
  return { start: close, end: close, text: padded ? `${entry} ` : entry };
}

function isPairLike(v: unknown): v is Pair {
  return typeof v === 'object' && v !== null && 'key' in v && 'value' in v;
}

/**
 * Replaces a scalar's text with `value`, keeping its quote style; a block scalar (`|-`, `>`)
 * keeps its header and only its one line of content changes (given the `text`), or it is left
 * alone (undefined) when its content is not a single line the new value can take.
 */
export function replaceScalar(scalar: Scalar, value: string, text?: string): TextEdit[] | undefined {
  if (!scalar.range) return undefined;
  if (scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED') return text === undefined ? undefined : replaceBlockContent(text, scalar, value);
  const style = scalar.type === 'QUOTE_DOUBLE' ? 'double' : scalar.type === 'QUOTE_SINGLE' ? 'single' : 'plain';
  const [start, end] = scalar.range;
  if (start === end) return [{ start, end, text: ` ${formatScalar(value)}` }];
  return [{ start, end, text: formatScalar(value, style) }];
}

/** Appends `{name: x}` items to an existing sequence (block or flow). */
export function appendNames(text: string, seq: YAMLSeq, names: readonly string[]): TextEdit[] | undefined {
  if (!seq.range) return undefined;
  if (seq.flow) return [insertIntoFlow(text, seq, renderFlowNames(names, isJsonStyle(seq)))];
  const dashCol = columnOf(text, seq.range[0]);
  const lines = names.map((n) => `${' '.repeat(dashCol)}- name: ${formatScalar(n)}`);
  return [insertLines(text, contentEnd(seq) ?? seq.range[1], lines, dashCol)];
}

/** Appends string items to an existing sequence (block or flow). */
export function appendStrings(text: string, seq: YAMLSeq, items: readonly string[]): TextEdit[] | undefined {
  if (!seq.range) return undefined;
  const json = isJsonStyle(seq);
  if (seq.flow) return [insertIntoFlow(text, seq, items.map((s) => (json ? JSON.stringify(s) : formatScalar(s))).join(', '))];
  const dashCol = columnOf(text, seq.range[0]);
  const lines = items.map((s) => `${' '.repeat(dashCol)}- ${formatScalar(s)}`);
  return [insertLines(text, contentEnd(seq) ?? seq.range[1], lines, dashCol)];
}
