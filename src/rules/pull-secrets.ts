import { isSeq } from 'yaml';
import { effectiveNamespace, nsKey } from '../engine/input-index.js';
import { findPair } from '../fix/collection-edits.js';
import { stringAt } from '../manifest/objects.js';
import { ensurePullSecrets } from './ensure-pull-secrets.js';
import { followPath, type FoundMap } from './pod-specs.js';
import { requiredSecretsFor } from './required-secrets.js';
import { checkSecretNamespaces } from './secret-namespaces.js';
import type { Rule, RuleContext } from './rule.js';

/**
 * `missing-pull-secret` on pod specs: every pod spec of a workload lists each required secret
 * in `imagePullSecrets` exactly once; existing entries are kept, missing ones appended. In
 * ServiceAccount mode only pods that list secrets of their own are checked here (Kubernetes then
 * ignores their ServiceAccount's), and pods relying on a ServiceAccount absent from the input get
 * a warning. Also `pull-secret-namespace` and `pull-secret-not-in-namespace` (see
 * `secret-namespaces.ts`): a secret used where the input does not define it.
 */
export const pullSecretsRule: Rule = {
  ids: ['missing-pull-secret', 'pull-secret-namespace', 'pull-secret-not-in-namespace', 'unfixable'],
  check(ctx: RuleContext): void {
    const { node, ref, fieldPrefix } = ctx.object;
    const wantsAny = ctx.options.pullSecrets.length > 0 || Object.keys(ctx.options.registries).length > 0;
    for (const specPath of ctx.kind.podSpecPaths) {
      const { found, obstacles } = followPath(node, specPath);
      for (const o of wantsAny ? obstacles : []) {
        ctx.report({
          ruleId: 'unfixable',
          message: `${ref.kind} ${fieldPrefix}${o.fieldPath} ${o.reason}; check its imagePullSecrets by hand`,
          start: o.node.range?.[0] ?? 0,
          end: o.node.range?.[1] ?? 0,
          fieldPath: `${fieldPrefix}${o.fieldPath}`,
        });
      }
      for (const spec of found) {
        checkPodSpec(ctx, spec);
        checkSecretNamespaces(ctx, spec);
      }
    }
  },
};

function checkPodSpec(ctx: RuleContext, spec: FoundMap): void {
  const { ref, fieldPrefix, path } = ctx.object;
  const wanted = requiredSecretsFor(spec.node, ctx.options);
  if (wanted.length === 0) return;
  const where = `${fieldPrefix}${spec.fieldPath}`;
  if (ctx.options.pullSecretsOn === 'serviceaccount') {
    const own = findPair(spec.node, 'imagePullSecrets')?.value;
    if (!isSeq(own) || own.items.length === 0) {
      const sa = stringAt(spec.node, 'serviceAccountName') ?? stringAt(spec.node, 'serviceAccount') ?? 'default';
      const ns = effectiveNamespace(ctx.object, ctx.options);
      if (!ctx.index.serviceAccounts.has(nsKey(ns, sa))) {
        ctx.report({
          ruleId: 'missing-pull-secret',
          severity: 'warning',
          message: `${ref.kind}${ref.name ? ` "${ref.name}"` : ''} pods use ServiceAccount "${sa}"${ns ? ` in namespace "${ns}"` : ''}, which is not in the input: make sure it lists imagePullSecrets ${wanted.map((n) => `"${n}"`).join(', ')}`,
          start: spec.node.range?.[0] ?? 0,
          end: spec.node.range?.[0] ?? 0,
          fieldPath: where,
        });
      }
      return;
    }
  }
  ensurePullSecrets(ctx, {
    map: spec.node,
    path: [...path, ...spec.path],
    fieldPath: where,
    after: ['containers'],
    label: `${ref.kind}${ref.name ? ` "${ref.name}"` : ''} pod spec (${where})`,
  }, wanted);
}
