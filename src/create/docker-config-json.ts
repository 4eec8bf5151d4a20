/** The login that goes into a `kubernetes.io/dockerconfigjson` Secret. */
export interface RegistryLogin {
  /** The `auths` key, exactly as given with `--docker-server`. */
  server: string;
  username: string;
  password: string;
  /** Omitted from the JSON when empty, like kubectl does. */
  email?: string;
}

/**
 * Escapes what Go's encoding/json escapes and JSON.stringify does not (`<`, `>`, `&`,
 * U+2028, U+2029), so our bytes match kubectl's, not only the parsed value.
 */
function goJsonEscape(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The `.dockerconfigjson` text for one login, shaped like kubectl's
 * `create secret docker-registry`: `{"auths":{SERVER:{"username","password","email"?,"auth"}}}`
 * with `auth` = base64 of `username:password` (UTF-8), fields in kubectl's order.
 */
export function buildDockerConfigJson(login: RegistryLogin): string {
  const entry: Record<string, string> = { username: login.username, password: login.password };
  if (login.email !== undefined && login.email !== '') entry['email'] = login.email;
  entry['auth'] = Buffer.from(`${login.username}:${login.password}`, 'utf8').toString('base64');
  return goJsonEscape(JSON.stringify({ auths: { [login.server]: entry } }));
}

/** The Secret object for a login, in the conventional key order (apiVersion, kind, metadata, type, data). */
export function buildDockerRegistrySecret(name: string, namespace: string | undefined, login: RegistryLogin): object {
  const metadata: Record<string, string> = { name };
  if (namespace !== undefined) metadata['namespace'] = namespace;
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata,
    type: 'kubernetes.io/dockerconfigjson',
    data: { '.dockerconfigjson': Buffer.from(buildDockerConfigJson(login), 'utf8').toString('base64') },
  };
}
