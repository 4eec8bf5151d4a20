import type { CustomKind, PullSecretPlacement } from '../engine/options.js';
import type { Severity } from '../engine/types.js';

/** A glob or a list of globs, as written in the config file. */
export type Globs = string | string[];

/** Settings that may differ per file: the top level and each `overrides` entry have them. */
export interface FileSettings {
  namespace?: string;
  pullSecrets?: string[];
  pullSecretsOn?: PullSecretPlacement;
  registry?: string;
  registryMap?: Record<string, string>;
  registries?: Record<string, string>;
  rules?: Record<string, Severity | 'off'>;
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
  format?: 'text' | 'json' | 'sarif' | 'github';
}

/** A loaded config file. */
export interface ConfigFile {
  /** Absolute path of the file. */
  path: string;
  /** Its directory: globs and relative paths in the file are relative to it. */
  dir: string;
  settings: ConfigSettings;
}
