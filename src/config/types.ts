import type { CustomKind, PullSecretPlacement, ReportFormat } from '../core/options.js';
import type { Severity } from '../core/types.js';

/** A rule's level in a config file: `false` is `off` as YAML 1.1 reads a bare `off`. */
export type RuleLevel = Severity | 'off' | false;

/** A glob or a list of globs, as written in the config file. */
export type Globs = string | string[];

/** Settings that may differ per file: the top level and each `overrides` entry have them. */
export interface FileSettings {
  /** Namespace for namespaced objects that have none. */
  namespace?: string;
  /** Secrets every pod spec must list in imagePullSecrets. */
  pullSecrets?: string[];
  /** Put pull secrets on pod specs (default) or on the ServiceAccounts pods use. */
  pullSecretsOn?: PullSecretPlacement;
  /** `HOST[:PORT][/PREFIX]` that image references are rewritten to. */
  registry?: string;
  /** Source registry -> target prefix, e.g. `{ 'quay.io': 'reg.example.com/quay' }`. */
  registryMap?: Record<string, string>;
  /** Registry -> name of the pull secret its images need. */
  registries?: Record<string, string>;
  /** Rewrite image references in containers' args, command and env values too. */
  rewriteArgImages?: boolean;
  /** Severity overrides per rule id; `off` disables a rule. */
  rules?: Record<string, RuleLevel>;
  /** Custom kinds: scope and pod-spec paths. */
  kinds?: CustomKind[];
}

/** One `overrides` entry: settings for the files its globs match. */
export interface OverrideSettings extends FileSettings {
  files: Globs;
  excludeFiles?: Globs;
}

/** The validated content of a config file (mirrors `schemas/config.schema.json`). */
export interface ConfigSettings extends FileSettings {
  $schema?: string;
  include?: Globs;
  exclude?: Globs;
  overrides?: OverrideSettings[];
  kubernetesVersion?: string;
  schemaDirs?: string[];
  validate?: boolean;
  strictKinds?: boolean;
  maxWarnings?: number;
  format?: ReportFormat;
}

/** A loaded config file. */
export interface ConfigFile {
  /** Absolute path of the file. */
  path: string;
  /** Its directory: globs and relative paths in the file are relative to it. */
  dir: string;
  settings: ConfigSettings;
}
