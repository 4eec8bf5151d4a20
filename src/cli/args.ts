import { parseArgs } from 'node:util';
import { checkNamespaceName, checkSecretName } from './names.js';
import { UsageError } from './usage-error.js';

/** The command line of the main command, parsed and checked. */
export interface CliArgs {
  paths: string[];
  namespace?: string;
  pullSecrets: string[];
  mode: 'diff' | 'write' | 'check';
  validate: boolean;
  help: boolean;
  version: boolean;
}

const OPTIONS = {
  namespace: { type: 'string', short: 'n' },
  'pull-secret': { type: 'string', short: 's', multiple: true },
  write: { type: 'boolean', short: 'w' },
  check: { type: 'boolean' },
  'no-validate': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** Parses the main command's arguments; throws UsageError on anything malformed. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.write && v.check) throw new UsageError('--write and --check cannot be used together');
  const paths = parsed.positionals;
  if (paths.includes('-') && paths.length > 1) throw new UsageError("'-' (stdin) cannot be combined with other paths");
  const args: CliArgs = {
    paths,
    pullSecrets: (v['pull-secret'] ?? []).map((s) => checkSecretName(s, '--pull-secret')),
    mode: v.write ? 'write' : v.check ? 'check' : 'diff',
    validate: !v['no-validate'],
    help: v.help ?? false,
    version: v.version ?? false,
  };
  if (v.namespace !== undefined) args.namespace = checkNamespaceName(v.namespace, '--namespace');
  return args;
}
