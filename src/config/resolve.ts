import { isAbsolute, relative, resolve as resolvePath } from 'node:path';
import { DEFAULT_KUBERNETES_VERSION, defaultFixOptions, type CustomKind, type FixOptions, type RunSettings } from '../core/options.js';
import { matchesAny, normalizePath } from '../io/glob.js';
import type { Severity } from '../core/types.js';
import type { ConfigFile, ConfigSettings, FileSettings, Globs, RuleLevel } from './types.js';

export type { RunSettings };

/**
 * The options for one file: defaults <- config top level <- every matching `overrides` entry in
 * order <- flags. Scalars (`namespace`, `registry`, `pullSecretsOn`) are replaced by each later
 * layer that sets them; lists (`pullSecrets`) are replaced too, so an override's list is the
 * whole list for its files; maps (`registryMap`, `registries`, `rules`) are merged key by key;
 * `kinds` entries replace earlier entries for the same kind. An empty `pullSecrets` from flags
 * counts as not given, so a CLI that always passes a list does not wipe the file's.
 * `path` is relative to the config file's directory, or absolute. The result is deeply frozen.
 */
export function resolveFileOptions(config: ConfigFile | undefined, flags: Partial<FixOptions>, path: string): FixOptions {
  return optionsOf(config, flags, config ? matchedOverrides(config, path) : []);
}

/**
 * `resolveFileOptions` for the files of one run: files that match the same overrides get the
 * same frozen object (without a config, or one without overrides, every file), so that what is
 * derived from a file's options (cache keys, for one) is derived once.
 */
export function fileOptionsResolver(config: ConfigFile | undefined, flags: Partial<FixOptions>): (path: string) => FixOptions {
  const byOverrides = new Map<string, FixOptions>();
  return (path) => {
    const matched = config ? matchedOverrides(config, path) : [];
    const key = matched.join(',');
    let options = byOverrides.get(key);
    if (!options) byOverrides.set(key, (options = optionsOf(config, flags, matched)));
    return options;
  };
}

/** The indexes of the config's overrides that apply to `path`. */
function matchedOverrides(config: ConfigFile, path: string): number[] {
  const overrides = config.settings.overrides ?? [];
  if (overrides.length === 0) return [];
  const rel = configRelativePath(config, path);
  const matched: number[] = [];
  for (const [i, override] of overrides.entries()) {
    if (!matchesAny(rel, toList(override.files))) continue;
    if (override.excludeFiles !== undefined && matchesAny(rel, toList(override.excludeFiles))) continue;
    matched.push(i);
  }
  return matched;
}

function optionsOf(config: ConfigFile | undefined, flags: Partial<FixOptions>, matched: readonly number[]): FixOptions {
  const options = defaultFixOptions();
  if (config) {
    applyLayer(options, config.settings);
    const overrides = config.settings.overrides ?? [];
    for (const i of matched) applyLayer(options, overrides[i] as FileSettings);
  }
  const { pullSecrets, ...rest } = flags;
  applyLayer(options, pullSecrets && pullSecrets.length > 0 ? { ...rest, pullSecrets } : rest);
  return deepFreeze(options);
}

/** `path` relative to the config file's directory, with `/` separators. */
export function configRelativePath(config: Pick<ConfigFile, 'dir'>, path: string): string {
  const rel = isAbsolute(path) ? relative(config.dir, path) : path;
  return normalizePath(rel);
}

/** The config's `include`/`exclude` globs for file discovery, relative to `baseDir`. */
export interface ConfigDiscovery {
  /** The config file's directory. */
  baseDir: string;
  /** Absent when the config does not say: the caller's default applies. */
  include?: string[];
  exclude: string[];
}

/** Extracts the discovery globs of a config. */
export function configDiscovery(config: ConfigFile): ConfigDiscovery {
  const { include, exclude } = config.settings;
  return {
    baseDir: config.dir,
    ...(include !== undefined ? { include: toList(include) } : {}),
    exclude: exclude !== undefined ? toList(exclude) : [],
  };
}

/** Run-wide settings of a config (or the defaults without one); flags go over these. */
export function configRunSettings(config: ConfigFile | undefined): RunSettings {
  const s: ConfigSettings = config?.settings ?? {};
  const settings: RunSettings = {
    kubernetesVersion: (s.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION).replace(/^v/, ''),
    schemaDirs: (s.schemaDirs ?? []).map((d) => resolvePath(config?.dir ?? '.', d)),
    validate: s.validate ?? true,
    strictKinds: s.strictKinds ?? false,
  };
  if (s.maxWarnings !== undefined) settings.maxWarnings = s.maxWarnings;
  if (s.format !== undefined) settings.format = s.format;
  return settings;
}

function applyLayer(options: FixOptions, layer: FileSettings): void {
  if (layer.namespace !== undefined) options.namespace = layer.namespace;
  if (layer.registry !== undefined) options.registry = layer.registry;
  if (layer.pullSecretsOn !== undefined) options.pullSecretsOn = layer.pullSecretsOn;
  if (layer.pullSecrets !== undefined) options.pullSecrets = [...layer.pullSecrets];
  if (layer.registryMap !== undefined) options.registryMap = { ...options.registryMap, ...layer.registryMap };
  if (layer.registries !== undefined) options.registries = { ...options.registries, ...layer.registries };
  if (layer.rewriteArgImages !== undefined) options.rewriteArgImages = layer.rewriteArgImages;
  if (layer.rules !== undefined) options.rules = { ...options.rules, ...ruleLevels(layer.rules) };
  if (layer.kinds !== undefined) options.kinds = mergeKinds(options.kinds, layer.kinds);
}

/** Rule levels with `false` (a bare `off` or `no` in YAML 1.1) read as `off`. */
export function ruleLevels(rules: Readonly<Record<string, RuleLevel>>): Record<string, Severity | 'off'> {
  return Object.fromEntries(Object.entries(rules).map(([id, level]) => [id, level === false ? 'off' : level]));
}

function mergeKinds(base: readonly CustomKind[], next: readonly CustomKind[]): CustomKind[] {
  const replaced = new Set(next.map((k) => k.kind));
  return [...base.filter((k) => !replaced.has(k.kind)), ...next.map((k) => ({ ...k }))];
}

function toList(globs: Globs): string[] {
  return typeof globs === 'string' ? [globs] : [...globs];
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
