import { checkSecretNamespaces, OTHER_NAMESPACE } from './secret-namespaces.js';
import type { Rule, RuleContext } from './rule.js';

/** `pull-secret-namespace`: a pod uses a pull secret the input defines only in other namespaces (see `secret-namespaces.ts`). */
export const pullSecretNamespaceRule: Rule = {
  meta: {
    id: OTHER_NAMESPACE, defaultSeverity: 'warning', fixable: false, docs: 'README.md#rules',
    description: 'A pod references a pull secret that the input defines in a different namespace.',
  },
  check(ctx: RuleContext): void {
    for (const spec of ctx.podSpecs().found) checkSecretNamespaces(ctx, spec, OTHER_NAMESPACE);
  },
};
