import { lineStart } from '../fix/layout.js';
import { parseSingleDocument, toYaml } from '../yaml/documents.js';
import { isMap, isScalar, isSeq, type Document, type YAMLMap } from '../yaml/nodes.js';
import type { Finding, Severity } from '../core/types.js';

/** One entry of a ResourceList's `results`, as the KRM function spec defines it. */
export interface KrmResult {
  message: string;
  severity: Severity;
  resourceRef?: { apiVersion: string; kind: string; name?: string; namespace?: string };
  field?: { path: string };
  file?: { path: string; index?: number };
  tags?: Record<string, string>;
}

/** Where an item of the list is, and where it came from. */
interface ItemInfo {
  start: number;
  end: number;
  ref?: NonNullable<KrmResult['resourceRef']>;
  path?: string;
  index?: number;
}

function annotation(item: YAMLMap, names: readonly string[]): string | undefined {
  const meta = item.get('metadata');
  const annotations = isMap(meta) ? meta.get('annotations') : undefined;
  if (!isMap(annotations)) return undefined;
  for (const name of names) {
    const v = annotations.get(name);
    if (typeof v === 'string' || typeof v === 'number') return String(v);
  }
  return undefined;
}

function refOf(item: YAMLMap): ItemInfo['ref'] {
  const apiVersion = item.get('apiVersion');
  const kind = item.get('kind');
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const meta = item.get('metadata');
  const name: unknown = isMap(meta) ? meta.get('name') : undefined;
  const namespace: unknown = isMap(meta) ? meta.get('namespace') : undefined;
  return {
    apiVersion, kind,
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof namespace === 'string' ? { namespace } : {}),
  };
}

/** Offset ranges and file annotations of the items of a parsed ResourceList. */
export function itemInfos(doc: Document.Parsed): ItemInfo[] {
  const root = doc.contents;
  const items = isMap(root) ? root.get('items') : undefined;
  if (!isSeq(items)) return [];
  return items.items.map((item): ItemInfo => {
    const range = (item as { range?: [number, number, number] } | null)?.range;
    const info: ItemInfo = { start: range?.[0] ?? -1, end: range?.[2] ?? -1 };
    if (!isMap(item)) return info;
    const ref = refOf(item);
    if (ref) info.ref = ref;
    const path = annotation(item, ['config.kubernetes.io/path', 'internal.config.kubernetes.io/path']);
    const index = annotation(item, ['config.kubernetes.io/index', 'internal.config.kubernetes.io/index']);
    if (path !== undefined) info.path = path;
    if (index !== undefined && /^\d+$/.test(index)) info.index = Number(index);
    return info;
  });
}

/**
 * Turns findings on the list text into results. Fixed findings become `info` results saying so;
 * findings outside every item (notes about the list itself) are dropped, except errors.
 */
export function toResults(findings: readonly Finding[], items: readonly ItemInfo[]): KrmResult[] {
  const out: KrmResult[] = [];
  for (const f of findings) {
    const i = items.findIndex((it) => f.start >= it.start && f.start < it.end);
    const item = items[i];
    if (!item && f.severity !== 'error') continue;
    // Messages name fields from the list's root (`items[3].spec`); results are per item.
    const message = f.message.replaceAll(`items[${i}].`, '');
    const r: KrmResult = {
      message: f.fix ? `${message} (fixed)` : message,
      severity: f.fix ? 'info' : f.severity,
      tags: { rule: f.ruleId },
    };
    if (f.object) {
      const { apiVersion, kind, name, namespace } = f.object;
      r.resourceRef = { apiVersion, kind, ...(name !== undefined ? { name } : {}), ...(namespace !== undefined ? { namespace } : {}) };
    } else if (item?.ref) {
      r.resourceRef = item.ref;
    }
    const field = f.fieldPath?.replace(/^items\[\d+\]\./, '');
    if (field) r.field = { path: field };
    if (item?.path !== undefined) r.file = { path: item.path, ...(item.index !== undefined ? { index: item.index } : {}) };
    out.push(r);
  }
  return out;
}

/**
 * Adds results to a ResourceList text. A block-style list without results gets a `results:`
 * block appended, leaving every other byte as it was; otherwise (flow/JSON style, or results
 * already there from an earlier function, which are kept) the document is re-serialised.
 */
export function writeResults(text: string, results: readonly KrmResult[]): string {
  if (results.length === 0) return text;
  const doc = parseSingleDocument(text);
  const root = doc.contents;
  if (!isMap(root)) return text;
  const existing: unknown = doc.get('results', true);
  const blockRoot = !root.flow && (root.range?.[0] ?? -1) === lineStart(text, root.range?.[0] ?? 0);
  const tail = text.slice(root.range?.[2] ?? text.length);
  if (existing === undefined && blockRoot && /^\s*(#[^\n]*\s*)*$/.test(tail)) {
    const sep = text === '' || text.endsWith('\n') ? '' : '\n';
    return `${text}${sep}${toYaml({ results })}`;
  }
  if (isSeq(existing)) for (const r of results) existing.add(doc.createNode(r));
  else if (existing === undefined || isScalar(existing)) doc.set('results', doc.createNode(results));
  return doc.toString({ lineWidth: 0 });
}
