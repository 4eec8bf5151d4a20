import { isRecord } from '../core/data.js';
import { isPlaceholderValue } from './placeholder.js';

/** What findPlaintextRegistryCredentials reports: registry names only, never credentials. */
export interface PlaintextRegistryCredentials {
  /** The registry keys (as written in the Secret) whose entries hold a real credential. */
  registries: string[];
}

/** Secret types that hold registry logins, and the data key each one uses. */
const DOCKER_SECRET_KEYS: Readonly<Record<string, string>> = {
  'kubernetes.io/dockerconfigjson': '.dockerconfigjson',
  'kubernetes.io/dockercfg': '.dockercfg',
};

/** Fields of a docker config entry that carry a secret by themselves. */
const SECRET_FIELDS = ['password', 'identitytoken', 'registrytoken'] as const;

/** Strict base64 decode (YAML may wrap long values, so whitespace is dropped first). */
export function decodeBase64Strict(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  if (compact === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return undefined;
  return Buffer.from(compact, 'base64').toString('utf8');
}

/** Parses JSON text without ever surfacing the parser's message (it may quote the secret). */
function parseJsonQuietly(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Whether a docker config `auths` entry carries a real credential: a non-placeholder
 * `password`/`identitytoken`/`registrytoken`, or an `auth` whose decoded `user:password`
 * has a non-placeholder password (an `auth` that is not base64 of `user:pass` counts when it
 * is itself not a placeholder, since registries accept opaque tokens there).
 */
export function entryHasRealCredential(entry: unknown): boolean {
  if (!isRecord(entry)) return false;
  for (const field of SECRET_FIELDS) {
    const value = entry[field];
    if (typeof value === 'string' && !isPlaceholderValue(value)) return true;
  }
  const auth = entry['auth'];
  if (typeof auth !== 'string' || isPlaceholderValue(auth)) return false;
  const decoded = decodeBase64Strict(auth);
  if (decoded === undefined) return true;
  const colon = decoded.indexOf(':');
  const secretPart = colon === -1 ? decoded : decoded.slice(colon + 1);
  return !isPlaceholderValue(secretPart);
}

/** The `auths`-style map inside a decoded config: `.dockerconfigjson` wraps it, `.dockercfg` is it. */
function authEntries(config: unknown): Record<string, unknown> | undefined {
  if (!isRecord(config)) return undefined;
  return isRecord(config['auths']) ? config['auths'] : config;
}

/** The decoded config texts of a Secret's data (base64) and stringData (plain) under `key`. */
function configTexts(secret: Record<string, unknown>, key: string): string[] {
  const texts: string[] = [];
  const data = secret['data'];
  if (isRecord(data) && typeof data[key] === 'string') {
    const decoded = decodeBase64Strict(data[key]);
    if (decoded !== undefined) texts.push(decoded);
  }
  const stringData = secret['stringData'];
  if (isRecord(stringData) && typeof stringData[key] === 'string') texts.push(stringData[key]);
  return texts;
}

/**
 * Given a parsed Kubernetes object, returns the registries for which it holds a real
 * registry login when it is a Secret of type `kubernetes.io/dockerconfigjson` or
 * `kubernetes.io/dockercfg`; undefined otherwise (other objects, placeholders, undecodable
 * data). Only registry names are returned: never usernames, passwords or tokens.
 */
export function findPlaintextRegistryCredentials(obj: unknown): PlaintextRegistryCredentials | undefined {
  if (!isRecord(obj) || obj['kind'] !== 'Secret') return undefined;
  const apiVersion = obj['apiVersion'];
  if (apiVersion !== undefined && apiVersion !== 'v1') return undefined;
  const type = obj['type'];
  const key = typeof type === 'string' ? DOCKER_SECRET_KEYS[type] : undefined;
  if (key === undefined) return undefined;

  const registries: string[] = [];
  for (const text of configTexts(obj, key)) {
    const entries = authEntries(parseJsonQuietly(text));
    if (entries === undefined) continue;
    for (const [registry, entry] of Object.entries(entries)) {
      if (!registries.includes(registry) && entryHasRealCredential(entry)) registries.push(registry);
    }
  }
  return registries.length > 0 ? { registries } : undefined;
}
