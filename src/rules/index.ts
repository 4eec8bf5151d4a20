import { imageRegistryRule } from './image-registry.js';
import { imagesInArgsRule } from './images-in-args.js';
import { namespaceRule } from './namespace.js';
import { pullSecretsRule } from './pull-secrets.js';
import { rbacSubjectsRule } from './rbac-subjects.js';
import { registryCredentialsRule } from './registry-credentials.js';
import { serviceAccountSecretsRule } from './service-account-secrets.js';
import type { Rule } from './rule.js';
import { unhandledPodSpecsRule } from './unhandled-pod-specs.js';

/** The rules every run uses, in reporting order. */
export function defaultRules(): Rule[] {
  return [namespaceRule, pullSecretsRule, serviceAccountSecretsRule, imageRegistryRule, imagesInArgsRule, unhandledPodSpecsRule,
    registryCredentialsRule, rbacSubjectsRule];
}
