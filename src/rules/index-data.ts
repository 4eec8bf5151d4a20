/**
 * The facts of a run's input that single objects need (see `InputIndex`), as a data holder of
 * its own: a fully cached run fills it from the cache without loading any rule.
 */

/** `namespace/name` with '' for an object whose namespace is left to `kubectl apply`. */
export const nsKey = (namespace: string | undefined, name: string): string => `${namespace ?? ''}/${name}`;

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
}
