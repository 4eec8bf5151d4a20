import { checkPodSpecSecrets } from './pod-spec-secrets.js';
import { checkServiceAccountSecrets } from './service-account-secrets.js';
import { unhandledPodSpecs } from './unhandled-pod-specs.js';
import type { Rule, RuleContext } from './rule.js';

/**
 * `missing-pull-secret`: every pod of the input gets the required pull secrets, on its pod spec
 * (see `pod-spec-secrets.ts`) or, with `--pull-secrets-on serviceaccount`, on the ServiceAccount
 * it uses (see `service-account-secrets.ts`). A pod spec privreg-fix cannot edit (an alias, a
 * merge key, a place the kind's pod specs are not known to be) is reported without a fix.
 */
export const missingPullSecretRule: Rule = {
  meta: {
    id: 'missing-pull-secret', defaultSeverity: 'error', fixable: true, docs: 'README.md#rules',
    description: 'A pod spec (or the ServiceAccount its pods use) does not list a required imagePullSecret.',
  },
  check(ctx: RuleContext): void {
    checkPodSpecSecrets(ctx);
    checkServiceAccountSecrets(ctx);
    for (const spec of unhandledPodSpecs(ctx)) {
      if (spec.missing.length === 0) continue;
      ctx.report({
        message: `${spec.label} without imagePullSecrets ${spec.missing.map((n) => `"${n}"`).join(', ')}, and privreg-fix cannot fix it: ${spec.why}`,
        start: spec.node.range?.[0] ?? 0,
        end: spec.node.range?.[0] ?? 0,
        fieldPath: `${spec.where}.imagePullSecrets`,
        severity: 'error',
      });
    }
  },
};
