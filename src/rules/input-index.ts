import { isSeq, findPair } from '../yaml/nodes.js';
import type { KindRegistry } from '../kinds/registry.js';
import { findObjects, stringAt, type ManifestObject } from '../manifest/objects.js';
import type { ManifestFile } from '../yaml/parse.js';
import { followPath } from '../kinds/pod-specs.js';
import { requiredSecretsFor } from './required-secrets.js';
import type { FixOptions } from '../core/options.js';
import { detach } from '../yaml/detach.js';
import { suppressedRules } from './suppressions.js';

/** `namespace/name` with '' for an object whose namespace is left to `kubectl apply`. */
export const nsKey = (namespace: string | undefined, name: string): string => `${namespace ?? ''}/${name}`;

/** The namespace an object will have once fixed: its own, else the one the fix adds. */
export function effectiveNamespace(object: ManifestObject, options: FixOptions): string | undefined {
  return object.ref.namespace || options.namespace;
}

/** The facts of an `InputIndex` as plain data (Sets and Maps survive `postMessage`). */
export interface InputIndexData {
  serviceAccounts: Set<string>;
  serviceAccountNeeds: Map<string, Set<string>>;
  registrySecrets: Map<string, Set<string>>;
  movedServiceAccounts: Map<string, Set<string>>;
}

/**
 * Facts about the whole input that single objects need: which ServiceAccounts and registry
 * Secrets exist (per namespace), and which secrets the pods using each ServiceAccount need.
 * Filled by a pre-pass over every file before any file is fixed.
 */
export class InputIndex {
  /** An index holding the facts another index collected (e.g. in another thread). */
  static fromData(data: InputIndexData): InputIndex {
    const index = new InputIndex();
    for (const sa of data.serviceAccounts) index.serviceAccounts.add(sa);
    for (const [k, v] of data.serviceAccountNeeds) index.serviceAccountNeeds.set(k, v);
    for (const [k, v] of data.registrySecrets) index.registrySecrets.set(k, v);
    for (const [k, v] of data.movedServiceAccounts) index.movedServiceAccounts.set(k, v);
    return index;
  }

  /** The facts as plain data, for `fromData`. */
  toData(): InputIndexData {
    return {
      serviceAccounts: this.serviceAccounts, serviceAccountNeeds: this.serviceAccountNeeds,
      registrySecrets: this.registrySecrets, movedServiceAccounts: this.movedServiceAccounts,
    };
  }

  /** ServiceAccounts defined in the input. */
  readonly serviceAccounts = new Set<string>();
  /** ServiceAccount key -> secrets its pods need (pods that list no pull secrets of their own). */
  readonly serviceAccountNeeds = new Map<string, Set<string>>();
  /** docker-registry Secret name -> namespaces it is defined in. */
  readonly registrySecrets = new Map<string, Set<string>>();
  /**
   * ServiceAccount name -> the namespaces the fix moves it into: ServiceAccounts of the input
   * without a namespace of their own, in files whose options give one (see `rbac-subject-namespace.ts`).
   */
  readonly movedServiceAccounts = new Map<string, Set<string>>();

  /**
   * Records one parsed file's facts. `withPods` also walks pod specs (ServiceAccount mode);
   * `moves` false: the fix leaves the file alone (a template), so it moves no ServiceAccount.
   * Names and keys are kept for the whole run: copied off the file's text (see `detach`).
   */
  add(file: ManifestFile, options: FixOptions, kinds: KindRegistry, withPods: boolean, moves = true): void {
    for (const object of findObjects(file.docs)) {
      const { kind, apiVersion, name } = object.ref;
      const ns = effectiveNamespace(object, options);
      if (apiVersion === 'v1' && kind === 'ServiceAccount' && name) {
        this.serviceAccounts.add(detach(nsKey(ns, name)));
        if (moves && movesIntoNamespace(object, options)) addTo(this.movedServiceAccounts, name, options.namespace as string);
      }
      if (apiVersion === 'v1' && kind === 'Secret' && name && /dockerconfigjson|dockercfg/.test(stringAt(object.node, 'type') ?? '')) {
        addTo(this.registrySecrets, name, ns ?? '');
      }
      if (!withPods) continue;
      for (const specPath of kinds.lookup(apiVersion, kind, options.kinds).podSpecPaths) {
        for (const spec of followPath(object.node, specPath).found) {
          const own = findPair(spec.node, 'imagePullSecrets')?.value;
          // A pod that lists pull secrets of its own does not get its ServiceAccount's.
          if (isSeq(own) && own.items.length > 0) continue;
          const sa = stringAt(spec.node, 'serviceAccountName') ?? stringAt(spec.node, 'serviceAccount') ?? 'default';
          const key = nsKey(ns, sa);
          let needs = this.serviceAccountNeeds.get(key);
          if (!needs) this.serviceAccountNeeds.set(detach(key), (needs = new Set()));
          for (const s of requiredSecretsFor(spec.node, options)) needs.add(detach(s));
        }
      }
    }
  }
}

/** Adds `value` to the set of `key` (both kept for the run: detached). */
function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(detach(key), (set = new Set()));
  set.add(detach(value));
}

/**
 * Whether the fix gives an object the run's namespace: it has none of its own, one is asked for,
 * and neither the config nor the object's `privreg-fix.io/ignore` annotation turns that off.
 */
export function movesIntoNamespace(object: ManifestObject, options: FixOptions): boolean {
  if (object.ref.namespace || options.namespace === undefined || options.rules['missing-namespace'] === 'off') return false;
  const suppressed = suppressedRules(object);
  return !suppressed.has('all') && !suppressed.has('missing-namespace');
}
