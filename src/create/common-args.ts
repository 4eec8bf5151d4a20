import { type ParseArgsConfig, parseArgs } from 'node:util';
import { parseErrorMessage } from '../config/unknown-option.js';
import { UsageError } from '../core/errors.js';
import type { ManifestFormat } from './manifest.js';

/** Flags shared by every `create` kind. */
export const COMMON_OPTIONS = {
  output: { type: 'string', short: 'o' },
  'dry-run': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** Flags that take an optional value, which (as with getopt) must be attached with `=`. */
const OPTIONAL_VALUE_FLAGS: Readonly<Record<string, string>> = {
  '--dry-run': 'client',
  '--from-docker-config': '',
};

/**
 * Rewrites a bare optional-value flag into its `=` form so parseArgs (which has no optional
 * values) accepts it; everything after `--` stays as it is.
 */
export function expandOptionalValueFlags(args: readonly string[]): string[] {
  const out: string[] = [];
  let literal = false;
  for (const arg of args) {
    if (!literal && arg === '--') literal = true;
    const fill = literal ? undefined : OPTIONAL_VALUE_FLAGS[arg];
    out.push(fill === undefined ? arg : `${arg}=${fill}`);
  }
  return out;
}

/** What parseFlags returns for an options table `T`. */
export type ParsedFlags<T extends NonNullable<ParseArgsConfig['options']>> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>
>;

/**
 * Runs parseArgs and turns its errors into usage errors. Its messages name options only,
 * never values; only the first line is kept because the rest is advice about `--`.
 */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T,
): ParsedFlags<T> {
  try {
    return parseArgs({ args: expandOptionalValueFlags(args), options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = parseErrorMessage(error, Object.keys(options)).split('\n')[0] ?? '';
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/, ''));
  }
}

/** Where a generated manifest goes: stdout in a format, or a file. */
export type OutputTarget = { kind: 'stdout'; format: ManifestFormat } | { kind: 'file'; file: string };

/** Interprets `-o`: `yaml`/`json` are kubectl's output formats (stdout), anything else a file. */
export function outputTarget(output: string | undefined): OutputTarget {
  if (output === undefined || output === 'yaml') return { kind: 'stdout', format: 'yaml' };
  if (output === 'json') return { kind: 'stdout', format: 'json' };
  if (output === '') throw new UsageError('-o/--output needs a file name');
  return { kind: 'file', file: output };
}

/** Accepts kubectl's `--dry-run=client` (and `none`) as a no-op; other modes need a cluster. */
export function checkDryRun(value: string | undefined): void {
  if (value !== undefined && value !== 'client' && value !== 'none') {
    throw new UsageError(`--dry-run=${value} is not supported: privreg-fix only prints manifests (--dry-run=client)`);
  }
}

/**
 * Requires exactly one positional NAME. Extra words are counted, never echoed: a password
 * typed after a boolean flag such as --password-stdin would land here.
 */
export function singleName(positionals: readonly string[], what: string): string {
  if (positionals.length === 0) throw new UsageError(`missing ${what} NAME`);
  if (positionals.length > 1) {
    throw new UsageError(`expected one ${what} NAME but got ${positionals.length} words (extra words are not shown in case one is a password)`);
  }
  return positionals[0] as string;
}
