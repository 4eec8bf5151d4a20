import { isMap, isScalar, isSeq, type Document, type YAMLMap, findPair } from '../yaml/nodes.js';
import type { ObjectRef } from '../core/types.js';

/** A Kubernetes object found in a file: its map node and identity. */
export interface ManifestObject {
  node: YAMLMap;
  doc: Document.Parsed;
  ref: ObjectRef;
  /** Data path from the document root to the object: `[]`, or `['items', 3]` inside a List. */
  path: (string | number)[];
  /** Field-path prefix for messages: '' or `items[3].`. */
  fieldPrefix: string;
}

/** Reads a string-valued key of a map (undefined when absent or not a string). */
export function stringAt(map: YAMLMap, key: string): string | undefined {
  const pair = findPair(map, key);
  const v = pair?.value;
  return isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
}

// kustomize's, kpt's and Skaffold's own files (`apiVersion: skaffold/v4beta11`, kind Config)
// carry apiVersion/kind but are not Kubernetes objects.
const NON_KUBERNETES_GROUPS = /^(?:kustomize\.config\.k8s\.io|config\.kubernetes\.io|kpt\.dev|fn\.kpt\.dev|skaffold)\//;

function objectRef(map: YAMLMap, documentIndex: number): ObjectRef | undefined {
  const apiVersion = stringAt(map, 'apiVersion');
  const kind = stringAt(map, 'kind');
  if (!apiVersion || !kind || NON_KUBERNETES_GROUPS.test(apiVersion)) return undefined;
  const meta = findPair(map, 'metadata')?.value;
  const ref: ObjectRef = { apiVersion, kind, documentIndex };
  if (isMap(meta)) {
    const name = stringAt(meta, 'name');
    const namespace = stringAt(meta, 'namespace');
    if (name !== undefined) ref.name = name;
    if (namespace !== undefined) ref.namespace = namespace;
  }
  return ref;
}

/**
 * Lists the Kubernetes objects of parsed documents: each document whose root map has an
 * apiVersion and kind, and, for `List`/`*List` kinds, each item of `items` instead of the list.
 */
export function findObjects(docs: readonly Document.Parsed[]): ManifestObject[] {
  const out: ManifestObject[] = [];
  docs.forEach((doc, documentIndex) => {
    const root = doc.contents;
    if (!isMap(root)) return;
    const ref = objectRef(root, documentIndex);
    if (!ref) return;
    const items = findPair(root, 'items')?.value;
    if (ref.kind.endsWith('List') && (isSeq(items) || items === null || isScalar(items))) {
      if (!isSeq(items)) return;
      items.items.forEach((item, i) => {
        if (!isMap(item)) return;
        const itemRef = objectRef(item, documentIndex);
        if (itemRef) out.push({ node: item, doc, ref: itemRef, path: ['items', i], fieldPrefix: `items[${i}].` });
      });
      return;
    }
    out.push({ node: root, doc, ref, path: [], fieldPrefix: '' });
  });
  return out;
}
