import { isAlias, isMap, isScalar, type Pair } from 'yaml';
import { addPair, fillEmptyValue, findPair, hasMergeKey, replaceScalar } from '../fix/collection-edits.js';
import type { Rule, RuleContext } from './rule.js';

const range = (n: { range?: [number, number, number] | null } | null | undefined): [number, number] =>
  n?.range ? [n.range[0], n.range[1]] : [0, 0];

/**
 * `missing-namespace`: a namespaced object without `metadata.namespace` gets the requested one.
 * `namespace-mismatch`: an object that already has another namespace keeps it, with a warning.
 * Cluster-scoped kinds are left alone; kinds of unknown scope are never guessed.
 */
export const namespaceRule: Rule = {
  ids: ['missing-namespace', 'namespace-mismatch'],
  check(ctx: RuleContext): void {
    const ns = ctx.options.namespace;
    if (ns === undefined || ctx.kind.scope !== 'Namespaced') return;
    const { node, ref, fieldPrefix, path } = ctx.object;
    const patches = [{ documentIndex: ref.documentIndex, path: [...path, 'metadata', 'namespace'], value: ns }];
    const [start, end] = range(node);
    const metaPair = findPair(node, 'metadata');
    const missing = (message: string, at: [number, number], fix: ReturnType<typeof addPair>): void => {
      ctx.report({
        ruleId: fix ? 'missing-namespace' : 'unfixable',
        message: fix ? message : `${message}; it cannot be added automatically here, add it by hand`,
        start: at[0],
        end: at[1],
        fieldPath: `${fieldPrefix}metadata`,
        ...(fix ? { fix, patches } : {}),
      });
    };
    const want = `namespace "${ns}"`;
    if (!metaPair) {
      const fix = hasMergeKey(node) || node.anchor
        ? undefined
        : addPair(ctx.text, node, 'metadata', { kind: 'map', entries: [['namespace', { kind: 'scalar', value: ns }]] }, ['kind', 'apiVersion'], ctx.layout());
      missing(`${ref.kind} has no metadata; expected ${want}`, [start, end], fix);
      return;
    }
    const meta = metaPair.value;
    if (isAlias(meta) || (isMap(meta) && (hasMergeKey(meta) || meta.anchor))) {
      missing(`${ref.kind} has no namespace; expected ${want}`, range(meta), undefined);
      return;
    }
    if (isScalar(meta) && meta.value === null) {
      missing(`${ref.kind} has no namespace; expected ${want}`, range(metaPair.key as never),
        fillEmptyValue(ctx.text, metaPair as Pair, { kind: 'map', entries: [['namespace', { kind: 'scalar', value: ns }]] }, ctx.layout()));
      return;
    }
    if (!isMap(meta)) return; // Not an object: the schema check reports it.
    const nsPair = findPair(meta, 'namespace');
    if (!nsPair) {
      missing(`${ref.kind} has no namespace; expected ${want}`, range(meta),
        addPair(ctx.text, meta, 'namespace', { kind: 'scalar', value: ns }, ['name', 'generateName'], ctx.layout()));
      return;
    }
    const value = nsPair.value;
    if (isScalar(value) && (value.value === null || value.value === '')) {
      missing(`${ref.kind} has an empty namespace; expected ${want}`, range(value), replaceScalar(value, ns));
      return;
    }
    if (isScalar(value) && typeof value.value === 'string' && value.value !== ns) {
      ctx.report({
        ruleId: 'namespace-mismatch',
        message: `${ref.kind} "${ref.name ?? ''}" is in namespace "${value.value}", not "${ns}"; kept as it is`,
        start: range(value)[0],
        end: range(value)[1],
        fieldPath: `${fieldPrefix}metadata.namespace`,
      });
    }
  },
};
