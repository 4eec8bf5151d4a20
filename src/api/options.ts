import path from 'node:path';
import {
  ConfigError, configRunSettings, findConfigFile, loadConfig, resolveFileOptions, ruleLevels,
  type ConfigFile, type ConfigSettings, type FileSettings, type RunSettings,
} from '../config/index.js';
import { explainErrors } from '../config/explain.js';
import { configValidator } from '../config/schema.js';
import type { FixOptions } from '../core/options.js';
import type { Severity } from '../core/types.js';

/**
 * Options of the library functions. The fix keys mirror `.privreg-fix.yaml` (and are checked
 * against the same JSON Schema); given options override a config file's settings.
 */
export interface PrivregFixOptions extends FileSettings {
  /** Validate against the Kubernetes schemas (default true). */
  validate?: boolean;
  /** Kubernetes version of the schemas, e.g. `"1.35"` (the default). */
  kubernetesVersion?: string;
  /** Extra JSON Schema / CRD directories or files, relative to `cwd` (see `--schema-dir`). */
  schemaDirs?: string[];
  /** Kinds without a schema are errors rather than info. */
  strictKinds?: boolean;
  /**
   * Config file: a path (relative to `cwd`), `true` to look for `.privreg-fix.yaml` from `cwd`
   * upwards as the CLI does, or `false`/absent to use none.
   */
  config?: string | boolean;
  /** Directory relative paths are resolved against (default `process.cwd()`). */
  cwd?: string;
}

/** Everything a run needs, resolved from library options. */
export interface ResolvedRun {
  cwd: string;
  config: ConfigFile | undefined;
  flags: Partial<FixOptions>;
  settings: RunSettings;
  /** The fix options of a file (absolute path: config `overrides` may match it). */
  optionsFor(absolutePath: string): FixOptions;
}

/**
 * Checks settings with the config file's JSON Schema; throws `ConfigError` listing every
 * problem (`source` names where they come from, e.g. `options` or `functionConfig`).
 */
export function checkSettings(settings: ConfigSettings, source: string): void {
  const validate = configValidator();
  if (validate(settings)) return;
  const problems = explainErrors(validate.errors ?? [], settings);
  const message = problems.map((p) => `${source}${p.key ? `.${p.key}` : ''}: ${p.message}`).join('\n');
  throw new ConfigError(message || `${source}: invalid options`, source, undefined, undefined, problems[0]?.key);
}

/** Keys of a config file that are not options (they only make sense in the file). */
const FILE_ONLY_KEYS = ['$schema', 'include', 'exclude', 'overrides', 'format', 'maxWarnings'];

/**
 * The setting keys of options (undefined values dropped), checked: unknown keys are reported
 * by the schema (with a suggestion), file-only config keys by name. `ignored` keys are the
 * caller's own (e.g. `path`).
 */
export function settingsOf(options: PrivregFixOptions, ignored: readonly string[] = []): ConfigSettings {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || key === 'config' || key === 'cwd' || ignored.includes(key)) continue;
    if (FILE_ONLY_KEYS.includes(key)) {
      throw new ConfigError(`options.${key}: not an option; set it in the config file (option "config")`, 'options', undefined, undefined, key);
    }
    out[key] = value;
  }
  checkSettings(out, 'options');
  return out as ConfigSettings;
}

async function configFor(option: PrivregFixOptions['config'], cwd: string): Promise<ConfigFile | undefined> {
  if (typeof option === 'string') return loadConfig(path.resolve(cwd, option));
  if (option !== true) return undefined;
  const found = await findConfigFile(cwd);
  return found ? loadConfig(found) : undefined;
}

/**
 * Resolves library options: loads the config file if asked, checks the options with the config
 * schema, and layers them over the file's settings (`ignored`: keys of the caller's own
 * options that are not settings). `ruleDefaults` go under everything (a rule
 * the config or the options set keeps their level). Throws `ConfigError` when they are invalid.
 */
export async function resolveRun(
  options: PrivregFixOptions = {}, ruleDefaults: Record<string, Severity | 'off'> = {}, ignored: readonly string[] = [],
): Promise<ResolvedRun> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const given = settingsOf(options, ignored);
  const config = await configFor(options.config, cwd);
  const settings = configRunSettings(config);
  if (given.validate !== undefined) settings.validate = given.validate;
  if (given.kubernetesVersion !== undefined) settings.kubernetesVersion = given.kubernetesVersion.replace(/^v/, '');
  if (given.schemaDirs !== undefined) settings.schemaDirs = given.schemaDirs.map((d) => path.resolve(cwd, d));
  if (given.strictKinds !== undefined) settings.strictKinds = given.strictKinds;
  const flags: Partial<FixOptions> = {};
  if (given.namespace !== undefined) flags.namespace = given.namespace;
  if (given.pullSecrets !== undefined) flags.pullSecrets = [...given.pullSecrets];
  if (given.pullSecretsOn !== undefined) flags.pullSecretsOn = given.pullSecretsOn;
  if (given.registry !== undefined) flags.registry = given.registry;
  if (given.registryMap !== undefined) flags.registryMap = { ...given.registryMap };
  if (given.registries !== undefined) flags.registries = { ...given.registries };
  if (given.rules !== undefined) flags.rules = ruleLevels(given.rules);
  if (given.kinds !== undefined) flags.kinds = given.kinds.map((k) => ({ ...k }));
  const optionsFor = (absolute: string): FixOptions => {
    const resolved = resolveFileOptions(config, flags, absolute);
    if (Object.keys(ruleDefaults).every((k) => k in resolved.rules)) return resolved;
    return Object.freeze({ ...resolved, rules: Object.freeze({ ...ruleDefaults, ...resolved.rules }) });
  };
  return { cwd, config, flags, settings, optionsFor };
}

/**
 * Rule levels for rendered input (Helm post-renderer, KRM function): a chart or a kustomize
 * secretGenerator legitimately renders registry Secrets from values or ignored files, so
 * `plaintext-registry-credential` (meant for committed files) is off unless configured.
 */
export const RENDERED_INPUT_RULES: Readonly<Record<string, Severity | 'off'>> = Object.freeze({ 'plaintext-registry-credential': 'off' });
