import { checkSecretNamespaces, NOT_IN_NAMESPACE } from './secret-namespaces.js';
import type { Rule, RuleContext } from './rule.js';

/**
 * `pull-secret-not-in-namespace`: pods run in a namespace of their own, not `--namespace`, and
 * need a pull secret the run adds and the input does not define (see `secret-namespaces.ts`).
 */
export const pullSecretNotInNamespaceRule: Rule = {
  meta: {
    id: NOT_IN_NAMESPACE, defaultSeverity: 'warning', fixable: false, docs: 'README.md#rules',
    description: 'Pods run in a namespace other than --namespace and need a pull secret that the input does not define (reported once per secret and namespace).',
  },
  check(ctx: RuleContext): void {
    for (const spec of ctx.podSpecs().found) checkSecretNamespaces(ctx, spec, NOT_IN_NAMESPACE);
  },
};
