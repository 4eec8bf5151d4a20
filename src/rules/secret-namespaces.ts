import { isSeq, type YAMLMap, findPair } from '../yaml/nodes.js';
import { effectiveNamespace } from './input-index.js';
import type { FixOptions } from '../core/options.js';
import { listedNames } from './ensure-pull-secrets.js';
import type { FoundMap } from '../kinds/pod-specs.js';
import { requiredSecretsFor } from './required-secrets.js';
import type { RuleContext } from './rule.js';
import { NOT_IN_NAMESPACE } from './rule-ids.js';

export { NOT_IN_NAMESPACE };

/**
 * The pull secrets a pod spec will list once fixed: those it lists, plus the ones the run
 * requires (unless `withRequired` is false: the fix does not add them).
 */
export function secretsAfterFix(spec: YAMLMap, options: FixOptions, withRequired = true): { listed: Set<string>; required: string[] } {
  const own = findPair(spec, 'imagePullSecrets')?.value;
  return { listed: isSeq(own) ? listedNames(own) : new Set(), required: withRequired ? requiredSecretsFor(spec, options) : [] };
}

const shown = (ns: string): string => (ns === '' ? 'the namespace kubectl applies to' : `"${ns}"`);

/** The rule reported when the input defines a pull secret only in other namespaces. */
export const OTHER_NAMESPACE = 'pull-secret-namespace';

/**
 * Pull secrets must live in the pod's own namespace. Of each secret a pod spec uses once fixed,
 * reports what rule `which` is about:
 * - `pull-secret-namespace`: the input defines it, but only in other namespaces;
 * - `pull-secret-not-in-namespace`: the input defines it nowhere, the run adds it (`--pull-secret`
 *   or `registries`), and the pod runs in a namespace of its own that is not `--namespace` (the
 *   namespace the user creates the secret in): the message is the same for every pod of that
 *   namespace, so that the run reports it once (see `onceEach`). The run summary lists every
 *   namespace each secret is used in.
 * A secret the input does not define, in `--namespace` or the namespace kubectl applies to, is
 * the user's to create and needs no word.
 */
export function checkSecretNamespaces(ctx: RuleContext, spec: FoundMap, which: typeof OTHER_NAMESPACE | typeof NOT_IN_NAMESPACE): void {
  const { listed, required } = secretsAfterFix(spec.node, ctx.options);
  const own = findPair(spec.node, 'imagePullSecrets')?.value as { range?: number[] } | undefined;
  const ns = effectiveNamespace(ctx.object, ctx.options) ?? '';
  const start = own?.range?.[0] ?? spec.node.range?.[0] ?? 0;
  const end = own?.range?.[1] ?? spec.node.range?.[0] ?? 0;
  const fieldPath = `${ctx.object.fieldPrefix}${spec.fieldPath}.imagePullSecrets`;
  for (const name of new Set([...listed, ...required])) {
    const defined = ctx.index.registrySecrets.get(name);
    if (defined) {
      if (defined.has(ns) || which !== OTHER_NAMESPACE) continue;
      ctx.report({
        message: `pull secret "${name}" is defined in ${[...defined].map(shown).join(', ')}, but ${ctx.object.ref.kind} "${ctx.object.ref.name ?? ''}" runs in ${shown(ns)}: a pod can only use pull secrets of its own namespace`,
        start, end, fieldPath,
      });
      continue;
    }
    if (which !== NOT_IN_NAMESPACE || ns === '' || ns === ctx.options.namespace || !required.includes(name)) continue;
    ctx.report({
      message: `pods in namespace "${ns}" need pull secret "${name}", which the input does not define: create it there too (e.g. privreg-fix create secret docker-registry ${name} -n ${ns} ...); reported once per namespace`,
      start, end, fieldPath,
    });
  }
}

/**
 * Keeps the first of the reports of `NOT_IN_NAMESPACE` with the same message (the same secret
 * and namespace): one finding per namespace, not one per pod.
 */
export function onceEach<T extends { ruleId: string; message: string }>(reports: T[], seen = new Set<string>()): T[] {
  return reports.filter((r) => r.ruleId !== NOT_IN_NAMESPACE || (!seen.has(r.message) && Boolean(seen.add(r.message))));
}
