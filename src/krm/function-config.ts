import { isRecord } from '../core/data.js';
import { decodeYaml } from '../yaml/documents.js';
import { checkSettings, type PrivregFixOptions } from '../api/options.js';
import { ConfigError, type ConfigSettings } from '../config/index.js';

/** apiVersion of the typed function config (`kind: PrivregFix`). */
export const FUNCTION_CONFIG_API_VERSION = 'privreg-fix.dev/v1alpha1';
/** kind of the typed function config. */
export const FUNCTION_CONFIG_KIND = 'PrivregFix';

/** Config keys a function config may set (file discovery and report keys make no sense there). */
export const FUNCTION_CONFIG_KEYS = [
  'namespace', 'pullSecrets', 'pullSecretsOn', 'registry', 'registryMap', 'registries', 'rules', 'kinds',
  'kubernetesVersion', 'schemaDirs', 'validate', 'strictKinds',
] as const;

type Key = (typeof FUNCTION_CONFIG_KEYS)[number];
type Parser = (value: string, key: Key) => unknown;

const fail = (message: string, key?: string): never => {
  throw new ConfigError(message, 'functionConfig', undefined, undefined, key);
};

const list: Parser = (value) => value.split(',').map((s) => s.trim()).filter((s) => s !== '');

const pairs: Parser = (value, key) => {
  const out: Record<string, string> = {};
  for (const entry of list(value, key) as string[]) {
    const eq = entry.indexOf('=');
    if (eq <= 0) fail(`functionConfig.data.${key}: "${entry}" is not KEY=VALUE (entries are comma-separated)`, key);
    out[entry.slice(0, eq).trim()] = entry.slice(eq + 1).trim();
  }
  return out;
};

const bool: Parser = (value, key) => {
  const v = value.trim().toLowerCase();
  if (v !== 'true' && v !== 'false') fail(`functionConfig.data.${key}: expected "true" or "false", not "${value}"`, key);
  return v === 'true';
};

const yamlValue: Parser = (value, key) => {
  try {
    return decodeYaml(value);
  } catch (e) {
    return fail(`functionConfig.data.${key}: not valid YAML/JSON: ${(e as Error).message.split('\n')[0] ?? ''}`, key);
  }
};

const text: Parser = (value) => value.trim();

/** How each ConfigMap `data` value (always a string) is read. */
const DATA_PARSERS: Record<Key, Parser> = {
  namespace: text, registry: text, pullSecretsOn: text, kubernetesVersion: text,
  pullSecrets: list, schemaDirs: list,
  registryMap: pairs, registries: pairs, rules: pairs,
  validate: bool, strictKinds: bool,
  kinds: yamlValue,
};

function unknownKey(key: string, where: string): never {
  return fail(`${where}: unknown key "${key}"; known keys: ${FUNCTION_CONFIG_KEYS.join(', ')}`, key);
}

function fromConfigMap(data: unknown): ConfigSettings {
  if (data === undefined || data === null) return {};
  if (!isRecord(data)) return fail('functionConfig.data must be a mapping of strings');
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(data)) {
    if (!(FUNCTION_CONFIG_KEYS as readonly string[]).includes(key)) unknownKey(key, 'functionConfig.data');
    const k = key as Key;
    out[k] = DATA_PARSERS[k](typeof raw === 'string' ? raw : String(raw), k);
  }
  return out as ConfigSettings;
}

function fromTyped(config: Record<string, unknown>): ConfigSettings {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (key === 'apiVersion' || key === 'kind' || key === 'metadata') continue;
    if (!(FUNCTION_CONFIG_KEYS as readonly string[]).includes(key)) unknownKey(key, FUNCTION_CONFIG_KIND);
    out[key] = value;
  }
  return out as ConfigSettings;
}

/**
 * Reads a KRM `functionConfig` into library options: a `v1` ConfigMap whose `data` holds the
 * config keys as strings (lists and `KEY=VALUE` maps comma-separated, `kinds` as YAML/JSON), or a
 * typed `privreg-fix.dev/v1alpha1` `PrivregFix` object whose top-level keys are the config keys
 * (see `schemas/krm-function-config.schema.json`). No functionConfig means no options. Values
 * are checked with the config file's schema; throws `ConfigError` when they are not usable.
 */
export function functionConfigOptions(functionConfig: unknown): PrivregFixOptions {
  if (functionConfig === undefined || functionConfig === null) return {};
  if (!isRecord(functionConfig)) return fail('functionConfig must be a mapping');
  const { apiVersion, kind } = functionConfig;
  let settings: ConfigSettings;
  if (apiVersion === 'v1' && kind === 'ConfigMap') settings = fromConfigMap(functionConfig.data);
  else if (kind === FUNCTION_CONFIG_KIND && apiVersion === FUNCTION_CONFIG_API_VERSION) settings = fromTyped(functionConfig);
  else {
    return fail(`functionConfig must be a v1 ConfigMap or a ${FUNCTION_CONFIG_API_VERSION} ${FUNCTION_CONFIG_KIND}, `
      + `not ${String(apiVersion)} ${String(kind)}`);
  }
  checkSettings(settings, kind === 'ConfigMap' ? 'functionConfig.data' : FUNCTION_CONFIG_KIND);
  return settings as PrivregFixOptions;
}
