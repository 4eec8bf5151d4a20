import type { CliIO } from '../io/cli-io.js';
import { CommandError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from '../core/errors.js';
import { runCreateNamespace } from './namespace.js';
import { runCreateDockerRegistrySecret } from './secret.js';
import { CREATE_HELP, SECRET_HELP } from './usage.js';

const isHelp = (word: string | undefined): boolean => word === '--help' || word === '-h' || word === 'help';

/** Dispatches on the kind word(s); throws CommandError for failures. */
async function dispatch(args: string[], io: CliIO): Promise<number> {
  const [kind, ...rest] = args;
  if (kind === undefined || isHelp(kind)) {
    // Help asked for goes to stdout; help shown because words are missing is a usage error.
    (kind === undefined ? io.stderr : io.stdout).write(CREATE_HELP);
    return kind === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (kind === 'namespace' || kind === 'ns') return runCreateNamespace(rest, io);
  if (kind === 'secret') {
    const [type, ...secretArgs] = rest;
    if (type === undefined || isHelp(type)) {
      (type === undefined ? io.stderr : io.stdout).write(SECRET_HELP);
      return type === undefined ? EXIT_USAGE : EXIT_OK;
    }
    if (type === 'docker-registry') return runCreateDockerRegistrySecret(secretArgs, io);
    // The type word is echoed only when it is a known kubectl secret type: never arbitrary input.
    const known = ['generic', 'tls'].includes(type) ? `"${type}" secrets are` : 'that secret type is';
    throw new UsageError(`${known} not supported; use "create secret docker-registry"`);
  }
  throw new UsageError('unknown kind: use "create namespace" or "create secret docker-registry"');
}

/**
 * Runs `privreg-fix create ...`; `args` are the words after `create`. Returns the exit code
 * (0 ok, 1 failure, 2 usage error). Errors go to stderr and never contain a credential.
 */
export async function runCreate(args: string[], io: CliIO): Promise<number> {
  try {
    return await dispatch(args, io);
  } catch (error) {
    if (error instanceof CommandError) {
      const hint = error instanceof UsageError ? ' (see "privreg-fix create --help")' : '';
      io.stderr.write(`privreg-fix create: ${error.message}${hint}\n`);
      return error.exitCode;
    }
    // Unexpected errors may carry arbitrary text (even input); print only their kind.
    const kind = error instanceof Error ? error.name : 'error';
    io.stderr.write(`privreg-fix create: unexpected ${kind}\n`);
    return EXIT_FAILURE;
  }
}

export { buildDockerConfigJson, buildDockerRegistrySecret, type RegistryLogin } from './docker-config-json.js';
export { buildNamespace } from './namespace.js';
