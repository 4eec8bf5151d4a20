import { parseImageReference } from './parse.js';

/** An image reference inside a longer string, such as an argument or an environment value. */
export interface EmbeddedImage {
  /** Offsets of the reference inside the string. */
  start: number;
  end: number;
  value: string;
}

/**
 * The image reference a program's argument or environment value carries, if any: the whole
 * value (`docker.io/longhornio/longhorn-engine:v1.7.2`), or what follows `=` in `--flag=VALUE`
 * and `NAME=VALUE`. To tell images from addresses (`localhost:8080`, `0.0.0.0:9090`) and paths,
 * only references with a repository path (`/`) and a tag or digest count, and never URLs.
 */
export function imageInText(text: string): EmbeddedImage | undefined {
  if (text.includes('://')) return undefined;
  const eq = text.indexOf('=');
  const start = eq > 0 && /^(?:--?[\w.-]+|[A-Za-z_][\w]*)$/.test(text.slice(0, eq)) ? eq + 1 : 0;
  const value = text.slice(start);
  if (!value.includes('/') || value.startsWith('/')) return undefined;
  const ref = parseImageReference(value);
  if (!ref || (ref.tag === undefined && ref.digest === undefined)) return undefined;
  return { start, end: text.length, value };
}
