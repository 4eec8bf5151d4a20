import { describe, expect, it } from 'vitest';
import { kindFromCrd } from '../../src/kinds/crd-kinds.js';
import { KindRegistry } from '../../src/kinds/registry.js';

describe('KindRegistry', () => {
  const kinds = new KindRegistry();

  it.each([
    ['v1', 'Namespace', 'Cluster'],
    ['v1', 'ConfigMap', 'Namespaced'],
    ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'Cluster'],
    ['apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'Cluster'],
    ['storage.k8s.io/v1', 'StorageClass', 'Cluster'],
    ['scheduling.k8s.io/v1', 'PriorityClass', 'Cluster'],
    ['admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', 'Cluster'],
    ['extensions/v1beta1', 'Ingress', 'Namespaced'],
    ['policy/v1beta1', 'PodSecurityPolicy', 'Cluster'],
    ['cert-manager.io/v1', 'ClusterIssuer', 'Cluster'],
    ['cert-manager.io/v1', 'Issuer', 'Namespaced'],
  ])('%s %s is %s', (apiVersion, kind, scope) => {
    expect(kinds.lookup(apiVersion, kind).scope).toBe(scope);
  });

  it('never guesses an unknown kind', () => {
    expect(kinds.lookup('example.com/v1', 'Widget')).toMatchObject({ scope: undefined, source: 'unknown' });
  });

  it('knows the pod spec paths of every built-in workload, legacy versions included', () => {
    expect(kinds.lookup('batch/v1beta1', 'CronJob').podSpecPaths).toEqual(['spec.jobTemplate.spec.template.spec']);
    expect(kinds.lookup('apps/v1beta2', 'StatefulSet').podSpecPaths).toEqual(['spec.template.spec']);
    expect(kinds.lookup('v1', 'PodTemplate').podSpecPaths).toEqual(['template.spec']);
  });

  it('lets config kinds win over everything', () => {
    expect(kinds.lookup('example.com/v1', 'Widget', [{ kind: 'example.com/Widget', scope: 'Cluster' }]).scope).toBe('Cluster');
  });
});

describe('kindFromCrd', () => {
  it('finds pod specs anywhere in the schema, through arrays and maps', () => {
    const podSpec = { type: 'object', properties: { containers: { type: 'array' }, imagePullSecrets: { type: 'array' } } };
    const crd = {
      kind: 'CustomResourceDefinition',
      spec: {
        group: 'x.io', scope: 'Namespaced', names: { kind: 'Job' },
        versions: [{ schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: {
          workers: { type: 'array', items: { type: 'object', properties: { template: { type: 'object', properties: { spec: podSpec } } } } },
          roles: { type: 'object', additionalProperties: { type: 'object', properties: { pod: podSpec } } },
        } } } } } }],
      },
    };
    // Neither the pod specs nor the PodTemplateSpec around the first require anything: creatable.
    expect(kindFromCrd(crd)).toEqual({ kind: 'x.io/Job', scope: 'Namespaced', podSpecPaths: ['spec.workers[*].template?.spec?', 'spec.roles.*.pod?'] });
  });

  const crdWith = (spec: object): unknown => ({
    kind: 'CustomResourceDefinition',
    spec: { group: 'x.io', scope: 'Namespaced', names: { kind: 'App' }, versions: [{ schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: spec } } } } }] },
  });
  const secrets = { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } };

  it('takes a pod template with imagePullSecrets and no containers (Strimzi, Tekton), creatable when nothing is required', () => {
    const kind = kindFromCrd(crdWith({
      kafka: { type: 'object', required: ['replicas'], properties: { replicas: { type: 'integer' }, template: { type: 'object', properties: {
        pod: { type: 'object', properties: { imagePullSecrets: secrets, tolerations: { type: 'array' } } },
        podDisruptionBudget: { type: 'object' },
      } } } },
      podTemplate: { type: 'object', properties: { imagePullSecrets: secrets } },
    }));
    // `template` is no PodTemplateSpec (it holds other templates), so only `pod` may be created.
    expect(kind?.podSpecPaths).toEqual(['spec.kafka.template.pod?', 'spec.podTemplate?']);
  });

  it('never marks a pod spec that requires containers, nor a template that requires something', () => {
    const podSpec = { type: 'object', required: ['containers'], properties: { containers: { type: 'array' }, imagePullSecrets: secrets } };
    expect(kindFromCrd(crdWith({ template: { type: 'object', properties: { metadata: { type: 'object' }, spec: podSpec } } }))?.podSpecPaths)
      .toEqual(['spec.template.spec']);
    const open = { type: 'object', properties: { imagePullSecrets: secrets } };
    expect(kindFromCrd(crdWith({ template: { type: 'object', required: ['metadata'], properties: { metadata: { type: 'object' }, spec: open } } }))?.podSpecPaths)
      .toEqual(['spec.template.spec?']);
  });

  it('records lists of plain names, free-form subtrees, and ignores containers a schema would prune imagePullSecrets from', () => {
    const kind = kindFromCrd(crdWith({
      podTemplate: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      steps: { type: 'object', properties: { containers: { type: 'array' } } },
    }));
    expect(kind?.podSpecPaths).toEqual([]);
    expect(kind?.freeFormPaths).toEqual(['spec.podTemplate']);
    const spark = kindFromCrd({
      kind: 'CustomResourceDefinition',
      spec: { group: 'x.io', scope: 'Namespaced', names: { kind: 'App' }, versions: [{ schema: { openAPIV3Schema: { type: 'object', properties: {
        spec: { type: 'object', required: ['type'], properties: { type: { type: 'string' }, imagePullSecrets: { type: 'array', items: { type: 'string' } } } },
      } } } }] },
    });
    expect(spark).toMatchObject({ podSpecPaths: ['spec'], stringSecretPaths: ['spec'] });
  });
});
