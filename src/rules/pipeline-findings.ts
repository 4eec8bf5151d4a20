import type { RuleMeta } from './rule.js';

/**
 * Metas of the findings that come from other stages than the rules (reading, parsing,
 * validation, the run): not rules (they are not in the registry, `index.ts`), but they have
 * severities the config can change, SARIF rule entries and rows in the README's rule table.
 * In documentation order, after the rules.
 */
export const PIPELINE_FINDINGS: readonly RuleMeta[] = [
  { id: 'schema', defaultSeverity: 'error', fixable: false, docs: 'README.md#rules',
    description: 'The object does not validate against the Kubernetes API schema of its kind.' },
  { id: 'not-validated', defaultSeverity: 'info', fixable: false, docs: 'README.md#rules',
    description: 'No schema is known for this kind, so it was not validated.' },
  { id: 'duplicate-crd', defaultSeverity: 'warning', fixable: false, docs: 'README.md#rules',
    description: 'A second CustomResourceDefinition for a group and kind; the first (in path order) is used for everything.' },
  { id: 'unknown-kind', defaultSeverity: 'info', fixable: false, docs: 'README.md#rules',
    description: 'The kind is not known to be namespaced or cluster-scoped, nor where its pod specs are; it is left alone (an error when a namespace is asked for).' },
  { id: 'yaml-syntax', defaultSeverity: 'error', fixable: false, docs: 'README.md#rules',
    description: 'The file is not valid YAML (syntax error, duplicate key); it is left unchanged.' },
  { id: 'template-skipped', defaultSeverity: 'error', fixable: false, docs: 'README.md#rules',
    description: 'The file contains Helm/Go template markers and is not YAML; it is left unchanged.' },
  { id: 'helm-chart', defaultSeverity: 'error', fixable: false, docs: 'README.md#rules',
    description: 'A directory scan met a Helm chart: its templates were not scanned; fix its values with privreg-fix chart.' },
  { id: 'read-error', defaultSeverity: 'error', fixable: false, docs: 'README.md#rules',
    description: 'The file could not be read.' },
  { id: 'write-error', defaultSeverity: 'error', fixable: false, docs: 'README.md#rules',
    description: 'The fixed file could not be written; the original is unchanged.' },
  { id: 'internal-error', defaultSeverity: 'error', fixable: false, docs: 'README.md#rules',
    description: 'privreg-fix failed to process the file safely (a bug); the original is unchanged.' },
];
