import type { RuleContext } from './rule.js';

/** The `[start, end]` offsets of a node, `[0, 0]` without one. */
export const range = (n: { range?: [number, number, number] | null } | null | undefined): [number, number] =>
  n?.range ? [n.range[0], n.range[1]] : [0, 0];

/** The object's `metadata.namespace` as the API server reads it (merge keys and aliases applied). */
export function dataNamespace(ctx: RuleContext): { metadata: boolean; namespace: unknown } {
  const data = ctx.object.node.toJS(ctx.object.doc) as { metadata?: unknown } | null;
  const meta = data?.metadata;
  const namespace = typeof meta === 'object' && meta !== null ? (meta as { namespace?: unknown }).namespace : undefined;
  return { metadata: meta !== undefined && meta !== null, namespace };
}
