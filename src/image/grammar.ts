/**
 * Pieces of the Docker image reference grammar. The rules are the documented facts of
 * Docker's reference normalization (github.com/distribution/reference, "grammar" in its
 * package docs); the expressions below are written for this project.
 */

/** One lowercase path component: `alnum (separator alnum)*`, separators `.`, `_`, `__`, `-+`. */
export const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/** A registry host with optional port: DNS-ish name or bracketed IPv6 literal. */
export const DOMAIN =
  /^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?$/;

/** A tag: a word character then up to 127 word characters, dots or dashes. */
export const TAG = /^[\w][\w.-]{0,127}$/;

/** A digest: `algorithm:hex` with at least 32 hex digits (sha256 has 64). */
export const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

/** Docker limits the repository name (registry + path) to 255 characters. */
export const MAX_NAME_LENGTH = 255;

/** The canonical Docker Hub registry name used in parsed references. */
export const DOCKER_HUB = 'docker.io';

/** Host names that all mean Docker Hub. */
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/**
 * Whether the first `/`-separated component of a reference names a registry host rather
 * than a Docker Hub namespace: it contains `.` or `:`, is `localhost`, or has an uppercase
 * letter (path components may not, so Docker reads it as a host).
 */
export function looksLikeRegistryHost(component: string): boolean {
  return (
    component.includes('.') ||
    component.includes(':') ||
    component === 'localhost' ||
    component !== component.toLowerCase()
  );
}

/**
 * Canonical comparison form of a registry host: lowercased (DNS names are case-insensitive)
 * and every Docker Hub alias folded into `docker.io`.
 */
export function canonicalHost(host: string): string {
  const lower = host.toLowerCase();
  return DOCKER_HUB_ALIASES.has(lower) ? DOCKER_HUB : lower;
}

/** Whether every `/`-separated component of `path` is a valid repository path component. */
export function isValidPath(path: string): boolean {
  return path.split('/').every((c) => PATH_COMPONENT.test(c));
}
