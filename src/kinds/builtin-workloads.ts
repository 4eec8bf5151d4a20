/**
 * Where pod specs live in the built-in workload kinds, keyed by `group/Kind` (core: `Kind`).
 * Source: the Kubernetes API reference (PodSpec locations of each workload type), including the
 * legacy `extensions` group that served Deployment, DaemonSet and ReplicaSet before `apps`.
 * Paths are dotted field paths from the object root.
 */
export const BUILTIN_POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  PodTemplate: ['template.spec'],
  ReplicationController: ['spec.template.spec'],
  'apps/Deployment': ['spec.template.spec'],
  'apps/ReplicaSet': ['spec.template.spec'],
  'apps/DaemonSet': ['spec.template.spec'],
  'apps/StatefulSet': ['spec.template.spec'],
  'extensions/Deployment': ['spec.template.spec'],
  'extensions/ReplicaSet': ['spec.template.spec'],
  'extensions/DaemonSet': ['spec.template.spec'],
  'batch/Job': ['spec.template.spec'],
  'batch/CronJob': ['spec.jobTemplate.spec.template.spec'],
};

/**
 * Scopes of kinds that Kubernetes no longer serves (so they are missing from the 1.35 OpenAPI
 * data) but that old manifests still use. Source: the API reference of Kubernetes 1.15 to 1.24
 * for the `extensions/v1beta1` and `policy/v1beta1` groups.
 */
export const LEGACY_SCOPES: Readonly<Record<string, 'Namespaced' | 'Cluster'>> = {
  'extensions/Deployment': 'Namespaced',
  'extensions/DaemonSet': 'Namespaced',
  'extensions/ReplicaSet': 'Namespaced',
  'extensions/Ingress': 'Namespaced',
  'extensions/NetworkPolicy': 'Namespaced',
  'extensions/PodSecurityPolicy': 'Cluster',
  'policy/PodSecurityPolicy': 'Cluster',
  'settings.k8s.io/PodPreset': 'Namespaced',
  'scheduling.k8s.io/PodSchedulingContext': 'Namespaced',
  'batch/CronJob': 'Namespaced',
  'networking.k8s.io/ClusterCIDR': 'Cluster',
  'storage.k8s.io/CSIStorageCapacity': 'Namespaced',
  'flowcontrol.apiserver.k8s.io/FlowSchema': 'Cluster',
  'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration': 'Cluster',
};
