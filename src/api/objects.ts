import { isRecord, listItems } from '../core/data.js';
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1.js';
import type { CronJob, Job } from 'kubernetes-types/batch/v1.js';
import type {
  ConfigMap, Namespace, Pod, PodSpec, PodTemplate, ReplicationController, Secret, Service, ServiceAccount,
} from 'kubernetes-types/core/v1.js';
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import { dataOf, parseDocuments } from '../yaml/documents.js';

/** Any Kubernetes object: `apiVersion`, `kind` and `metadata` typed, the rest open. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata?: ObjectMeta;
  [field: string]: unknown;
}

/** The built-in kinds privreg-fix touches, by kind, typed with `kubernetes-types`. */
export interface KnownObjects {
  ConfigMap: ConfigMap;
  CronJob: CronJob;
  DaemonSet: DaemonSet;
  Deployment: Deployment;
  Job: Job;
  Namespace: Namespace;
  Pod: Pod;
  PodTemplate: PodTemplate;
  ReplicaSet: ReplicaSet;
  ReplicationController: ReplicationController;
  Secret: Secret;
  Service: Service;
  ServiceAccount: ServiceAccount;
  StatefulSet: StatefulSet;
}

const API_VERSIONS: Record<keyof KnownObjects, string> = {
  ConfigMap: 'v1', CronJob: 'batch/v1', DaemonSet: 'apps/v1', Deployment: 'apps/v1', Job: 'batch/v1',
  Namespace: 'v1', Pod: 'v1', PodTemplate: 'v1', ReplicaSet: 'apps/v1', ReplicationController: 'v1',
  Secret: 'v1', Service: 'v1', ServiceAccount: 'v1', StatefulSet: 'apps/v1',
};

function isKubernetesObject(value: unknown): value is KubernetesObject {
  return isRecord(value) && typeof value.apiVersion === 'string' && typeof value.kind === 'string';
}

/**
 * Decodes the Kubernetes objects of a manifest text: every document with an `apiVersion` and a
 * `kind`, with the items of `List` kinds in place of the list. Documents that do not parse are
 * skipped; the values are not validated (use `fixText`'s findings for that).
 */
export function parseObjects(text: string): KubernetesObject[] {
  const out: KubernetesObject[] = [];
  for (const doc of parseDocuments(text)) {
    if (doc.errors.length > 0) continue;
    let value: unknown;
    try {
      value = dataOf(doc);
    } catch {
      continue;
    }
    if (!isKubernetesObject(value)) continue;
    const items = listItems(value);
    if (items) out.push(...items.filter(isKubernetesObject));
    else out.push(value);
  }
  return out;
}

/** The objects of one built-in kind (matched on `kind` and `apiVersion`), typed accordingly. */
export function objectsOfKind<K extends keyof KnownObjects>(objects: readonly KubernetesObject[], kind: K): KnownObjects[K][] {
  // The shape is the caller's input, not checked here: the cast only names the expected type.
  return objects.filter((o) => o.kind === kind && o.apiVersion === API_VERSIONS[kind]) as unknown as KnownObjects[K][];
}

/** The pod spec of a workload object (Pod, Deployment, Job, CronJob, ...), if it has one. */
export function podSpecOf(object: KubernetesObject | KnownObjects[keyof KnownObjects]): PodSpec | undefined {
  if (object.kind === 'PodTemplate') return (object as { template?: { spec?: PodSpec } }).template?.spec;
  const { spec } = object as { spec?: unknown };
  if (!isRecord(spec)) return undefined;
  if (object.kind === 'Pod') return spec as unknown as PodSpec;
  if (object.kind === 'CronJob') {
    return (spec.jobTemplate as { spec?: { template?: { spec?: PodSpec } } } | undefined)?.spec?.template?.spec;
  }
  return (spec.template as { spec?: PodSpec } | undefined)?.spec;
}
