import { isRecord } from '../core/data.js';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { parseRegistryKey } from '../image/index.js';
import { CommandError } from '../core/errors.js';
import { decodeDockerAuth } from './index.js';

/** A login taken from a docker config.json entry. */
export interface DockerConfigLogin {
  username: string;
  password: string;
  email?: string;
}

/**
 * Where `docker login` keeps its config: `$DOCKER_CONFIG/config.json` when DOCKER_CONFIG is
 * set (the Docker CLI honours it), else `~/.docker/config.json`.
 */
export function defaultDockerConfigPath(env: NodeJS.ProcessEnv): string {
  const dockerConfig = env['DOCKER_CONFIG'];
  if (dockerConfig !== undefined && dockerConfig !== '') return path.join(dockerConfig, 'config.json');
  const home = env['HOME'] ?? env['USERPROFILE'] ?? homedir();
  return path.join(home, '.docker', 'config.json');
}

/** Resolves a user-given path; expands a leading `~/` that the shell left alone after `=`. */
export function resolveUserPath(file: string, cwd: string, env: NodeJS.ProcessEnv): string {
  if (file === '~' || file.startsWith('~/')) {
    return path.join(env['HOME'] ?? homedir(), file.slice(1));
  }
  return path.resolve(cwd, file);
}

/** Finds the `auths` key for `server`: the exact key, else one naming the same registry location. */
function findEntryKey(auths: Record<string, unknown>, server: string): string | undefined {
  if (server in auths) return server;
  const wanted = parseRegistryKey(server);
  if (wanted === undefined) return undefined;
  return Object.keys(auths).find((key) => {
    const have = parseRegistryKey(key);
    return have !== undefined && have.host === wanted.host && have.prefix === wanted.prefix;
  });
}

/** Explains where credentials live when config.json delegates them to a helper. */
function helperHint(config: Record<string, unknown>, key: string | undefined, server: string): string {
  const helpers = config['credHelpers'];
  const helper =
    (isRecord(helpers) && typeof helpers[key ?? server] === 'string' ? (helpers[key ?? server] as string) : undefined) ??
    (typeof config['credsStore'] === 'string' ? config['credsStore'] : undefined);
  if (helper === undefined) return '';
  return (
    ` Docker keeps these credentials in the credential helper "docker-credential-${helper}", which privreg-fix does not call;` +
    ' pass the password with --password-stdin (or --password-env) and the user with --docker-username instead.'
  );
}

/**
 * Reads the login for `server` from a docker config.json (`auths[server].auth`, or its
 * `username`/`password`). Errors name the file and the registry, never the credential; a
 * JSON syntax error is reported without the parser's message because it can quote content.
 */
export async function readDockerConfigLogin(file: string, server: string): Promise<DockerConfigLogin> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist (run `docker login` first, or pass --from-docker-config=FILE)' : `cannot be read (${code ?? 'error'})`;
    throw new CommandError(`docker config ${file} ${why}`);
  }
  let config: unknown;
  try {
    config = JSON.parse(text) as unknown;
  } catch {
    throw new CommandError(`docker config ${file} is not valid JSON`);
  }
  if (!isRecord(config)) throw new CommandError(`docker config ${file} is not a JSON object`);

  const auths = isRecord(config['auths']) ? config['auths'] : {};
  const key = findEntryKey(auths, server);
  const entry = key === undefined ? undefined : auths[key];
  if (key === undefined || !isRecord(entry)) {
    const known = Object.keys(auths);
    const list = known.length > 0 ? `; it has entries for: ${known.join(', ')}` : '; it has no auths entries';
    throw new CommandError(`docker config ${file} has no login for "${server}"${list}.${helperHint(config, key, server)}`);
  }

  let login: { username: string; password: string } | undefined;
  if (typeof entry['auth'] === 'string' && entry['auth'] !== '') {
    login = decodeDockerAuth(entry['auth']);
    if (login === undefined) throw new CommandError(`docker config ${file}: the "auth" of "${key}" is not base64 of user:password`);
  } else if (typeof entry['username'] === 'string' && typeof entry['password'] === 'string') {
    login = { username: entry['username'], password: entry['password'] };
  }
  if (login === undefined || login.username === '' || login.password === '') {
    const token = typeof entry['identitytoken'] === 'string' ? ' It holds an identity token, which an imagePullSecret cannot use.' : '';
    throw new CommandError(`docker config ${file}: the entry for "${key}" has no username and password.${token}${helperHint(config, key, server)}`);
  }
  const result: DockerConfigLogin = { ...login };
  if (typeof entry['email'] === 'string' && entry['email'] !== '') result.email = entry['email'];
  return result;
}
