import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import { composeManifest } from '../../src/yaml/compose.js';
import { commentsOf } from '../../src/yaml/documents.js';
import { PARSE_OPTIONS } from '../../src/yaml/options.js';

const PROPS = ['range', 'source', 'type', 'tag', 'anchor', 'flow', 'format'] as const;

function same(a: unknown, b: unknown): boolean {
  // The merge key `<<` resolves to a fresh symbol each time.
  if (typeof a === 'symbol' && typeof b === 'symbol') return a.description === b.description;
  return JSON.stringify(a) === JSON.stringify(b) && Object.is(typeof a, typeof b);
}

/** Walks two node trees side by side; the first difference, or undefined. */
export function nodeDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (a === null || a === undefined || b === null || b === undefined) return a === b ? undefined : `${path}: ${String(a)} vs ${String(b)}`;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  if (x.constructor !== y.constructor) return `${path}: ${x.constructor.name} vs ${y.constructor.name}`;
  for (const p of PROPS) if (!same(x[p], y[p])) return `${path}.${p}: ${String(JSON.stringify(x[p]))} vs ${String(JSON.stringify(y[p]))}`;
  if (isScalar(a) && isScalar(b) && !(Object.is(a.value, b.value) || same(a.value, b.value))) return `${path}.value: ${String(a.value)} vs ${String(b.value)}`;
  if (isAlias(a) && isAlias(b) && a.source !== b.source) return `${path}: alias ${a.source} vs ${b.source}`;
  // Comments on values (same-line ones and those appended to them) are set as yaml sets them.
  if ((isScalar(a) || isAlias(a) || x.flow === true) && (x.comment ?? null) !== (y.comment ?? null)) return `${path}.comment: ${JSON.stringify(x.comment)} vs ${JSON.stringify(y.comment)}`;
  if (isPair(a) && isPair(b)) return nodeDifference(a.key, b.key, `${path}.key`) ?? nodeDifference(a.value, b.value, `${path}.value`);
  if ((isMap(a) || isSeq(a)) && (isMap(b) || isSeq(b))) {
    if (a.items.length !== b.items.length) return `${path}: ${a.items.length} vs ${b.items.length} items`;
    for (let i = 0; i < a.items.length; i++) {
      const d = nodeDifference(a.items[i], b.items[i], `${path}[${i}]`);
      if (d) return d;
    }
  }
  return undefined;
}

function data(doc: Document.Parsed): string {
  try {
    return JSON.stringify(doc.toJS({ maxAliasCount: 100 }));
  } catch (e) {
    return `throws ${String(e)}`;
  }
}

/**
 * The fast path on one text: 'declined', 'fast' when it gives the documents parseAllDocuments
 * gives (count, ranges, data, node trees, comments, no errors), or what differs.
 */
export function compareFastPath(text: string): 'declined' | 'fast' | { difference: string } {
  const composed = composeManifest(text);
  if (composed === undefined) return 'declined';
  const fast = composed.docs;
  // The comments the fast path gathers are what the verification of a fix would lex.
  if (JSON.stringify(composed.comments) !== JSON.stringify(commentsOf(text))) return { difference: `comments ${JSON.stringify(composed.comments)} vs ${JSON.stringify(commentsOf(text))}` };
  const parsed = parseAllDocuments(text, PARSE_OPTIONS);
  const slow = Array.isArray(parsed) ? parsed : [];
  if (fast.length !== slow.length) return { difference: `${fast.length} vs ${slow.length} documents` };
  for (const [i, s] of slow.entries()) {
    const f = fast[i] as Document.Parsed;
    if (s.errors.length > 0 || s.warnings.length > 0) return { difference: `doc ${i}: accepted, but yaml reports ${(s.errors[0] ?? s.warnings[0])?.code}` };
    if (f.errors.length > 0 || f.warnings.length > 0) return { difference: `doc ${i}: errors on the fast path` };
    if (!same(f.range, s.range)) return { difference: `doc ${i}: range ${String(f.range)} vs ${String(s.range)}` };
    if (f.directives.docStart !== s.directives.docStart) return { difference: `doc ${i}: docStart` };
    const d = nodeDifference(f.contents, s.contents, `doc ${i}`);
    if (d) return { difference: d };
    if (data(f) !== data(s)) return { difference: `doc ${i}: toJS() differs` };
  }
  return 'fast';
}
