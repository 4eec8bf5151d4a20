import { isDeepStrictEqual } from 'node:util';
import { commentsOf } from '../yaml/documents.js';
import { documentToJS } from '../yaml/data.js';
import type { Document } from '../yaml/nodes.js';
import type { ManifestFile } from '../yaml/parse.js';
import type { DataPatch } from '../rules/rule.js';

/**
 * Applies data patches (set `path` to `value`, creating missing maps) to plain document data,
 * without changing it: the maps and lists on each patch's path are copied (once), everything
 * else is shared with `data` (the result is only compared).
 */
export function applyPatches(data: unknown[], patches: readonly DataPatch[]): unknown[] {
  const out = data.slice();
  const copies = new Set<unknown>();
  const own = (value: unknown): Record<string | number, unknown> => {
    if (copies.has(value)) return value as Record<string | number, unknown>;
    const copy = copyOf(value);
    copies.add(copy);
    return copy;
  };
  for (const p of patches) {
    if (p.path.length === 0) continue;
    let cur = (out[p.documentIndex] = own(out[p.documentIndex]));
    for (const step of p.path.slice(0, -1)) {
      cur = cur[step] = own(cur[step]);
    }
    cur[p.path[p.path.length - 1] as string | number] = structuredClone(p.value);
  }
  return out;
}

/** A copy of one level of plain data (a new map for anything that is not a map or list). */
function copyOf(value: unknown): Record<string | number, unknown> {
  if (Array.isArray(value)) return value.slice() as unknown as Record<number, unknown>;
  if (typeof value !== 'object' || value === null) return {};
  // Maps of the data are plain objects (an own `__proto__` key is copied as a key); anything
  // else (a Date) is cloned whole, as before.
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value) as Record<string, unknown>;
  return { ...(value as Record<string, unknown>) };
}

/**
 * Plain data of every document, for comparing a file before and after a fix. A document of
 * `same.docs` (one whose text is that of the same document before, see `unchangedDocuments`)
 * has the data `same.data` gives the document at its index, unconverted: the same object, which
 * `checkData` then finds equal at once.
 */
export function documentsData(docs: readonly Document.Parsed[], same?: { docs: ReadonlySet<Document.Parsed>; data: readonly unknown[] }): unknown[] {
  return docs.map((doc, i) => (same?.docs.has(doc) ? same.data[i] : documentToJS(doc)));
}

/**
 * Checks that the fixed documents hold exactly the original data plus the intended patches.
 * Returns a description of the first difference, or undefined when they match.
 */
export function checkData(original: unknown[], patches: readonly DataPatch[], fixed: unknown[]): string | undefined {
  if (original.length !== fixed.length) return `document count changed from ${original.length} to ${fixed.length}`;
  const expected = applyPatches(original, patches);
  for (let i = 0; i < expected.length; i++) {
    if (!isDeepStrictEqual(expected[i], fixed[i])) return `document ${i + 1} differs from the intended result`;
  }
  return undefined;
}

/**
 * Checks that every comment of the original text is still in the fixed text (as many times as
 * before; a fix may add comments but never drop one). Returns a description of the first
 * missing comment, or undefined when none is missing. `known`: the comments of either text when
 * its parse already gathered them (`ManifestFile.comments`), else the text is lexed here.
 */
export function checkComments(original: string, fixed: string, known: { original?: readonly string[] | undefined; fixed?: readonly string[] | undefined } = {}): string | undefined {
  const left = new Map<string, number>();
  for (const c of known.original ?? commentsOf(original)) left.set(c, (left.get(c) ?? 0) + 1);
  for (const c of known.fixed ?? commentsOf(fixed)) {
    const n = left.get(c);
    if (n !== undefined) left.set(c, n - 1);
  }
  for (const [comment, n] of left) {
    if (n > 0) return `the comment ${JSON.stringify(comment.length > 60 ? `${comment.slice(0, 57)}...` : comment)} would be lost`;
  }
  return undefined;
}

/**
 * The documents of `after` whose text is the text of the same document of `before`: each from
 * its start to the next one's (the first from the start of the text, the last to its end), in
 * two texts of as many documents, both read by the fast composer (no directives, whose effect
 * crosses documents). Undefined when the two cannot be compared so.
 */
export function unchangedDocuments(before: ManifestFile, after: ManifestFile): Set<Document.Parsed> | undefined {
  if (before.comments === undefined || after.comments === undefined || before.docs.length !== after.docs.length) return undefined;
  const slices = (file: ManifestFile): string[] => file.docs.map((doc, i) => {
    const next = file.docs[i + 1];
    return file.text.slice(i === 0 ? 0 : doc.range[0], next ? next.range[0] : file.text.length);
  });
  const old = slices(before);
  const now = slices(after);
  const same = new Set<Document.Parsed>();
  after.docs.forEach((doc, i) => {
    if (old[i] === now[i]) same.add(doc);
  });
  return same;
}
