import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from '../yaml/nodes.js';

/** How the lines around an edit are laid out, so inserted lines look like their neighbours. */
export interface Layout {
  /** Spaces a nested block map is indented by, relative to its parent key. */
  indentUnit: number;
  /** Columns between a key and the `-` of its block sequence (0: `key:\n- item`). */
  seqIndent: number;
  /** False when nothing was found to learn from and both are defaults. */
  found?: boolean;
}

/** Offset of the start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** 0-based column of `offset`, not counting a byte-order mark. */
export function columnOf(text: string, offset: number): number {
  const start = lineStart(text, offset);
  return offset - start - (start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0);
}

/** The line break used by the line holding `offset` (or by the file, or `\n`). */
export function eolAt(text: string, offset: number): string {
  let nl = text.indexOf('\n', offset);
  if (nl === -1) nl = text.lastIndexOf('\n');
  if (nl === -1) return '\n';
  return nl > 0 && text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
}

/**
 * Where lines can be inserted after a node ending at `end`: the start of the next line. At the
 * end of a file without a final newline the inserted lines must start with a line break.
 */
export function lineAfter(text: string, end: number): { offset: number; needsLeadingBreak: boolean } {
  if (end > 0 && text.charCodeAt(end - 1) === 10) return { offset: end, needsLeadingBreak: false };
  const nl = text.indexOf('\n', end);
  if (nl === -1) return { offset: text.length, needsLeadingBreak: true };
  return { offset: nl + 1, needsLeadingBreak: false };
}

/** Offset of the line break ending the line that holds `offset` (or the end of the text). */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl === -1) return text.length;
  return nl > 0 && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
}

/** Reads the indentation habits of an object's map from its existing nested collections. */
export function detectLayout(text: string, root: YAMLMap, preferSeqUnder?: YAMLMap): Layout {
  let indentUnit: number | undefined;
  let seqIndent: number | undefined;
  const visitPair = (pair: Pair, depth: number): void => {
    if (depth > 12 || (indentUnit !== undefined && seqIndent !== undefined)) return;
    const key = pair.key;
    const value = pair.value;
    if (!isScalar(key) || !key.range || !value || !isCollectionNode(value as Node) || (value as YAMLMap).flow) return;
    const keyCol = columnOf(text, key.range[0]);
    if (isMap(value)) {
      const first = value.items[0]?.key;
      if (indentUnit === undefined && isScalar(first) && first.range) {
        const unit = columnOf(text, first.range[0]) - keyCol;
        if (unit > 0) indentUnit = unit;
      }
      for (const p of value.items) visitPair(p, depth + 1);
    } else if (isSeq(value) && value.range) {
      if (seqIndent === undefined) seqIndent = Math.max(0, columnOf(text, value.range[0]) - keyCol);
      for (const item of value.items) {
        if (isMap(item) && !item.flow) for (const p of item.items) visitPair(p, depth + 1);
      }
    }
  };
  if (preferSeqUnder && !preferSeqUnder.flow) for (const p of preferSeqUnder.items) visitPair(p, 0);
  for (const p of root.items) if (isPair(p)) visitPair(p, 0);
  const unit = indentUnit ?? 2;
  return { indentUnit: unit, seqIndent: seqIndent ?? unit, found: seqIndent !== undefined };
}

function isCollectionNode(n: Node): n is YAMLMap | YAMLSeq {
  return isMap(n) || isSeq(n);
}

/**
 * Column where a pair starts: its key's, or that of the `?` before an explicit key
 * (`? name` then `: value`), which is where a sibling pair must start too.
 */
export function pairColumn(text: string, keyStart: number): number {
  let at = keyStart - 1;
  while (at >= 0 && (text[at] === ' ' || text[at] === '\t')) at--;
  return at >= 0 && text[at] === '?' ? columnOf(text, at) : columnOf(text, keyStart);
}
