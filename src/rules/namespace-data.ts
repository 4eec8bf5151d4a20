import { valueToJS } from '../yaml/data.js';
import type { RuleContext } from './rule.js';

/** The `[start, end]` offsets of a node, `[0, 0]` without one. */
export const range = (n: { range?: [number, number, number] | null } | null | undefined): [number, number] =>
  n?.range ? [n.range[0], n.range[1]] : [0, 0];

/** The object's `metadata.namespace` as the API server reads it (merge keys and aliases applied). */
export function dataNamespace(ctx: RuleContext): { metadata: boolean; namespace: unknown } {
  // Only `metadata` is converted, not the whole object (a CRD's schema can be most of a file).
  const meta = valueToJS(ctx.object.node, 'metadata', ctx.object.doc);
  const namespace = typeof meta === 'object' && meta !== null ? (meta as { namespace?: unknown }).namespace : undefined;
  return { metadata: meta !== undefined && meta !== null, namespace };
}
