import type { WellKnownKind } from './well-known-kind.js';
import { WELL_KNOWN_OPERATORS } from './well-known-operators.js';

/**
 * Popular custom resources, keyed by `group/Kind` (or `group/version/Kind` where a version
 * differs). Facts taken from each project's published CustomResourceDefinitions (`spec.scope`
 * and the PodTemplateSpec fields of their schemas), as summarised in the project's design notes.
 * A `kinds` entry in the config takes precedence over this table; a CRD in the input gives the
 * scope and adds the pod specs its schema shows. `[*]` means every list item, `*` every map value.
 * The operators of `well-known-operators.ts` are merged in below.
 */
const BUILT_IN_TABLE: Readonly<Record<string, WellKnownKind>> = {
  // cert-manager
  'cert-manager.io/Issuer': { scope: 'Namespaced' },
  'cert-manager.io/ClusterIssuer': { scope: 'Cluster' },
  'cert-manager.io/Certificate': { scope: 'Namespaced' },
  'cert-manager.io/CertificateRequest': { scope: 'Namespaced' },
  'acme.cert-manager.io/Order': { scope: 'Namespaced' },
  'acme.cert-manager.io/Challenge': { scope: 'Namespaced' },
  // prometheus-operator
  // spec.imagePullSecrets ({name} items) and spec.image: pkg/apis/monitoring/v1/prometheus_types.go,
  // alertmanager_types.go, thanos_types.go, prometheusagent_types.go (prometheus-operator).
  'monitoring.coreos.com/Prometheus': { scope: 'Namespaced', podSpecPaths: ['spec'], imagePaths: ['spec.image', 'spec.thanos.image'] },
  'monitoring.coreos.com/PrometheusAgent': { scope: 'Namespaced', podSpecPaths: ['spec'], imagePaths: ['spec.image'] },
  'monitoring.coreos.com/Alertmanager': { scope: 'Namespaced', podSpecPaths: ['spec'], imagePaths: ['spec.image'] },
  'monitoring.coreos.com/AlertmanagerConfig': { scope: 'Namespaced' },
  'monitoring.coreos.com/ServiceMonitor': { scope: 'Namespaced' },
  'monitoring.coreos.com/PodMonitor': { scope: 'Namespaced' },
  'monitoring.coreos.com/Probe': { scope: 'Namespaced' },
  'monitoring.coreos.com/PrometheusRule': { scope: 'Namespaced' },
  'monitoring.coreos.com/ThanosRuler': { scope: 'Namespaced', podSpecPaths: ['spec'], imagePaths: ['spec.image'] },
  'monitoring.coreos.com/ScrapeConfig': { scope: 'Namespaced' },
  // Argo
  'argoproj.io/Rollout': { scope: 'Namespaced', podSpecPaths: ['spec.template.spec'] },
  'argoproj.io/AnalysisTemplate': { scope: 'Namespaced' },
  'argoproj.io/ClusterAnalysisTemplate': { scope: 'Cluster' },
  'argoproj.io/AnalysisRun': { scope: 'Namespaced' },
  'argoproj.io/Experiment': { scope: 'Namespaced' },
  'argoproj.io/Application': { scope: 'Namespaced' },
  'argoproj.io/ApplicationSet': { scope: 'Namespaced' },
  'argoproj.io/AppProject': { scope: 'Namespaced' },
  // Argo Workflows: no PodSpec, but the workflow spec carries imagePullSecrets for its pods
  // (pkg/apis/workflow/v1alpha1/workflow_types.go, cron_workflow_types.go; CRD scopes from
  // manifests/base/crds/minimal/).
  'argoproj.io/Workflow': { scope: 'Namespaced', podSpecPaths: ['spec'], imagePaths: argoImages('spec') },
  'argoproj.io/WorkflowTemplate': { scope: 'Namespaced', podSpecPaths: ['spec'], imagePaths: argoImages('spec') },
  'argoproj.io/ClusterWorkflowTemplate': { scope: 'Cluster', podSpecPaths: ['spec'], imagePaths: argoImages('spec') },
  'argoproj.io/CronWorkflow': { scope: 'Namespaced', podSpecPaths: ['spec.workflowSpec'], imagePaths: argoImages('spec.workflowSpec') },
  'argoproj.io/WorkflowEventBinding': { scope: 'Namespaced' },
  // KEDA
  'keda.sh/ScaledObject': { scope: 'Namespaced' },
  'keda.sh/ScaledJob': { scope: 'Namespaced', podSpecPaths: ['spec.jobTargetRef.template.spec'] },
  'keda.sh/TriggerAuthentication': { scope: 'Namespaced' },
  'keda.sh/ClusterTriggerAuthentication': { scope: 'Cluster' },
  'eventing.keda.sh/CloudEventSource': { scope: 'Namespaced' },
  'eventing.keda.sh/ClusterCloudEventSource': { scope: 'Cluster' },
  // Kyverno
  'kyverno.io/ClusterPolicy': { scope: 'Cluster' },
  'kyverno.io/Policy': { scope: 'Namespaced' },
  // Gateway API
  'gateway.networking.k8s.io/GatewayClass': { scope: 'Cluster' },
  'gateway.networking.k8s.io/Gateway': { scope: 'Namespaced' },
  'gateway.networking.k8s.io/HTTPRoute': { scope: 'Namespaced' },
  'gateway.networking.k8s.io/GRPCRoute': { scope: 'Namespaced' },
  'gateway.networking.k8s.io/TLSRoute': { scope: 'Namespaced' },
  'gateway.networking.k8s.io/TCPRoute': { scope: 'Namespaced' },
  'gateway.networking.k8s.io/UDPRoute': { scope: 'Namespaced' },
  'gateway.networking.k8s.io/ReferenceGrant': { scope: 'Namespaced' },
  // Volume snapshots
  'snapshot.storage.k8s.io/VolumeSnapshot': { scope: 'Namespaced' },
  'snapshot.storage.k8s.io/VolumeSnapshotClass': { scope: 'Cluster' },
  'snapshot.storage.k8s.io/VolumeSnapshotContent': { scope: 'Cluster' },
  // Istio
  'networking.istio.io/VirtualService': { scope: 'Namespaced' },
  'networking.istio.io/DestinationRule': { scope: 'Namespaced' },
  'networking.istio.io/Gateway': { scope: 'Namespaced' },
  'networking.istio.io/ServiceEntry': { scope: 'Namespaced' },
  'security.istio.io/AuthorizationPolicy': { scope: 'Namespaced' },
  'security.istio.io/PeerAuthentication': { scope: 'Namespaced' },
  // Knative
  'serving.knative.dev/Service': { scope: 'Namespaced', podSpecPaths: ['spec.template.spec'] },
  'serving.knative.dev/Configuration': { scope: 'Namespaced', podSpecPaths: ['spec.template.spec'] },
  'serving.knative.dev/Route': { scope: 'Namespaced' },
  'serving.knative.dev/Revision': { scope: 'Namespaced' },
  // OpenKruise
  'apps.kruise.io/CloneSet': { scope: 'Namespaced', podSpecPaths: ['spec.template.spec'] },
  'apps.kruise.io/StatefulSet': { scope: 'Namespaced', podSpecPaths: ['spec.template.spec'] },
  'apps.kruise.io/DaemonSet': { scope: 'Namespaced', podSpecPaths: ['spec.template.spec'] },
  // OpenShift
  'apps.openshift.io/DeploymentConfig': { scope: 'Namespaced', podSpecPaths: ['spec.template.spec'] },
  // Batch-style operators
  'jobset.x-k8s.io/JobSet': {
    scope: 'Namespaced',
    podSpecPaths: ['spec.replicatedJobs[*].template.spec.template.spec'],
  },
  'leaderworkerset.x-k8s.io/LeaderWorkerSet': {
    scope: 'Namespaced',
    podSpecPaths: ['spec.leaderWorkerTemplate.workerTemplate.spec', 'spec.leaderWorkerTemplate.leaderTemplate.spec'],
  },
  'ray.io/RayCluster': {
    scope: 'Namespaced',
    podSpecPaths: ['spec.headGroupSpec.template.spec', 'spec.workerGroupSpecs[*].template.spec'],
  },
  'ray.io/RayJob': {
    scope: 'Namespaced',
    podSpecPaths: [
      'spec.rayClusterSpec.headGroupSpec.template.spec',
      'spec.rayClusterSpec.workerGroupSpecs[*].template.spec',
    ],
  },
  'ray.io/RayService': {
    scope: 'Namespaced',
    podSpecPaths: [
      'spec.rayClusterConfig.headGroupSpec.template.spec',
      'spec.rayClusterConfig.workerGroupSpecs[*].template.spec',
    ],
  },
  'kubeflow.org/PyTorchJob': { scope: 'Namespaced', podSpecPaths: ['spec.pytorchReplicaSpecs.*.template.spec'] },
  'kubeflow.org/TFJob': { scope: 'Namespaced', podSpecPaths: ['spec.tfReplicaSpecs.*.template.spec'] },
  'kubeflow.org/MPIJob': { scope: 'Namespaced', podSpecPaths: ['spec.mpiReplicaSpecs.*.template.spec'] },
  'kubeflow.org/XGBoostJob': { scope: 'Namespaced', podSpecPaths: ['spec.xgbReplicaSpecs.*.template.spec'] },
};

/** Image fields of an Argo workflow spec at `spec`: every template's container, script, init and sidecar containers, container set. */
function argoImages(spec: string): string[] {
  const t = `${spec}.templates[*]`;
  return [`${t}.container.image`, `${t}.script.image`, `${t}.initContainers[*].image`, `${t}.sidecars[*].image`,
    `${t}.containerSet.containers[*].image`, `${spec}.templateDefaults.container.image`];
}

/** Every well-known custom resource kind: the table above and the operators' tables. */
export const WELL_KNOWN_CRDS: Readonly<Record<string, WellKnownKind>> = { ...BUILT_IN_TABLE, ...WELL_KNOWN_OPERATORS };
