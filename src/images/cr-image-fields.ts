/**
 * Image references of well-known custom resources that live outside any pod spec, keyed by
 * `group/Kind`. Each path names a string field: dotted, `[*]` = every list item, `*` = every map
 * value (as in pod-spec paths). Facts from each project's API reference:
 * - prometheus-operator (monitoring.coreos.com/v1 API docs): `PrometheusSpec.image`,
 *   `AlertmanagerSpec.image`, `ThanosRulerSpec.image`, and their `containers`/`initContainers`
 *   (lists of core Containers merged into the generated pods);
 * - Argo Workflows (field reference, `Template`): `container`, `script`, `initContainers`,
 *   `sidecars`, `containerSet.containers`; a CronWorkflow holds its workflow under `workflowSpec`;
 * - Tekton Pipelines (tekton.dev/v1 `TaskSpec`): `steps`, `sidecars`, `stepTemplate`; a
 *   Pipeline embeds task specs under `tasks[*].taskSpec` and `finally[*].taskSpec`;
 * - CloudNativePG (postgresql.cnpg.io/v1 `ClusterSpec.imageName`).
 */
const CONTAINER_LISTS = (at: string): string[] => [`${at}.containers[*].image`, `${at}.initContainers[*].image`];

const argoTemplates = (at: string): string[] => [
  `${at}.templates[*].container.image`,
  `${at}.templates[*].script.image`,
  `${at}.templates[*].initContainers[*].image`,
  `${at}.templates[*].sidecars[*].image`,
  `${at}.templates[*].containerSet.containers[*].image`,
];

const tektonTaskSpec = (at: string): string[] => [`${at}.steps[*].image`, `${at}.sidecars[*].image`, `${at}.stepTemplate.image`];

/** The table: `group/Kind` → paths of image fields. */
export const CR_IMAGE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'monitoring.coreos.com/Prometheus': ['spec.image', ...CONTAINER_LISTS('spec')],
  'monitoring.coreos.com/PrometheusAgent': ['spec.image', ...CONTAINER_LISTS('spec')],
  'monitoring.coreos.com/Alertmanager': ['spec.image', ...CONTAINER_LISTS('spec')],
  'monitoring.coreos.com/ThanosRuler': ['spec.image', ...CONTAINER_LISTS('spec')],
  'argoproj.io/Workflow': argoTemplates('spec'),
  'argoproj.io/WorkflowTemplate': argoTemplates('spec'),
  'argoproj.io/ClusterWorkflowTemplate': argoTemplates('spec'),
  'argoproj.io/CronWorkflow': argoTemplates('spec.workflowSpec'),
  'tekton.dev/Task': tektonTaskSpec('spec'),
  'tekton.dev/ClusterTask': tektonTaskSpec('spec'),
  'tekton.dev/TaskRun': tektonTaskSpec('spec.taskSpec'),
  'tekton.dev/Pipeline': [...tektonTaskSpec('spec.tasks[*].taskSpec'), ...tektonTaskSpec('spec.finally[*].taskSpec')],
  'postgresql.cnpg.io/Cluster': ['spec.imageName'],
};
