import { isRecord } from '../core/data.js';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { defaultDockerConfigPath, resolveUserPath } from '../credentials/docker-config-file.js';
import { readPasswordFromEnv, readPasswordFromStdin } from '../credentials/password.js';
import { documentData } from '../engine/doc-data.js';
import { parseRegistryKey } from '../image/index.js';
import type { CliIO } from '../io/cli-io.js';
import { findObjects } from '../manifest/objects.js';
import { parseManifest } from '../yaml/parse.js';
import { createPositionMapper } from '../yaml/positions.js';
import { CredentialsError, LoginStore, parseDockerConfig, type AuthEntry } from '../registry/logins.js';

/** Where `--verify` takes logins from (the flags). */
export interface CredentialFlags {
  dockerConfig?: string;
  secretFiles: string[];
  passwordStdin: boolean;
  passwordEnv?: string;
  dockerUsername?: string;
  /** The server the password flags log in to; defaults to the `--registry` host. */
  dockerServer?: string;
}

async function readCredentialFile(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CredentialsError(`${what} ${file} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'error'})`}`);
  }
}

/** Decodes a Secret's base64 value; undefined when it is not base64. */
function fromBase64(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const compact = value.replace(/\s+/g, '');
  return /^[A-Za-z0-9+/]*={0,2}$/.test(compact) ? Buffer.from(compact, 'base64').toString('utf8') : undefined;
}

/**
 * The logins of the `kubernetes.io/dockerconfigjson` (and legacy `kubernetes.io/dockercfg`)
 * Secrets of a manifest file: exactly what pods given those pull secrets log in with.
 */
export function secretFileLogins(text: string, file: string): AuthEntry[] {
  const parsed = parseManifest(file, text);
  const error = parsed.errors[0];
  if (error) {
    const at = createPositionMapper(text).positionAt(error.start);
    throw new CredentialsError(`--secret-file ${file}:${at.line}:${at.column}: invalid YAML`);
  }
  const entries: AuthEntry[] = [];
  let secrets = 0;
  for (const object of findObjects(parsed.docs)) {
    if (object.ref.kind !== 'Secret') continue;
    let data: unknown = documentData(object.doc);
    for (const step of object.path) data = isRecord(data) || Array.isArray(data) ? (data as Record<string, unknown>)[step as string] : undefined;
    if (!isRecord(data)) continue;
    const legacy = data['type'] === 'kubernetes.io/dockercfg';
    if (data['type'] !== 'kubernetes.io/dockerconfigjson' && !legacy) continue;
    const key = legacy ? '.dockercfg' : '.dockerconfigjson';
    const name = `${object.ref.namespace !== undefined ? `${object.ref.namespace}/` : ''}${object.ref.name ?? '(unnamed)'}`;
    const source = `--secret-file ${file} (Secret ${name})`;
    const stringData = isRecord(data['stringData']) ? data['stringData'][key] : undefined;
    const json = typeof stringData === 'string' ? stringData : fromBase64(isRecord(data['data']) ? data['data'][key] : undefined);
    if (json === undefined) throw new CredentialsError(`${source}: no base64 "${key}" in data`);
    entries.push(...parseDockerConfig(json, source, legacy));
    secrets++;
  }
  if (secrets === 0) throw new CredentialsError(`--secret-file ${file} holds no Secret of type kubernetes.io/dockerconfigjson`);
  return entries;
}

/**
 * The logins for `--verify`, in order of precedence: the password flags (for their server),
 * `--secret-file`s, `--docker-config`. The default docker config (`$DOCKER_CONFIG/config.json`,
 * else `~/.docker/config.json`, absent is fine) is read only when none of those is given, so a
 * check with a Secret file is not helped by a personal `docker login`.
 */
export async function loadLogins(flags: CredentialFlags, registry: string | undefined, io: Pick<CliIO, 'cwd' | 'env' | 'stdin'>): Promise<LoginStore> {
  const store = new LoginStore();
  if (flags.passwordStdin || flags.passwordEnv !== undefined) {
    const server = flags.dockerServer ?? (registry !== undefined ? registry.split('/')[0] : undefined);
    if (server === undefined || !parseRegistryKey(server)) throw new CredentialsError('--docker-server is required with --password-stdin/--password-env when no --registry is given');
    if (flags.dockerUsername === undefined || flags.dockerUsername === '') throw new CredentialsError('--docker-username is required with --password-stdin/--password-env');
    const password = flags.passwordEnv !== undefined ? readPasswordFromEnv(io.env, flags.passwordEnv) : await readPasswordFromStdin(io.stdin);
    const source = flags.passwordEnv !== undefined ? '--password-env' : '--password-stdin';
    store.add([{ key: server, login: { username: flags.dockerUsername, password, source } }]);
  }
  for (const given of flags.secretFiles) {
    const file = resolveUserPath(given, io.cwd, io.env);
    store.add(secretFileLogins(await readCredentialFile(file, '--secret-file'), given));
  }
  if (flags.dockerConfig !== undefined) {
    let file = resolveUserPath(flags.dockerConfig, io.cwd, io.env);
    // A directory is read like docker's --config DIR: its config.json.
    if ((await stat(file).catch(() => undefined))?.isDirectory()) file = path.join(file, 'config.json');
    store.add(parseDockerConfig(await readCredentialFile(file, '--docker-config'), `--docker-config ${file}`));
  } else if (flags.secretFiles.length === 0 && !flags.passwordStdin && flags.passwordEnv === undefined) {
    const file = defaultDockerConfigPath(io.env);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) store.add(parseDockerConfig(text, `docker config ${file}`));
  }
  return store;
}
