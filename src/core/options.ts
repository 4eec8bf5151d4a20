import type { Severity } from './types.js';

/** The Kubernetes version whose schemas and kind tables are used unless another is asked for. */
export const DEFAULT_KUBERNETES_VERSION = '1.35';

/** The report formats (`--format`). */
export const REPORT_FORMATS = ['text', 'json', 'sarif', 'github'] as const;

/** One of `REPORT_FORMATS`. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Settings that apply to a whole run rather than per file, with defaults filled in. */
export interface RunSettings {
  kubernetesVersion: string;
  /** Absolute paths (relative ones are resolved against the config file's directory). */
  schemaDirs: string[];
  validate: boolean;
  strictKinds: boolean;
  /** Absent = unlimited. */
  maxWarnings?: number;
  format?: ReportFormat;
}

/** Where pull secrets are put: on every pod spec (default) or on the ServiceAccounts pods use. */
export type PullSecretPlacement = 'pod' | 'serviceaccount';

/** Scope and pod-spec locations of a kind that the built-in tables do not know. */
export interface CustomKind {
  /** `group/Kind` (core group: `Kind` alone, e.g. `Pod`), or `apiVersion/Kind`. */
  kind: string;
  scope?: 'Namespaced' | 'Cluster';
  /**
   * Dotted paths to pod specs (or other maps holding the pods' `imagePullSecrets`), `[*]` for
   * every item of a list, `*` for every value of a map, `key?` for a key that may be created.
   */
  podSpecPaths?: string[];
  /** Paths to image references outside pod specs' containers, e.g. `spec.image`. */
  imagePaths?: string[];
  /** Those of `podSpecPaths` whose `imagePullSecrets` lists plain names, not `{name: ...}`. */
  stringSecretPaths?: string[];
  /** Subtrees a CRD's schema leaves free-form (x-kubernetes-preserve-unknown-fields): pod specs found there are fixed. */
  freeFormPaths?: string[];
}

/** Everything that decides what the fix does to one file. Frozen once resolved. */
export interface FixOptions {
  /** Namespace for namespaced objects that have none. */
  namespace?: string;
  /** Secrets every pod spec must list in imagePullSecrets. */
  pullSecrets: string[];
  pullSecretsOn: PullSecretPlacement;
  /** `HOST[:PORT][/PREFIX]` that image references are rewritten to. */
  registry?: string;
  /** Source registry (e.g. `quay.io`) -> target prefix (e.g. `reg.example.com/quay`). */
  registryMap: Record<string, string>;
  /** Registry (host or host/path prefix) -> name of the pull secret its images need. */
  registries: Record<string, string>;
  /** Rewrite image references in containers' args, command and env values too (`image-in-args`). */
  rewriteArgImages?: boolean;
  /** Severity overrides per rule id; `off` disables the rule. */
  rules: Record<string, Severity | 'off'>;
  /** Extra kinds (custom resources). */
  kinds: CustomKind[];
}

/** Options with nothing to do. */
export function defaultFixOptions(): FixOptions {
  return {
    pullSecrets: [],
    pullSecretsOn: 'pod',
    registryMap: {},
    registries: {},
    rules: {},
    kinds: [],
  };
}
