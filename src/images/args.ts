import { parseArgs } from 'node:util';
import type { FixOptions } from '../core/options.js';
import { explainInvalidRegistryTarget, parseRegistryKey, parseRegistryMapFlags } from '../image/index.js';
import type { CredentialFlags } from './credentials.js';

/** A mistake in how `images` was called: exit code 2. Messages name flags, never values of secrets. */
export class ImagesUsageError extends Error {}

/** Output formats of `images`; `sarif` and `github` only report `--verify` findings. */
export const IMAGES_FORMATS = ['text', 'json', 'skopeo-sync', 'crane', 'sarif', 'github'] as const;
export type ImagesFormat = (typeof IMAGES_FORMATS)[number];

/** The command line of `privreg-fix images`, parsed and checked. */
export interface ImagesArgs {
  paths: string[];
  flags: Partial<FixOptions>;
  config?: string;
  noConfig: boolean;
  format: ImagesFormat;
  verify: boolean;
  credentials: CredentialFlags;
  registryCa: string[];
  insecureRegistries: string[];
  concurrency: number;
  timeoutMs: number;
  retries: number;
  help: boolean;
}

const OPTIONS = {
  registry: { type: 'string' },
  'registry-map': { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  verify: { type: 'boolean' },
  'docker-config': { type: 'string' },
  'secret-file': { type: 'string', multiple: true },
  'docker-server': { type: 'string' },
  'docker-username': { type: 'string' },
  'password-stdin': { type: 'boolean' },
  'password-env': { type: 'string' },
  'docker-password': { type: 'string' },
  'registry-ca': { type: 'string', multiple: true },
  'insecure-registry': { type: 'string', multiple: true },
  concurrency: { type: 'string' },
  timeout: { type: 'string' },
  retries: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function wholeNumber(value: string | undefined, flag: string, min: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new ImagesUsageError(`${flag} takes a whole number of at least ${min}, not "${value}"`);
  return Number(value);
}

function registryMap(entries: readonly string[]): Record<string, string> {
  const parsed = parseRegistryMapFlags(entries);
  if ('error' in parsed) throw new ImagesUsageError(parsed.error);
  return parsed.map;
}

/** Parses the words after `images`; throws ImagesUsageError on anything malformed. */
export function parseImagesArgs(argv: readonly string[]): ImagesArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    // parseArgs names the option, never its value; the advice about `--` is dropped.
    throw new ImagesUsageError(((e as Error).message.split('\n')[0] ?? '').replace(/\. To specify a positional argument.*$/, ''));
  }
  const v = parsed.values;
  if (v['docker-password'] !== undefined) {
    throw new ImagesUsageError('--docker-password is not accepted: a password in argv lands in shell history and process lists; use --password-stdin or --password-env VAR');
  }
  const flags: Partial<FixOptions> = {};
  if (v.registry !== undefined) {
    const why = explainInvalidRegistryTarget(v.registry);
    if (why) throw new ImagesUsageError(`--registry "${v.registry}": ${why}`);
    flags.registry = v.registry;
  }
  if (v['registry-map']) flags.registryMap = registryMap(v['registry-map']);
  const format = (v.format ?? 'text') as ImagesFormat;
  if (!IMAGES_FORMATS.includes(format)) throw new ImagesUsageError(`--format takes one of ${IMAGES_FORMATS.join(', ')}, not "${v.format}"`);
  const verify = v.verify ?? false;
  if (verify && (format === 'skopeo-sync' || format === 'crane')) throw new ImagesUsageError(`--format ${format} prints a copy plan; it cannot be combined with --verify`);
  if (!verify && (format === 'sarif' || format === 'github')) throw new ImagesUsageError(`--format ${format} reports --verify findings; add --verify`);
  if (v['password-stdin'] && v['password-env'] !== undefined) throw new ImagesUsageError('use only one of --password-stdin, --password-env');
  const usesPassword = v['password-stdin'] === true || v['password-env'] !== undefined;
  if (!usesPassword && (v['docker-username'] !== undefined || v['docker-server'] !== undefined)) {
    throw new ImagesUsageError('--docker-username and --docker-server go with --password-stdin or --password-env');
  }
  if (v.config !== undefined && v['no-config']) throw new ImagesUsageError('--config and --no-config cannot be used together');
  for (const host of v['insecure-registry'] ?? []) {
    if (!parseRegistryKey(host) || host.includes('/')) throw new ImagesUsageError(`--insecure-registry takes HOST[:PORT], not "${host}"`);
  }
  const paths = parsed.positionals;
  if (paths.includes('-')) throw new ImagesUsageError("images reads files, directories and globs; '-' (stdin) is not supported");
  const credentials: CredentialFlags = { secretFiles: v['secret-file'] ?? [], passwordStdin: v['password-stdin'] ?? false };
  if (v['docker-config'] !== undefined) credentials.dockerConfig = v['docker-config'];
  if (v['password-env'] !== undefined) credentials.passwordEnv = v['password-env'];
  if (v['docker-username'] !== undefined) credentials.dockerUsername = v['docker-username'];
  if (v['docker-server'] !== undefined) credentials.dockerServer = v['docker-server'];
  const args: ImagesArgs = {
    paths,
    flags,
    noConfig: v['no-config'] ?? false,
    format,
    verify,
    credentials,
    registryCa: v['registry-ca'] ?? [],
    insecureRegistries: (v['insecure-registry'] ?? []).map((h) => h.toLowerCase()),
    concurrency: wholeNumber(v.concurrency, '--concurrency', 1, 8),
    timeoutMs: wholeNumber(v.timeout, '--timeout', 1, 20) * 1000,
    retries: wholeNumber(v.retries, '--retries', 0, 3),
    help: v.help ?? false,
  };
  if (v.config !== undefined) args.config = v.config;
  return args;
}
