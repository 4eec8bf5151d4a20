import { parseSingleDocument } from '../yaml/documents.js';
import { isMap, isScalar, isSeq, type Document, type Pair, type Scalar, type YAMLMap } from '../yaml/nodes.js';

/**
 * The engine skips `config.kubernetes.io` kinds, but fixes the items of `*List` kinds. So a
 * ResourceList is fixed as a core `v1` `List`: its `apiVersion` and `kind` values are overwritten
 * in place with `v1`/`List` padded with spaces to the same length (so offsets, lines and columns
 * stay those of the input), and put back afterwards. Items annotated
 * `config.kubernetes.io/local-config: "true"` are hidden from the engine the same way, by
 * renaming their `kind` key. Everything else, comments included, is the engine's usual
 * byte-preserving fix.
 */
export interface MaskedList {
  /** The text the engine fixes. */
  text: string;
  /** Puts the original header and keys back into a fixed version of `text`. */
  restore(fixed: string): string;
}

/** A ResourceList's apiVersion values privreg-fix accepts. */
export const RESOURCE_LIST_API_VERSIONS = ['config.kubernetes.io/v1', 'config.kubernetes.io/v1alpha1'];

const LOCAL_CONFIG = 'config.kubernetes.io/local-config';
const HIDDEN_KIND_KEY = 'k1nd';

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key);
}

function scalarValue(map: YAMLMap, key: string): Scalar | undefined {
  const v = pairOf(map, key)?.value;
  return isScalar(v) ? v : undefined;
}

function stringValue(map: YAMLMap, key: string): string | undefined {
  const v = scalarValue(map, key)?.value;
  return typeof v === 'string' ? v : undefined;
}

/** Replaces a scalar's source with `value` in the same quoting, padded to the same length. */
function padded(source: string, value: string): string | undefined {
  const quote = source[0] === '"' || source[0] === "'" ? source[0] : '';
  const replacement = `${quote}${value}${quote}`;
  return replacement.length <= source.length ? replacement.padEnd(source.length, ' ') : undefined;
}

interface Span {
  start: number;
  original: string;
  replacement: string;
}

function isLocalConfig(item: YAMLMap): boolean {
  const meta = pairOf(item, 'metadata')?.value;
  const annotations = isMap(meta) ? pairOf(meta, 'annotations')?.value : undefined;
  if (!isMap(annotations)) return false;
  const v = scalarValue(annotations, LOCAL_CONFIG)?.value;
  return v === 'true' || v === true;
}

function spansOf(doc: Document.Parsed, text: string): Span[] | string {
  const root = doc.contents;
  if (!isMap(root)) return 'the input is not a mapping';
  const spans: Span[] = [];
  for (const [key, value] of [['apiVersion', 'v1'], ['kind', 'List']] as const) {
    const node = scalarValue(root, key);
    const range = node?.range;
    if (!node || !range) return `the ResourceList has no ${key}`;
    const original = text.slice(range[0], range[1]);
    const replacement = padded(original, value);
    if (replacement === undefined) return `cannot read the ResourceList's ${key}`;
    spans.push({ start: range[0], original, replacement });
  }
  const items = pairOf(root, 'items')?.value;
  if (isSeq(items)) {
    for (const item of items.items) {
      if (!isMap(item) || !isLocalConfig(item) || pairOf(item, HIDDEN_KIND_KEY)) continue;
      const key = pairOf(item, 'kind')?.key;
      const range = isScalar(key) ? key.range : undefined;
      if (!range) continue;
      const original = text.slice(range[0], range[1]);
      spans.push({ start: range[0], original, replacement: original.replace('kind', HIDDEN_KIND_KEY) });
    }
  }
  return spans;
}

function splice(text: string, spans: readonly Span[], from: 'original' | 'replacement', to: 'original' | 'replacement'): string {
  let out = text;
  for (const s of [...spans].sort((a, b) => b.start - a.start)) {
    if (out.slice(s.start, s.start + s[from].length) !== s[from]) throw new Error('masked span moved');
    out = out.slice(0, s.start) + s[to] + out.slice(s.start + s[from].length);
  }
  return out;
}

/** Finds the masked spans again in a fixed text (edits may have moved them). */
function relocate(fixed: string, spans: readonly Span[]): Span[] {
  const doc = parseSingleDocument(fixed);
  const root = doc.contents;
  if (!isMap(root)) throw new Error('the fixed ResourceList is not a mapping');
  const starts: number[] = [];
  for (const key of ['apiVersion', 'kind']) starts.push(scalarValue(root, key)?.range?.[0] ?? -1);
  const items = pairOf(root, 'items')?.value;
  for (const item of isSeq(items) ? items.items : []) {
    const key = isMap(item) && !stringValue(item, 'kind') ? pairOf(item, HIDDEN_KIND_KEY)?.key : undefined;
    if (isScalar(key) && key.range) starts.push(key.range[0]);
  }
  if (starts.length !== spans.length) throw new Error('masked keys changed');
  return spans.map((s, i) => ({ ...s, start: starts[i] ?? -1 }));
}

/** Masks a parsed ResourceList for the engine; returns a reason when it cannot. */
export function maskResourceList(doc: Document.Parsed, text: string): MaskedList | string {
  const spans = spansOf(doc, text);
  if (typeof spans === 'string') return spans;
  return {
    text: splice(text, spans, 'original', 'replacement'),
    restore: (fixed) => splice(fixed, relocate(fixed, spans), 'replacement', 'original'),
  };
}

/** Whether parsed data is a ResourceList. */
export function isResourceList(data: unknown): data is { apiVersion: string; kind: 'ResourceList'; items?: unknown; functionConfig?: unknown } {
  if (typeof data !== 'object' || data === null) return false;
  const { apiVersion, kind } = data as Record<string, unknown>;
  return kind === 'ResourceList' && typeof apiVersion === 'string' && RESOURCE_LIST_API_VERSIONS.includes(apiVersion);
}
