/** Scope, pod-spec paths and image fields of a custom resource kind that many clusters install. */
export interface WellKnownKind {
  scope: 'Namespaced' | 'Cluster';
  /**
   * Paths to the maps that hold `imagePullSecrets` for the kind's pods: pod specs, or operator
   * structs that take pull secrets for the pods they make. `key?` marks a key that may be created
   * when absent (the CRD accepts it holding only `imagePullSecrets`).
   */
  podSpecPaths?: readonly string[];
  /** Paths to image references outside pod specs' containers, e.g. `spec.image`. */
  imagePaths?: readonly string[];
  /** Those of `podSpecPaths` whose `imagePullSecrets` lists plain names, not `{name: ...}`. */
  stringSecretPaths?: readonly string[];
}
