import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from '../yaml/nodes.js';
import type { Position } from '../core/types.js';

/**
 * Finds the YAML node a JSON pointer (as in ajv's `instancePath`) names and returns its 1-based
 * position. When the pointer runs past what exists (a missing key), the nearest existing ancestor
 * is used. With `key`, the position is that of the key `key` inside the node, which is what an
 * unknown-key error should point at.
 */
export function locatePointer(doc: Document, lineCounter: LineCounter, pointer: string, key?: string): Position {
  let node = resolve(doc, doc.contents);
  let at: number | undefined = node?.range?.[0];
  for (const segment of pointerSegments(pointer)) {
    const next = child(doc, node, segment);
    if (!next) break;
    node = resolve(doc, next.value ?? null);
    at = node?.range?.[0] ?? next.keyAt ?? at;
  }
  if (key !== undefined) {
    const k = child(doc, node, key);
    if (k?.keyAt !== undefined) at = k.keyAt;
  }
  const { line, col } = lineCounter.linePos(at ?? 0);
  return { line, column: col };
}

/** Decodes a JSON pointer into its segments (`~1` is `/`, `~0` is `~`). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

interface Child {
  value: Node | null | undefined;
  /** Offset of the key, for map entries. */
  keyAt?: number;
}

function child(doc: Document, node: Node | null | undefined, segment: string): Child | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const k = resolve(doc, pair.key as Node | null);
      const name = isScalar(k) ? String(k.value) : undefined;
      if (name === segment) return { value: pair.value as Node | null, keyAt: k?.range?.[0] };
    }
    return undefined;
  }
  if (isSeq(node) && /^\d+$/.test(segment)) {
    const item = node.items[Number(segment)];
    return item === undefined ? undefined : { value: item as Node | null };
  }
  return undefined;
}

function resolve(doc: Document, node: Node | null | undefined): Node | null | undefined {
  // Aliases point at their anchor's node; errors inside it belong there.
  return isAlias(node) ? (node.resolve(doc) as Node | undefined) : node;
}
