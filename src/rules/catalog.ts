import type { Severity } from '../core/types.js';

/** Static description of a rule id: what reporters (SARIF rules, docs) need to know. */
export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** Whether privreg-fix can fix findings of this rule. */
  fixable: boolean;
  /** One sentence describing what the rule checks. */
  description: string;
}

/** Every rule id privreg-fix can report, in documentation order. */
export const RULES: readonly RuleMeta[] = [
  { id: 'missing-namespace', defaultSeverity: 'error', fixable: true,
    description: 'A namespaced object has no metadata.namespace.' },
  { id: 'namespace-mismatch', defaultSeverity: 'warning', fixable: false,
    description: 'An object already has a namespace other than the requested one; it is kept.' },
  { id: 'missing-pull-secret', defaultSeverity: 'error', fixable: true,
    description: 'A pod spec (or the ServiceAccount its pods use) does not list a required imagePullSecret.' },
  { id: 'image-not-from-registry', defaultSeverity: 'error', fixable: true,
    description: 'An image reference does not point at the private registry.' },
  { id: 'image-in-args', defaultSeverity: 'warning', fixable: true,
    description: 'A container passes an image reference that does not point at the private registry to its program (args, command, env); rewritten only with --rewrite-arg-images.' },
  { id: 'pull-secret-namespace', defaultSeverity: 'warning', fixable: false,
    description: 'A pod references a pull secret that the input defines in a different namespace.' },
  { id: 'pull-secret-not-in-namespace', defaultSeverity: 'warning', fixable: false,
    description: 'Pods run in a namespace other than --namespace and need a pull secret that the input does not define (reported once per secret and namespace).' },
  { id: 'rbac-subject-namespace', defaultSeverity: 'error', fixable: true,
    description: 'A RoleBinding or ClusterRoleBinding subject names a ServiceAccount that the fix moves into --namespace under another namespace (or none).' },
  { id: 'plaintext-registry-credential', defaultSeverity: 'error', fixable: false,
    description: 'A docker-registry Secret with a real credential is committed in the scanned files.' },
  { id: 'schema', defaultSeverity: 'error', fixable: false,
    description: 'The object does not validate against the Kubernetes API schema of its kind.' },
  { id: 'not-validated', defaultSeverity: 'info', fixable: false,
    description: 'No schema is known for this kind, so it was not validated.' },
  { id: 'duplicate-crd', defaultSeverity: 'warning', fixable: false,
    description: 'A second CustomResourceDefinition for a group and kind; the first (in path order) is used for everything.' },
  { id: 'unknown-kind', defaultSeverity: 'info', fixable: false,
    description: 'The kind is not known to be namespaced or cluster-scoped, nor where its pod specs are; it is left alone (an error when a namespace is asked for).' },
  { id: 'yaml-syntax', defaultSeverity: 'error', fixable: false,
    description: 'The file is not valid YAML (syntax error, duplicate key); it is left unchanged.' },
  { id: 'template-skipped', defaultSeverity: 'error', fixable: false,
    description: 'The file contains Helm/Go template markers and is not YAML; it is left unchanged.' },
  { id: 'helm-chart', defaultSeverity: 'error', fixable: false,
    description: 'A directory scan met a Helm chart: its templates were not scanned; fix its values with privreg-fix chart.' },
  { id: 'unfixable', defaultSeverity: 'error', fixable: false,
    description: 'A change is needed but cannot be made safely (anchors, aliases, odd layout); fix it by hand.' },
  { id: 'read-error', defaultSeverity: 'error', fixable: false,
    description: 'The file could not be read.' },
  { id: 'write-error', defaultSeverity: 'error', fixable: false,
    description: 'The fixed file could not be written; the original is unchanged.' },
  { id: 'internal-error', defaultSeverity: 'error', fixable: false,
    description: 'privreg-fix failed to process the file safely (a bug); the original is unchanged.' },
];

/** Looks up a rule's metadata by id. */
export function ruleMeta(id: string): RuleMeta | undefined {
  return RULES.find((r) => r.id === id);
}
