import { effectiveNamespace, nsKey } from './input-index.js';
import { ensurePullSecrets } from './ensure-pull-secrets.js';
import type { RuleContext } from './rule.js';

/**
 * `missing-pull-secret` on ServiceAccounts (`--pull-secrets-on serviceaccount`): a
 * ServiceAccount that pods in the input use (and that lists no pull secrets of their own) must
 * list the secrets those pods need; Kubernetes copies them into each such pod at admission.
 */
export function checkServiceAccountSecrets(ctx: RuleContext): void {
  if (ctx.options.pullSecretsOn !== 'serviceaccount') return;
  const { ref, node, path, fieldPrefix } = ctx.object;
  if (ref.apiVersion !== 'v1' || ref.kind !== 'ServiceAccount' || !ref.name) return;
  const needs = ctx.index.serviceAccountNeeds.get(nsKey(effectiveNamespace(ctx.object, ctx.options), ref.name));
  if (!needs || needs.size === 0) return;
  ensurePullSecrets(ctx, {
    map: node,
    path,
    fieldPath: fieldPrefix.replace(/\.$/, '') || '.',
    after: ['secrets', 'metadata', 'kind'],
    label: `ServiceAccount "${ref.name}"`,
  }, [...needs]);
}
