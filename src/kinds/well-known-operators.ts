import type { WellKnownKind } from './well-known-kind.js';

// Operators whose custom resources run pods, one row per kind (`group/Kind`, or
// `group/version/Kind` where versions differ). `key?` = may be created when absent: only where
// the CRD accepts it holding nothing but `imagePullSecrets` and creating it switches nothing on
// (a component key such as Strimzi's `spec.cruiseControl` or ECK's `spec.daemonSet` never is).
// Facts read from each project's published CRDs and API types; the file named on each block.

const ns = 'Namespaced' as const;
const cluster = 'Cluster' as const;

/** A kind whose pods take `spec.podTemplate.spec` (created when absent) and whose image is `spec.image`. */
const podTemplateKind: WellKnownKind = { scope: ns, podSpecPaths: ['spec.podTemplate?.spec?'], imagePaths: ['spec.image'] };

/** Tekton step, sidecar and step-template images of a task spec at `at`. */
const tektonSteps = (at: string): string[] => [`${at}.steps[*].image`, `${at}.sidecars[*].image`, `${at}.stepTemplate.image`];
const tektonPipeline = (at: string): string[] => [...tektonSteps(`${at}.tasks[*].taskSpec`), ...tektonSteps(`${at}.finally[*].taskSpec`)];

/** Image fields of a Spark application spec at `at` (driver, executor and their extra containers). */
const sparkImages = (at: string): string[] => [`${at}.image`, `${at}.driver.image`, `${at}.executor.image`,
  ...['driver', 'executor'].flatMap((r) => [`${at}.${r}.initContainers[*].image`, `${at}.${r}.sidecars[*].image`])];

const KSERVE_FRAMEWORKS = ['sklearn', 'xgboost', 'tensorflow', 'pytorch', 'triton', 'onnx', 'huggingface', 'pmml', 'lightgbm', 'paddle', 'model'];

export const WELL_KNOWN_OPERATORS: Readonly<Record<string, WellKnownKind>> = {
  // Elastic ECK. Every podTemplate is a free-form PodTemplateSpec merged with ECK's defaults
  // (config/crds/v1/patches/*.yaml remove its properties; pkg/apis/*/v1*/..._types.go).
  // Beat and Agent take one of daemonSet/deployment(/statefulSet): never created.
  'elasticsearch.k8s.elastic.co/Elasticsearch': { scope: ns, podSpecPaths: ['spec.nodeSets[*].podTemplate?.spec?'], imagePaths: ['spec.image'] },
  'kibana.k8s.elastic.co/Kibana': podTemplateKind,
  'apm.k8s.elastic.co/ApmServer': podTemplateKind,
  'enterprisesearch.k8s.elastic.co/EnterpriseSearch': podTemplateKind,
  'maps.k8s.elastic.co/ElasticMapsServer': podTemplateKind,
  'logstash.k8s.elastic.co/Logstash': podTemplateKind,
  'autoops.k8s.elastic.co/AutoOpsAgentPolicy': podTemplateKind,
  'packageregistry.k8s.elastic.co/PackageRegistry': podTemplateKind,
  'beat.k8s.elastic.co/Beat': {
    scope: ns,
    podSpecPaths: ['spec.daemonSet.podTemplate?.spec?', 'spec.deployment.podTemplate?.spec?'],
    imagePaths: ['spec.image'],
  },
  'agent.k8s.elastic.co/Agent': {
    scope: ns,
    podSpecPaths: ['spec.daemonSet.podTemplate?.spec?', 'spec.deployment.podTemplate?.spec?', 'spec.statefulSet.podTemplate?.spec?'],
    imagePaths: ['spec.image'],
  },
  'stackconfigpolicy.k8s.elastic.co/StackConfigPolicy': { scope: ns },
  'autoscaling.k8s.elastic.co/ElasticsearchAutoscaler': { scope: ns },

  // Strimzi. `template.pod` is Strimzi's PodTemplate: imagePullSecrets ({name}), no containers,
  // every field optional (api/.../common/template/PodTemplate.java; KafkaSpec.java,
  // *Template.java; packaging/install/cluster-operator/04*-Crd-*.yaml). Same paths in v1beta2 and v1.
  'kafka.strimzi.io/Kafka': {
    scope: ns,
    podSpecPaths: ['kafka', 'zookeeper', 'entityOperator', 'cruiseControl', 'kafkaExporter'].map((c) => `spec.${c}.template?.pod?`),
    imagePaths: ['spec.kafka.image', 'spec.zookeeper.image', 'spec.entityOperator.topicOperator.image', 'spec.entityOperator.userOperator.image',
      'spec.entityOperator.tlsSidecar.image', 'spec.cruiseControl.image', 'spec.kafkaExporter.image'],
  },
  'kafka.strimzi.io/KafkaNodePool': { scope: ns, podSpecPaths: ['spec.template?.pod?'] },
  // `spec.template.buildPod` runs only with `spec.build`, so it is fixed where present, never created.
  'kafka.strimzi.io/KafkaConnect': { scope: ns, podSpecPaths: ['spec.template?.pod?', 'spec.template.buildPod'], imagePaths: ['spec.image', 'spec.clientRackInitImage'] },
  'kafka.strimzi.io/KafkaMirrorMaker2': { scope: ns, podSpecPaths: ['spec.template?.pod?'], imagePaths: ['spec.image', 'spec.clientRackInitImage'] },
  'kafka.strimzi.io/KafkaBridge': { scope: ns, podSpecPaths: ['spec.template?.pod?'], imagePaths: ['spec.image'] },
  'kafka.strimzi.io/KafkaMirrorMaker': { scope: ns, podSpecPaths: ['spec.template?.pod?'], imagePaths: ['spec.image'] },
  'kafka.strimzi.io/KafkaTopic': { scope: ns },
  'kafka.strimzi.io/KafkaUser': { scope: ns },
  'kafka.strimzi.io/KafkaConnector': { scope: ns },
  'kafka.strimzi.io/KafkaRebalance': { scope: ns },
  // Pods the operator writes itself (StrimziPodSet.java); a pod spec in one is reported, not fixed.
  'core.strimzi.io/StrimziPodSet': { scope: ns },

  // Tekton Pipelines. The pod template (pkg/apis/pipeline/pod/template.go) is a PodSpec subset
  // without containers; every field optional. PipelineRun moved it in v1 (pipelinerun_types.go of
  // v1 and v1beta1); per-task templates are fixed where present. config/300-crds/300-*.yaml: scopes.
  'tekton.dev/TaskRun': { scope: ns, podSpecPaths: ['spec.podTemplate?'], imagePaths: tektonSteps('spec.taskSpec') },
  'tekton.dev/v1/PipelineRun': {
    scope: ns,
    podSpecPaths: ['spec.taskRunTemplate?.podTemplate?', 'spec.taskRunSpecs[*].podTemplate'],
    imagePaths: tektonPipeline('spec.pipelineSpec'),
  },
  'tekton.dev/v1beta1/PipelineRun': {
    scope: ns,
    podSpecPaths: ['spec.podTemplate?', 'spec.taskRunSpecs[*].taskPodTemplate'],
    imagePaths: tektonPipeline('spec.pipelineSpec'),
  },
  'tekton.dev/PipelineRun': { scope: ns, podSpecPaths: ['spec.taskRunTemplate?.podTemplate?', 'spec.taskRunSpecs[*].podTemplate'], imagePaths: tektonPipeline('spec.pipelineSpec') },
  'tekton.dev/Task': { scope: ns, imagePaths: tektonSteps('spec') },
  'tekton.dev/ClusterTask': { scope: cluster, imagePaths: tektonSteps('spec') },
  'tekton.dev/Pipeline': { scope: ns, imagePaths: tektonPipeline('spec') },
  'tekton.dev/StepAction': { scope: ns, imagePaths: ['spec.image'] },
  'tekton.dev/CustomRun': { scope: ns },

  // KServe. InferenceService components inline KServe's copy of PodSpec (containers optional):
  // pkg/apis/serving/v1beta1/predictor.go, explainer.go, transformer.go, podspec.go; runtimes inline
  // ServingRuntimePodSpec (v1alpha1/servingruntime_types.go). Components are never created.
  'serving.kserve.io/InferenceService': {
    scope: ns,
    podSpecPaths: ['spec.predictor', 'spec.predictor.workerSpec', 'spec.transformer', 'spec.explainer'],
    imagePaths: [...KSERVE_FRAMEWORKS.map((f) => `spec.predictor.${f}.image`), 'spec.explainer.art.image'],
  },
  'serving.kserve.io/ServingRuntime': { scope: ns, podSpecPaths: ['spec', 'spec.workerSpec'] },
  'serving.kserve.io/ClusterServingRuntime': { scope: cluster, podSpecPaths: ['spec', 'spec.workerSpec'] },
  'serving.kserve.io/InferenceGraph': { scope: ns },
  'serving.kserve.io/TrainedModel': { scope: ns },
  'serving.kserve.io/ClusterStorageContainer': { scope: cluster, imagePaths: ['spec.container.image'] },
  'serving.kserve.io/LocalModelCache': { scope: cluster },
  'serving.kserve.io/LocalModelNamespaceCache': { scope: ns },
  'serving.kserve.io/LocalModelNode': { scope: cluster },
  'serving.kserve.io/LocalModelNodeGroup': { scope: cluster },
  'serving.kserve.io/LLMInferenceService': {
    scope: ns,
    podSpecPaths: ['spec.template', 'spec.worker', 'spec.prefill.template', 'spec.prefill.worker', 'spec.router.scheduler.template'],
  },

  // Kubeflow Spark operator: spec.imagePullSecrets is a list of plain names ([]string), for driver
  // and executor pods (api/v1beta2/sparkapplication_types.go, scheduledsparkapplication_types.go).
  'sparkoperator.k8s.io/SparkApplication': {
    scope: ns,
    podSpecPaths: ['spec', 'spec.driver.template.spec', 'spec.executor.template.spec'],
    stringSecretPaths: ['spec'],
    imagePaths: sparkImages('spec'),
  },
  'sparkoperator.k8s.io/ScheduledSparkApplication': {
    scope: ns,
    podSpecPaths: ['spec.template', 'spec.template.driver.template.spec', 'spec.template.executor.template.spec'],
    stringSecretPaths: ['spec.template'],
    imagePaths: sparkImages('spec.template'),
  },
  'sparkoperator.k8s.io/SparkConnect': {
    scope: ns,
    podSpecPaths: ['spec.server.template.spec', 'spec.executor.template.spec'],
    imagePaths: ['spec.image'],
  },

  // Apache Flink operator: pod templates are PodTemplateSpecs without required fields, merged
  // per role over spec.podTemplate (FlinkDeploymentSpec.java, JobManagerSpec.java,
  // helm/flink-kubernetes-operator/crds/flinkdeployments.flink.apache.org-v1.yml).
  'flink.apache.org/FlinkDeployment': {
    scope: ns,
    podSpecPaths: ['spec.podTemplate?.spec?', 'spec.jobManager.podTemplate.spec', 'spec.taskManager.podTemplate.spec'],
    imagePaths: ['spec.image'],
  },
  'flink.apache.org/FlinkBlueGreenDeployment': {
    scope: ns,
    podSpecPaths: ['spec.template.spec.podTemplate?.spec?', 'spec.template.spec.jobManager.podTemplate.spec', 'spec.template.spec.taskManager.podTemplate.spec'],
    imagePaths: ['spec.template.spec.image'],
  },
  'flink.apache.org/FlinkSessionJob': { scope: ns },
  'flink.apache.org/FlinkStateSnapshot': { scope: ns },

  // CloudNativePG: Cluster takes spec.imagePullSecrets ({name}) and spec.imageName; a Pooler's
  // template requires containers, so it is fixed where present, never created
  // (docs/src/cloudnative-pg.v1.md, api/v1/pooler_types.go, docs/src/connection_pooling.md).
  'postgresql.cnpg.io/Cluster': { scope: ns, podSpecPaths: ['spec'], imagePaths: ['spec.imageName'] },
  'postgresql.cnpg.io/Pooler': { scope: ns, podSpecPaths: ['spec.template.spec'] },
  'postgresql.cnpg.io/ImageCatalog': { scope: ns, imagePaths: ['spec.images[*].image'] },
  'postgresql.cnpg.io/ClusterImageCatalog': { scope: cluster, imagePaths: ['spec.images[*].image'] },
  'postgresql.cnpg.io/Backup': { scope: ns },
  'postgresql.cnpg.io/ScheduledBackup': { scope: ns },
  'postgresql.cnpg.io/Database': { scope: ns },
  'postgresql.cnpg.io/Publication': { scope: ns },
  'postgresql.cnpg.io/Subscription': { scope: ns },
};
