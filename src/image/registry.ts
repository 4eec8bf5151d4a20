import { DOCKER_HUB, DOMAIN, canonicalHost, isValidPath, looksLikeRegistryHost } from './grammar.js';
import { parseImageReference, type ImageReference } from './parse.js';

/** A registry location: a host[:port] and an optional repository path prefix under it. */
export interface RegistryLocation {
  /** Host[:port] in canonical comparison form (lowercase, Docker Hub aliases folded). */
  host: string;
  /** Path prefix without leading or trailing `/`; empty for the whole registry. */
  prefix: string;
}

/**
 * Parses a registry key as found in a config `registries` map, a `--registry-map` source or
 * a docker config.json `auths` key: `host[:port][/path]`, optionally with an `http(s)://`
 * scheme and trailing `/`. Docker's legacy Hub key `https://index.docker.io/v1/` means all of
 * Docker Hub. Here the first component is a host by definition, dotted or not.
 */
export function parseRegistryKey(key: string): RegistryLocation | undefined {
  let s = key.trim();
  const hadScheme = /^https?:\/\//i.test(s);
  s = s.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
  if (s.length === 0 || /\s/.test(s)) return undefined;
  const slash = s.indexOf('/');
  const host = slash === -1 ? s : s.slice(0, slash);
  let prefix = slash === -1 ? '' : s.slice(slash + 1);
  if (!DOMAIN.test(host)) return undefined;
  const canonical = canonicalHost(host);
  // `https://index.docker.io/v1/` names the Hub API endpoint, not a `v1` namespace.
  if (hadScheme && canonical === DOCKER_HUB && prefix === 'v1') prefix = '';
  if (prefix !== '' && !isValidPath(prefix)) return undefined;
  return { host: canonical, prefix };
}

/**
 * Why `value` cannot be a `--registry` target (`HOST[:PORT][/PREFIX]`), or undefined when it
 * can. The host must look like a host to Docker (contain `.` or `:`, or be `localhost`):
 * `myreg/library/nginx` would otherwise be read as a Docker Hub image.
 */
export function explainInvalidRegistryTarget(value: string): string | undefined {
  if (value.length === 0) return 'is empty';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return 'must not contain a scheme such as https://';
  if (/\s/.test(value)) return 'must not contain whitespace';
  if (value.includes('@')) return 'must not contain a digest';
  const trimmed = value.replace(/\/+$/, '');
  const slash = trimmed.indexOf('/');
  const host = slash === -1 ? trimmed : trimmed.slice(0, slash);
  const prefix = slash === -1 ? '' : trimmed.slice(slash + 1);
  if (!DOMAIN.test(host)) return `has an invalid host "${host}"`;
  if (!looksLikeRegistryHost(host) || host !== host.toLowerCase()) {
    return `host "${host}" must contain a "." or ":" or be "localhost" (else Docker reads it as a Docker Hub namespace), in lowercase`;
  }
  if (prefix !== '' && !isValidPath(prefix)) {
    return `has an invalid path prefix "${prefix}" (lowercase letters, digits, and . _ - separators; no tag)`;
  }
  return undefined;
}

/** Whether `value` is a valid `--registry` target `HOST[:PORT][/PREFIX]`. */
export function isValidRegistryTarget(value: string): boolean {
  return explainInvalidRegistryTarget(value) === undefined;
}

/**
 * How specifically `location` covers the parsed image: undefined when it does not cover it,
 * else the number of path segments in its prefix (0 for a whole registry). Prefixes match
 * on `/` boundaries only, so `ghcr.io/acme` covers `ghcr.io/acme/app` but not `ghcr.io/acmecorp/app`.
 */
export function locationSpecificity(image: ImageReference, location: RegistryLocation): number | undefined {
  if (canonicalHost(image.registry) !== location.host) return undefined;
  if (location.prefix === '') return 0;
  if (image.path === location.prefix || image.path.startsWith(`${location.prefix}/`)) {
    return location.prefix.split('/').length;
  }
  return undefined;
}

/**
 * Whether the image reference `ref` lives under the registry key `key` (`host[:port]` or
 * `host[:port]/path`, Docker Hub aliases understood). False when either does not parse.
 */
export function registryKeyMatches(ref: string, key: string): boolean {
  const image = parseImageReference(ref);
  const location = parseRegistryKey(key);
  return image !== undefined && location !== undefined && locationSpecificity(image, location) !== undefined;
}

/**
 * The keys of `map` that best cover the parsed image: those with the longest matching path
 * prefix (several only when keys are aliases of each other, e.g. `docker.io` and
 * `index.docker.io`), in the map's insertion order. Unparseable keys are ignored.
 */
export function bestMatchingKeys(image: ImageReference, keys: Iterable<string>): string[] {
  let best = -1;
  let winners: string[] = [];
  for (const key of keys) {
    const location = parseRegistryKey(key);
    const score = location === undefined ? undefined : locationSpecificity(image, location);
    if (score === undefined) continue;
    if (score > best) {
      best = score;
      winners = [key];
    } else if (score === best) {
      winners.push(key);
    }
  }
  return winners;
}

/**
 * The pull secrets an image needs given a `registries` map (registry key → secret name, or a
 * list of names): the secrets of the most specific matching key, deduplicated, in order.
 * Empty when no key matches or `ref` is not a literal image reference.
 */
export function secretsForImage(ref: string, registries: Readonly<Record<string, string | readonly string[]>>): string[] {
  const image = parseImageReference(ref);
  if (image === undefined) return [];
  const secrets: string[] = [];
  for (const key of bestMatchingKeys(image, Object.keys(registries))) {
    const value = registries[key];
    for (const name of typeof value === 'string' ? [value] : (value ?? [])) {
      if (!secrets.includes(name)) secrets.push(name);
    }
  }
  return secrets;
}

/**
 * Parses `--registry-map SOURCE=TARGET` flags into a map; returns the first problem as a
 * message (naming the flag and entry) instead, for the caller's own usage error.
 */
export function parseRegistryMapFlags(entries: readonly string[]): { map: Record<string, string> } | { error: string } {
  const map: Record<string, string> = {};
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const from = entry.slice(0, eq);
    const to = entry.slice(eq + 1);
    if (eq <= 0 || !parseRegistryKey(from)) return { error: `--registry-map "${entry}": expected SOURCE=TARGET, e.g. quay.io=reg.example.com/quay` };
    const why = explainInvalidRegistryTarget(to);
    if (why) return { error: `--registry-map "${entry}": ${why}` };
    map[from] = to;
  }
  return { map };
}
