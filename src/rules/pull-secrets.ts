import { isAlias, isMap, isScalar, isSeq, type Pair } from 'yaml';
import { addPair, appendNames, fillEmptyValue, findPair } from '../fix/collection-edits.js';
import type { TextEdit } from '../engine/types.js';
import { followPath, type FoundMap } from './pod-specs.js';
import type { Rule, RuleContext } from './rule.js';

/** Names listed in an imagePullSecrets sequence. */
function listedNames(seq: import('yaml').YAMLSeq): Set<string> {
  const names = new Set<string>();
  for (const item of seq.items) {
    if (!isMap(item)) continue;
    const name = findPair(item, 'name')?.value;
    if (isScalar(name) && typeof name.value === 'string') names.add(name.value);
  }
  return names;
}

/** The pull secrets a pod spec must list; the image-aware part comes from the `registries` map. */
export type SecretsFor = (ctx: RuleContext, podSpec: FoundMap) => string[];

const requestedSecrets: SecretsFor = (ctx) => ctx.options.pullSecrets;

/**
 * `missing-pull-secret`: every pod spec of a workload lists each required secret in
 * `imagePullSecrets` exactly once. Existing entries are kept; missing ones are appended.
 */
export function pullSecretsRule(secretsFor: SecretsFor = requestedSecrets): Rule {
  return {
    ids: ['missing-pull-secret'],
    check(ctx: RuleContext): void {
      if (ctx.options.pullSecretsOn !== 'pod') return;
      const { node, ref, fieldPrefix, path, doc } = ctx.object;
      for (const specPath of ctx.kind.podSpecPaths) {
        const { found, obstacles } = followPath(node, specPath);
        for (const o of obstacles) {
          if (secretsFor(ctx, { node: node, path: [], fieldPath: o.fieldPath }).length === 0) continue;
          ctx.report({
            ruleId: 'unfixable',
            message: `${ref.kind} ${fieldPrefix}${o.fieldPath} ${o.reason}; check its imagePullSecrets by hand`,
            start: o.node.range?.[0] ?? 0,
            end: o.node.range?.[1] ?? 0,
            fieldPath: `${fieldPrefix}${o.fieldPath}`,
          });
        }
        for (const spec of found) {
          const wanted = [...new Set(secretsFor(ctx, spec))];
          if (wanted.length === 0) continue;
          const pair = findPair(spec.node, 'imagePullSecrets');
          const value = pair?.value;
          let missing = wanted;
          let existing: unknown[] = [];
          let fix: TextEdit[] | undefined;
          let at = spec.node.range;
          const layout = ctx.layout();
          if (!pair) {
            fix = addPair(ctx.text, spec.node, 'imagePullSecrets', { kind: 'names', names: missing }, ['containers'], layout);
          } else if (isScalar(value) && value.value === null) {
            fix = fillEmptyValue(ctx.text, pair as Pair, { kind: 'names', names: missing }, layout);
            at = value.range ?? at;
          } else if (isSeq(value) && !value.anchor) {
            const listed = listedNames(value);
            missing = wanted.filter((n) => !listed.has(n));
            if (missing.length === 0) continue;
            existing = value.toJS(doc) as unknown[];
            fix = appendNames(ctx.text, value, missing);
            at = value.range ?? at;
          } else {
            at = (isAlias(value) ? value.range : (value as { range?: typeof at } | null)?.range) ?? at;
          }
          const where = `${fieldPrefix}${spec.fieldPath}`;
          const list = missing.map((n) => `"${n}"`).join(', ');
          const base = `${ref.kind}${ref.name ? ` "${ref.name}"` : ''} pod spec (${where}) is missing imagePullSecrets ${list}`;
          ctx.report({
            ruleId: fix ? 'missing-pull-secret' : 'unfixable',
            message: fix ? base : `${base}; imagePullSecrets is not a list that can be extended automatically`,
            start: at?.[0] ?? 0,
            end: at?.[1] ?? 0,
            fieldPath: `${where}.imagePullSecrets`,
            ...(fix
              ? {
                  fix,
                  patches: [{
                    documentIndex: ref.documentIndex,
                    path: [...path, ...spec.path, 'imagePullSecrets'],
                    value: [...existing, ...missing.map((name) => ({ name }))],
                  }],
                }
              : {}),
          });
        }
      }
    },
  };
}
