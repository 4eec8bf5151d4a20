import {
  DIGEST,
  DOCKER_HUB,
  DOMAIN,
  MAX_NAME_LENGTH,
  TAG,
  canonicalHost,
  isValidPath,
  looksLikeRegistryHost,
} from './grammar.js';

/** A container image reference split into its parts, normalized the way Docker does. */
export interface ImageReference {
  /** Registry host[:port]; `docker.io` for Docker Hub (also for its aliases). */
  registry: string;
  /** Repository path inside the registry; Docker Hub official images get `library/`. */
  path: string;
  /** The tag exactly as written, without the `:`. */
  tag?: string;
  /** The digest exactly as written (`sha256:...`), without the `@`. */
  digest?: string;
  /** Whether the reference itself named the registry (`docker.io/nginx` yes, `nginx` no). */
  explicitRegistry: boolean;
}

/** Characters that mark a template or substitution rather than a literal image. */
const TEMPLATE_MARKERS = ['{{', '}}', '${', '$(', '<', '>', '%{'];

/**
 * Parses an image reference such as `nginx:1.25`, `bitnami/redis@sha256:...` or
 * `reg.example.com:5000/team/app:v1`. Returns undefined for anything that is not a valid
 * literal reference (empty, whitespace, template markers, uppercase paths, bad tag or
 * digest), so callers can leave such values alone instead of guessing.
 */
export function parseImageReference(ref: string): ImageReference | undefined {
  if (ref.length === 0 || /\s/.test(ref) || TEMPLATE_MARKERS.some((m) => ref.includes(m))) {
    return undefined;
  }

  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }

  // A tag is the text after the last `:` only when no `/` follows it (else it is a port).
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }

  if (rest.length === 0 || rest.length > MAX_NAME_LENGTH) return undefined;

  let registry = DOCKER_HUB;
  let path = rest;
  let explicitRegistry = false;
  const slash = rest.indexOf('/');
  if (slash !== -1 && looksLikeRegistryHost(rest.slice(0, slash))) {
    const host = rest.slice(0, slash);
    if (!DOMAIN.test(host)) return undefined;
    registry = canonicalHost(host) === DOCKER_HUB ? DOCKER_HUB : host;
    path = rest.slice(slash + 1);
    explicitRegistry = true;
  }

  if (!isValidPath(path)) return undefined;
  if (registry === DOCKER_HUB && !path.includes('/')) path = `library/${path}`;

  const parsed: ImageReference = { registry, path, explicitRegistry };
  if (tag !== undefined) parsed.tag = tag;
  if (digest !== undefined) parsed.digest = digest;
  return parsed;
}

/** Formats the `:tag@digest` suffix of a parsed reference, exactly as it was written. */
export function referenceSuffix(ref: ImageReference): string {
  return (ref.tag !== undefined ? `:${ref.tag}` : '') + (ref.digest !== undefined ? `@${ref.digest}` : '');
}
