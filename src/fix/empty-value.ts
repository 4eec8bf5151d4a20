import type { Pair, Scalar } from '../yaml/nodes.js';
import type { TextEdit } from '../core/types.js';
import { eolAt, lineEnd, pairColumn, type Layout } from './layout.js';
import { renderBlockChildren, renderFlow, type NewValue } from './new-value.js';
import { formatScalar } from './scalar-format.js';

/**
 * What follows `key:` on its line when the value is empty or null: `namespace: # note`,
 * `metadata: &m`, `metadata: !!null ~`, `imagePullSecrets: null`.
 */
interface ValueSlot {
  /** Offset just after the `:` value indicator. */
  colon: number;
  /** End of the value's properties and content (before trailing blanks and any comment). */
  end: number;
  /** Properties to keep (anchors, tags other than `!!null`), in order. */
  kept: string[];
  /** An explicit `~`/`null` is written there, to be replaced (a lone `!!null` tag is just dropped). */
  explicit: boolean;
}

const NULL_WORD = /^(?:~|null|Null|NULL)$/;
const NULL_TAG = /^(?:!!null|!<tag:yaml\.org,2002:null>)$/;

/** Offset just after the `:` that ends a key (which may be explicit: `? key` then `:` lines below). */
function valueIndicator(text: string, from: number): number | undefined {
  let at = from;
  while (at < text.length) {
    const c = text[at] as string;
    if (c === ':') return at + 1;
    if (c === '#') {
      at = lineEnd(text, at);
      continue;
    }
    if (!/[ \t\r\n]/.test(c)) return undefined;
    at++;
  }
  return undefined;
}

function valueSlot(text: string, pair: Pair): ValueSlot | undefined {
  const key = pair.key as Scalar | null;
  const value = pair.value as Scalar | null;
  const keyEnd = key?.range?.[1];
  if (keyEnd === undefined) return undefined;
  const colon = valueIndicator(text, keyEnd);
  if (colon === undefined) return undefined;
  const eol = lineEnd(text, colon);
  const line = text.slice(colon, eol);
  const comment = /(?:^|[ \t])#/.exec(line);
  const segment = (comment ? line.slice(0, comment.index) : line).trimEnd();
  // A value written on a later line (`key:\n  ~`) is not edited here.
  if (value?.source && value.range && value.range[0] > colon + segment.length) return undefined;
  const tokens = segment.trim() === '' ? [] : segment.trim().split(/[ \t]+/);
  const kept: string[] = [];
  let explicit = false;
  for (const t of tokens) {
    if (NULL_WORD.test(t) || NULL_TAG.test(t)) explicit ||= NULL_WORD.test(t);
    else if (/^[&!]/.test(t)) kept.push(t);
    else return undefined;
  }
  return { colon, end: colon + segment.length, kept, explicit };
}

/** The edit that rewrites a slot's properties and content to `kept` (+ `content`), or none when nothing changes. */
function rewriteSlot(text: string, slot: ValueSlot, content?: string): TextEdit | undefined {
  const parts = content === undefined ? slot.kept : [...slot.kept, content];
  const replacement = parts.length > 0 ? ` ${parts.join(' ')}` : '';
  if (text.slice(slot.colon, slot.end) === replacement) return undefined;
  return { start: slot.colon, end: slot.end, text: replacement };
}

/**
 * Gives an empty value (`key:`, `key: null`, `key: !!null`, `key: &a`, with or without a
 * comment) a map or list: nested lines under the key when no content is written, or a flow
 * collection in place of an explicit `null`/`~`. Anchors and comments stay; a `!!null` tag goes.
 */
export function fillEmptyValue(text: string, pair: Pair, value: NewValue, layout: Layout): TextEdit[] | undefined {
  const key = pair.key as Scalar;
  const slot = valueSlot(text, pair);
  if (!key.range || !slot) return undefined;
  if (slot.explicit) {
    const edit = rewriteSlot(text, slot, renderFlow(value));
    return edit ? [edit] : undefined;
  }
  const col = pairColumn(text, key.range[0]);
  const at = lineEnd(text, slot.colon);
  const eol = eolAt(text, slot.colon);
  const edits: TextEdit[] = [];
  const props = rewriteSlot(text, slot);
  if (props) edits.push(props);
  edits.push({ start: at, end: at, text: eol + renderBlockChildren(value, col, layout).join(eol) });
  return edits;
}

/** Gives an empty scalar value (`namespace:`, `namespace: ~ # c`, `namespace: !!null`) the string `value`. */
export function fillEmptyScalar(text: string, pair: Pair, value: string): TextEdit[] | undefined {
  const slot = valueSlot(text, pair);
  if (!slot) return undefined;
  const edit = rewriteSlot(text, slot, formatScalar(value));
  return edit ? [edit] : undefined;
}
