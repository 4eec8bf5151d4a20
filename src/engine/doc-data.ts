import { documentToJS } from '../yaml/data.js';
import type { Document } from '../yaml/nodes.js';

/** Decoded data per parsed document: a file's CRDs are read when learned and when checked. */
const decoded = new WeakMap<Document.Parsed, unknown>();

/**
 * The plain data of a parsed document (`doc.toJS()`), decoded once per document. Callers only
 * read it (the validator and the data check work on copies).
 */
export function documentData(doc: Document.Parsed): unknown {
  if (decoded.has(doc)) return decoded.get(doc);
  const data = documentToJS(doc);
  decoded.set(doc, data);
  return data;
}

/** Plain data of every document of a file (see `documentData`). */
export function documentsDataOnce(docs: readonly Document.Parsed[]): unknown[] {
  return docs.map(documentData);
}
