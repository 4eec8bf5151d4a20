import { isRecord } from '../core/data.js';
import { parseImageReference } from '../image/index.js';
import { bestMatchingKeys } from '../image/registry.js';
import type { Login } from './auth.js';
import { decodeDockerAuth } from '../credentials/index.js';

/** A problem in a credentials file; the message names the file and keys, never a secret. */
export class CredentialsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialsError';
  }
}

/** One `auths` entry: its key and the login it holds (undefined when it holds none we can use). */
export interface AuthEntry {
  key: string;
  login?: Login;
  /** Why an entry without a login has none (an identity token, a credential helper). */
  note?: string;
}

/** The login of one `auths` entry: `auth` (base64 `user:password`) first, else `username`/`password`. */
function entryOf(key: string, value: unknown, source: string): AuthEntry {
  if (!isRecord(value)) return { key, note: 'the entry is not an object' };
  let login: { username: string; password: string } | undefined;
  if (typeof value['auth'] === 'string' && value['auth'] !== '') login = decodeDockerAuth(value['auth']);
  if (!login && typeof value['username'] === 'string' && typeof value['password'] === 'string') {
    login = { username: value['username'], password: value['password'] };
  }
  if (login && login.username !== '' && login.password !== '') return { key, login: { ...login, source } };
  if (typeof value['identitytoken'] === 'string') return { key, note: 'it holds an identity token, which privreg-fix (like a kubelet) does not use' };
  return { key, note: 'it has no username and password' };
}

/**
 * Reads the logins of a docker config (`{"auths": {KEY: {auth | username+password}}}`, as
 * `docker login` and `.dockerconfigjson` Secrets hold them) or of a legacy `.dockercfg` (the
 * `auths` map itself). Keys delegated to credential helpers (`credHelpers`, `credsStore`) get
 * a note, since privreg-fix does not run helpers. Throws CredentialsError for malformed input.
 */
export function parseDockerConfig(text: string, source: string, legacy = false): AuthEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch {
    // JSON.parse messages quote the text around the error: never show them.
    throw new CredentialsError(`${source}: not valid JSON`);
  }
  if (!isRecord(data)) throw new CredentialsError(`${source}: not a JSON object`);
  const auths = legacy ? data : data['auths'] ?? {};
  if (!isRecord(auths)) throw new CredentialsError(`${source}: "auths" is not an object`);
  const entries = Object.entries(auths).map(([key, value]) => entryOf(key, value, source));
  const helpers = isRecord(data['credHelpers']) ? data['credHelpers'] : {};
  for (const [key, helper] of Object.entries(helpers)) {
    if (typeof helper !== 'string') continue;
    const known = entries.find((e) => e.key === key);
    const note = `its login is kept by the credential helper docker-credential-${helper}, which privreg-fix does not run`;
    if (!known) entries.push({ key, note });
    else if (!known.login) known.note = note;
  }
  if (typeof data['credsStore'] === 'string') {
    for (const e of entries) if (!e.login) e.note = `its login is kept by the credential store docker-credential-${data['credsStore']}, which privreg-fix does not run`;
  }
  return entries;
}

/**
 * The logins of a run, looked up the way a kubelet matches pull-secret keys: by registry host
 * (Docker Hub aliases and `https://index.docker.io/v1/` understood) and the longest matching
 * repository path prefix. Among equally specific keys the first added wins, so sources are
 * added in order of precedence.
 */
export class LoginStore {
  private readonly entries: AuthEntry[] = [];

  /** Adds entries with lower precedence than those added before. */
  add(entries: readonly AuthEntry[]): void {
    this.entries.push(...entries);
  }

  /** How many entries hold a usable login. */
  get size(): number {
    return this.entries.filter((e) => e.login).length;
  }

  /** The entries that best match `registry/repository`. */
  private matching(registry: string, repository: string): AuthEntry[] {
    const image = parseImageReference(`${registry}/${repository}`);
    if (image === undefined) return [];
    const keys = new Set(bestMatchingKeys(image, this.entries.map((e) => e.key)));
    return this.entries.filter((e) => keys.has(e.key));
  }

  /** The login for a repository of a registry, if any entry gives one. */
  loginFor(registry: string, repository: string): Login | undefined {
    return this.matching(registry, repository).find((e) => e.login)?.login;
  }

  /** Why a registry has no usable login although an entry names it (for messages). */
  noteFor(registry: string, repository: string): string | undefined {
    const entries = this.matching(registry, repository);
    if (entries.some((e) => e.login)) return undefined;
    return entries.find((e) => e.note)?.note;
  }
}
