import { parseArgs } from 'node:util';
import type { FixOptions, PullSecretPlacement } from '../core/options.js';
import { explainInvalidRegistryTarget, parseRegistryMapFlags } from '../image/index.js';
import { REPORT_FORMATS, type ReportFormat } from '../core/options.js';
import { checkNamespaceName, checkSecretName } from '../config/names.js';
import { parseErrorMessage } from '../config/unknown-option.js';
import { UsageError } from '../core/errors.js';
import { CACHE_STRATEGIES, type CacheStrategy } from '../run/cache-keys.js';

/** The command line of the main command, parsed and checked. */
export interface CliArgs {
  paths: string[];
  mode: 'diff' | 'write' | 'check';
  /** Fix settings given as flags; they override the config file. */
  flags: Partial<FixOptions>;
  validate?: boolean;
  kubernetesVersion?: string;
  schemaDirs: string[];
  strictKinds?: boolean;
  format?: ReportFormat;
  output?: string;
  maxWarnings?: number;
  config?: string;
  noConfig: boolean;
  jobs?: number;
  /** `--cache`: reuse the results of unchanged files (see `ResultCache`). */
  cache: boolean;
  cacheLocation?: string;
  /** `--cache-strategy`: how an unchanged file is told (as eslint's). */
  cacheStrategy?: CacheStrategy;
  help: boolean;
  version: boolean;
}

const OPTIONS = {
  namespace: { type: 'string', short: 'n' },
  'pull-secret': { type: 'string', short: 's', multiple: true },
  write: { type: 'boolean', short: 'w' },
  check: { type: 'boolean' },
  validate: { type: 'boolean' },
  'no-validate': { type: 'boolean' },
  'kubernetes-version': { type: 'string' },
  'schema-dir': { type: 'string', multiple: true },
  'strict-kinds': { type: 'boolean' },
  registry: { type: 'string' },
  'registry-map': { type: 'string', multiple: true },
  'pull-secrets-on': { type: 'string' },
  'rewrite-arg-images': { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'max-warnings': { type: 'string' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  'cache-strategy': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

function wholeNumber(value: string, flag: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`${flag} takes a whole number of at least ${min}, not "${value}"`);
  return Number(value);
}

function registryMap(entries: readonly string[]): Record<string, string> {
  const parsed = parseRegistryMapFlags(entries);
  if ('error' in parsed) throw new UsageError(parsed.error);
  return parsed.map;
}

/** Parses the main command's arguments; throws UsageError on anything malformed. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(parseErrorMessage(e, Object.keys(OPTIONS)));
  }
  const v = parsed.values;
  if (v.write && v.check) throw new UsageError('--write and --check cannot be used together');
  const paths = parsed.positionals;
  if (paths.includes('-') && paths.length > 1) throw new UsageError("'-' (stdin) cannot be combined with other paths");
  const flags: Partial<FixOptions> = {};
  if (v.namespace !== undefined) flags.namespace = checkNamespaceName(v.namespace, '--namespace');
  if (v['pull-secret']) flags.pullSecrets = v['pull-secret'].map((s) => checkSecretName(s, '--pull-secret'));
  if (v.registry !== undefined) {
    const why = explainInvalidRegistryTarget(v.registry);
    if (why) throw new UsageError(`--registry "${v.registry}": ${why}`);
    flags.registry = v.registry;
  }
  if (v['registry-map']) flags.registryMap = registryMap(v['registry-map']);
  if (v['rewrite-arg-images']) flags.rewriteArgImages = true;
  if (v['pull-secrets-on'] !== undefined) {
    if (v['pull-secrets-on'] !== 'pod' && v['pull-secrets-on'] !== 'serviceaccount') {
      throw new UsageError(`--pull-secrets-on takes "pod" or "serviceaccount", not "${v['pull-secrets-on']}"`);
    }
    flags.pullSecretsOn = v['pull-secrets-on'] as PullSecretPlacement;
  }
  const args: CliArgs = {
    paths,
    mode: v.write ? 'write' : v.check ? 'check' : 'diff',
    flags,
    schemaDirs: v['schema-dir'] ?? [],
    noConfig: v['no-config'] ?? false,
    cache: v.cache ?? false,
    help: v.help ?? false,
    version: v.version ?? false,
  };
  if (v['no-validate']) args.validate = false;
  else if (v.validate) args.validate = true;
  if (v['kubernetes-version'] !== undefined) args.kubernetesVersion = v['kubernetes-version'].replace(/^v/, '');
  if (v['strict-kinds']) args.strictKinds = true;
  if (v.format !== undefined) {
    if (!(REPORT_FORMATS as readonly string[]).includes(v.format)) {
      throw new UsageError(`--format takes one of ${REPORT_FORMATS.join(', ')}, not "${v.format}"`);
    }
    args.format = v.format as ReportFormat;
  }
  if (v.output !== undefined) args.output = v.output;
  if (v['max-warnings'] !== undefined) args.maxWarnings = wholeNumber(v['max-warnings'], '--max-warnings', 0);
  if (v.config !== undefined) args.config = v.config;
  if (v.jobs !== undefined) args.jobs = wholeNumber(v.jobs, '--jobs', 1);
  if (v['cache-location'] !== undefined) args.cacheLocation = v['cache-location'];
  if (v['cache-strategy'] !== undefined) {
    if (!(CACHE_STRATEGIES as readonly string[]).includes(v['cache-strategy'])) {
      throw new UsageError(`--cache-strategy takes one of ${CACHE_STRATEGIES.join(', ')}, not "${v['cache-strategy']}"`);
    }
    args.cacheStrategy = v['cache-strategy'] as CacheStrategy;
  }
  if (args.config && args.noConfig) throw new UsageError('--config and --no-config cannot be used together');
  return args;
}
