import { isMap, type YAMLMap, findPair } from '../yaml/nodes.js';
import { dataNamespace, range } from './namespace-data.js';
import type { Rule, RuleContext } from './rule.js';

/**
 * `namespace-mismatch`: with `--namespace`, a namespaced object that already has another
 * namespace (as the API server reads it: merge keys and aliases applied) keeps it, with a warning.
 */
export const namespaceMismatchRule: Rule = {
  meta: {
    id: 'namespace-mismatch', defaultSeverity: 'warning', fixable: false, docs: 'README.md#rules',
    description: 'An object already has a namespace other than the requested one; it is kept.',
  },
  check(ctx: RuleContext): void {
    const ns = ctx.options.namespace;
    if (ns === undefined || ctx.kind.scope !== 'Namespaced') return;
    const actual = dataNamespace(ctx).namespace;
    if (typeof actual !== 'string' || actual === '' || actual === ns) return;
    const { ref, fieldPrefix, node } = ctx.object;
    const meta = findPair(node, 'metadata')?.value;
    const local = isMap(meta) ? findPair(meta as YAMLMap, 'namespace')?.value : undefined;
    const [start, end] = range((local ?? meta ?? node) as never);
    ctx.report({
      message: `${ref.kind} "${ref.name ?? ''}" is in namespace "${actual}", not "${ns}"; kept as it is`,
      start,
      end,
      fieldPath: `${fieldPrefix}metadata.namespace`,
    });
  },
};
