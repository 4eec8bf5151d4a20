import path from 'node:path';
import type { CliIO } from '../io/cli-io.js';
import { checkDryRun, COMMON_OPTIONS, outputTarget, parseFlags, singleName, type ParsedFlags } from './common-args.js';
import { buildDockerRegistrySecret, type RegistryLogin } from './docker-config-json.js';
import { defaultDockerConfigPath, readDockerConfigLogin, resolveUserPath } from '../credentials/docker-config-file.js';
import { EXIT_OK, UsageError } from '../core/errors.js';
import { checkSecretName } from './manifest.js';
import { readPasswordFromEnv, readPasswordFromStdin } from '../credentials/password.js';
import { serializeSecrets, targetNamespaces } from './secret-targets.js';
import { DOCKER_REGISTRY_HELP } from './usage.js';
import { writeSecretFile } from './write-file.js';

/** kubectl's default `--docker-server`: the key Docker itself uses for Docker Hub logins. */
export const DEFAULT_DOCKER_SERVER = 'https://index.docker.io/v1/';

const SECRET_OPTIONS = {
  ...COMMON_OPTIONS,
  'docker-server': { type: 'string' },
  'docker-username': { type: 'string' },
  'docker-password': { type: 'string' },
  'docker-email': { type: 'string' },
  'password-stdin': { type: 'boolean' },
  'password-env': { type: 'string' },
  'from-docker-config': { type: 'string' },
  namespace: { type: 'string', short: 'n' },
  namespaces: { type: 'string', multiple: true },
  for: { type: 'string', multiple: true },
  force: { type: 'boolean' },
} as const;

type SecretValues = ParsedFlags<typeof SECRET_OPTIONS>['values'];

/** The warning for `--docker-password`; it names the flag, never the value. */
export const DOCKER_PASSWORD_WARNING =
  'warning: --docker-password puts the password on the command line, where shell history and process ' +
  'listings (ps, /proc) can read it; use --password-stdin or --password-env VAR instead\n';

/** Collects the login from exactly one password source; usage errors for none or several. */
async function resolveLogin(values: SecretValues, io: CliIO): Promise<RegistryLogin> {
  const server = values['docker-server'] ?? DEFAULT_DOCKER_SERVER;
  if (server.trim() === '') throw new UsageError('--docker-server must not be empty');
  const sources = (['password-stdin', 'password-env', 'docker-password', 'from-docker-config'] as const).filter(
    (flag) => values[flag] !== undefined && values[flag] !== false,
  );
  if (sources.length === 0) {
    throw new UsageError('give the password with --password-stdin or --password-env VAR (or reuse a docker login with --from-docker-config)');
  }
  if (sources.length > 1) throw new UsageError(`use only one of ${sources.map((s) => `--${s}`).join(', ')}`);

  const email = values['docker-email'];
  if (values['from-docker-config'] !== undefined) {
    if (values['docker-username'] !== undefined) {
      throw new UsageError('--from-docker-config takes the user from the docker config; drop --docker-username');
    }
    const given = values['from-docker-config'];
    const file = given === '' ? defaultDockerConfigPath(io.env) : resolveUserPath(given, io.cwd, io.env);
    const login = await readDockerConfigLogin(file, server);
    const chosenEmail = email ?? login.email;
    return { server, username: login.username, password: login.password, ...(chosenEmail !== undefined ? { email: chosenEmail } : {}) };
  }

  const username = values['docker-username'];
  if (username === undefined || username === '') throw new UsageError('--docker-username is required');
  let password: string;
  if (values['docker-password'] !== undefined) {
    io.stderr.write(DOCKER_PASSWORD_WARNING);
    password = values['docker-password'];
    if (password === '') throw new UsageError('--docker-password must not be empty');
  } else if (values['password-env'] !== undefined) {
    password = readPasswordFromEnv(io.env, values['password-env']);
  } else {
    password = await readPasswordFromStdin(io.stdin);
  }
  return { server, username, password, ...(email !== undefined && email !== '' ? { email } : {}) };
}

/** Runs `privreg-fix create secret docker-registry NAME ...`; throws CommandError on failure. */
export async function runCreateDockerRegistrySecret(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseFlags(args, SECRET_OPTIONS);
  if (values.help === true) {
    io.stdout.write(DOCKER_REGISTRY_HELP);
    return EXIT_OK;
  }
  checkDryRun(values['dry-run']);
  if (positionals.length > 1 && values['from-docker-config'] === '') {
    // `--from-docker-config FILE NAME`: the file must be attached with `=`.
    throw new UsageError('expected one secret NAME; to name the docker config file write --from-docker-config=FILE');
  }
  const name = singleName(positionals, 'secret');
  checkSecretName(name);
  const target = outputTarget(values.output);
  if (values.force === true && target.kind !== 'file') throw new UsageError('--force only applies with -o FILE');
  const namespaces = await targetNamespaces(name, values, io);

  const login = await resolveLogin(values, io);
  const secrets = namespaces.map((namespace) => buildDockerRegistrySecret(name, namespace, login));
  if (target.kind === 'stdout') {
    io.stdout.write(serializeSecrets(secrets, target.format));
    return EXIT_OK;
  }
  const file = path.resolve(io.cwd, target.file);
  const comment = ' Holds a registry password in base64, which is not encryption: never commit this file.';
  await writeSecretFile(file, serializeSecrets(secrets, 'yaml', comment), { force: values.force === true, env: io.env });
  io.stderr.write(`wrote ${secrets.length === 1 ? `Secret ${name}` : `${secrets.length} Secrets ${name}`} to ${file} (mode 0600)\n`);
  return EXIT_OK;
}
