import { imageInArgsRule } from './image-in-args.js';
import { imageNotFromRegistryRule } from './image-not-from-registry.js';
import { missingNamespaceRule } from './missing-namespace.js';
import { missingPullSecretRule } from './missing-pull-secret.js';
import { namespaceMismatchRule } from './namespace-mismatch.js';
import { plaintextRegistryCredentialRule } from './plaintext-registry-credential.js';
import { pullSecretNamespaceRule } from './pull-secret-namespace.js';
import { pullSecretNotInNamespaceRule } from './pull-secret-not-in-namespace.js';
import { rbacSubjectNamespaceRule } from './rbac-subject-namespace.js';
import type { Rule } from './rule.js';

/**
 * The rule registry: every rule, one per finding id, in reporting (and documentation) order.
 * Findings of other stages are not rules: see `pipeline-findings.ts`.
 */
const RULE_REGISTRY: readonly Rule[] = [
  missingNamespaceRule,
  namespaceMismatchRule,
  missingPullSecretRule,
  imageNotFromRegistryRule,
  imageInArgsRule,
  pullSecretNamespaceRule,
  pullSecretNotInNamespaceRule,
  rbacSubjectNamespaceRule,
  plaintextRegistryCredentialRule,
];

/** The rules every run uses, in reporting order. */
export function defaultRules(): Rule[] {
  return [...RULE_REGISTRY];
}
