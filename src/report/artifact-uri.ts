import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where a SARIF artifact lives: a relative URI against `%SRCROOT%`, or an absolute file URI. */
export interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** The base id relative artifact URIs are resolved against (the repository root in CI). */
export const SRCROOT = '%SRCROOT%';

/**
 * Turns a displayed path into a SARIF artifact location. Relative paths become percent-encoded
 * relative URIs with forward slashes against `%SRCROOT%`; absolute paths are made relative to
 * `cwd` when they lie inside it, and become `file://` URIs otherwise. Stdin (`-`) is `stdin`.
 */
export function artifactLocation(path: string, cwd?: string): ArtifactLocation {
  if (path === '-') return { uri: 'stdin' };
  let rel = path;
  if (isAbsolute(path)) {
    const inside = cwd ? relative(cwd, path) : undefined;
    if (inside === undefined || inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      return { uri: pathToFileURL(path).href };
    }
    rel = inside;
  }
  const slashed = rel.split(sep).join('/').replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  return { uri: encodeUriPath(slashed), uriBaseId: SRCROOT };
}

/** `encodeURI` keeps `?` and `#`, which would end the path part of a URI, so encode those too. */
function encodeUriPath(path: string): string {
  return encodeURI(path).replace(/[?#]/g, (c) => encodeURIComponent(c));
}
