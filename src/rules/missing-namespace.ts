import { isAlias, isMap, isScalar, type Pair, findPair } from '../yaml/nodes.js';
import { addPair, fillEmptyScalar, fillEmptyValue, replaceScalar } from '../fix/collection-edits.js';
import type { NewValue } from '../fix/new-value.js';
import { lineAt, sharedReason } from '../yaml/aliases.js';
import { dataNamespace, range } from './namespace-data.js';
import type { Rule, RuleContext } from './rule.js';

type Fix = ReturnType<typeof addPair>;

/**
 * `missing-namespace`: a namespaced object without `metadata.namespace` gets the requested one
 * (one that already has another is `namespace-mismatch`'s). Cluster-scoped kinds are left
 * alone; kinds of unknown scope are never guessed. What counts is the data (an anchored, aliased or merged `metadata` that has the namespace needs nothing); an
 * edit that would also change data elsewhere (through an alias) is reported, never made.
 */
export const missingNamespaceRule: Rule = {
  meta: {
    id: 'missing-namespace', defaultSeverity: 'error', fixable: true, docs: 'README.md#rules',
    description: 'A namespaced object has no metadata.namespace.',
  },
  check(ctx: RuleContext): void {
    const ns = ctx.options.namespace;
    if (ns === undefined || ctx.kind.scope !== 'Namespaced') return;
    const { node, ref, fieldPrefix, path, doc } = ctx.object;
    const patches = [{ documentIndex: ref.documentIndex, path: [...path, 'metadata', 'namespace'], value: ns }];
    const metaPair = findPair(node, 'metadata');
    const missing = (message: string, at: [number, number], fix: Fix, why = 'it cannot be added automatically here'): void => {
      ctx.report({
        message: fix ? message : `${message}; ${why}: add it by hand`,
        start: at[0],
        end: at[1],
        fieldPath: `${fieldPrefix}metadata`,
        ...(fix ? { fix, patches } : {}),
      });
    };
    const want = `namespace "${ns}"`;
    const has = dataNamespace(ctx);
    if (typeof has.namespace === 'string' && has.namespace !== '') return;
    const shared = (n: Parameters<typeof sharedReason>[2], what: string): string | undefined => {
      const reason = sharedReason(doc, ctx.text, n);
      return reason && `${what} ${reason}, so adding the namespace there would change that place too`;
    };
    const entries: NewValue = { kind: 'map', entries: [['namespace', { kind: 'scalar', value: ns }]] };
    if (!metaPair) {
      const at = range(node);
      if (has.metadata) return missing(`${ref.kind} has no namespace; expected ${want}`, at, undefined, 'its metadata comes from a merge key (<<)');
      const why = shared(node, 'the object');
      missing(`${ref.kind} has no metadata; expected ${want}`, at, why ? undefined : addPair(ctx.text, node, 'metadata', entries, ['kind', 'apiVersion'], ctx.layout()), why);
      return;
    }
    const meta = metaPair.value;
    if (isAlias(meta)) {
      const anchor = meta.resolve(doc) as { range?: [number, number, number] } | undefined;
      const line = anchor?.range ? ` (line ${lineAt(ctx.text, anchor.range[0])})` : '';
      missing(`${ref.kind} has no namespace; expected ${want}`, range(meta), undefined, `metadata is the alias *${meta.source}: add the namespace at its anchor &${meta.source}${line} if every object using it belongs in ${JSON.stringify(ns)}`);
      return;
    }
    const why = shared(meta as never, 'metadata') ?? shared(node, 'the object');
    if (isScalar(meta) && meta.value === null) {
      missing(`${ref.kind} has no namespace; expected ${want}`, range(metaPair.key as never), why ? undefined : fillEmptyValue(ctx.text, metaPair as Pair, entries, ctx.layout()), why);
      return;
    }
    if (!isMap(meta)) return; // Not an object: the schema check reports it.
    const nsPair = findPair(meta, 'namespace');
    if (!nsPair) {
      // A merged-in namespace (null or empty) cannot be overridden without repeating the key here.
      const fix = why ? undefined : addPair(ctx.text, meta, 'namespace', { kind: 'scalar', value: ns }, ['name', 'generateName'], ctx.layout());
      missing(`${ref.kind} has no namespace; expected ${want}`, range(meta), fix, why);
      return;
    }
    const value = nsPair.value;
    if (isScalar(value) && (value.value === null || value.value === '')) {
      const fix = why || value.anchor ? undefined : value.value === null ? fillEmptyScalar(ctx.text, nsPair as Pair, ns) : replaceScalar(value, ns);
      missing(`${ref.kind} has an empty namespace; expected ${want}`, range(value), fix, why);
    }
  },
};
