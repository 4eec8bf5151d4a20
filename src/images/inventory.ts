import type { ObjectRef, Position } from '../core/types.js';
import { parseImageReference } from '../image/index.js';

/** An image reference, normalised: Docker Hub as `docker.io`, official images under `library/`. */
export interface CanonicalImage {
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

/** One place an image is named. */
export interface ImageLocation {
  /** The file as displayed (relative to the working directory when below it). */
  file: string;
  start: number;
  end: number;
  startPos: Position;
  endPos: Position;
  /** Kubernetes field path from the object root, e.g. `spec.template.spec.containers[0].image`. */
  fieldPath: string;
  object: ObjectRef;
  /** The value as written in the file. */
  value: string;
  /** The value after `--write` (equal to `value` when the rewrite leaves it). */
  rewritten: string;
}

/** One distinct image: where it comes from, where the rewritten manifests pull it, and where it is named. */
export interface ImageEntry {
  source: CanonicalImage;
  destination: CanonicalImage;
  /** Whether the rewrite points the manifests at another place than the source. */
  moved: boolean;
  locations: ImageLocation[];
}

/** A file whose images could not be listed, and why. */
export interface FileProblem {
  file: string;
  message: string;
  startPos?: Position;
}

/** Every image of a run, deduplicated, plus what could not be read. */
export interface Inventory {
  images: ImageEntry[];
  /** Image fields whose value is not a literal reference (templates, `$(VAR)`): not listed above. */
  unresolved: ImageLocation[];
  problems: FileProblem[];
  files: number;
}

/** Parses a literal reference into its canonical parts (undefined when it is not literal). */
export function canonicalImage(ref: string): CanonicalImage | undefined {
  const parsed = parseImageReference(ref);
  if (!parsed) return undefined;
  const out: CanonicalImage = { registry: parsed.registry, repository: parsed.path };
  if (parsed.tag !== undefined) out.tag = parsed.tag;
  if (parsed.digest !== undefined) out.digest = parsed.digest;
  return out;
}

/** What a pull asks the registry for: the digest when there is one, else the tag, else `latest`. */
export function pulledReference(image: CanonicalImage): string {
  return image.digest ?? image.tag ?? 'latest';
}

/**
 * The full reference, `registry/repository[:tag][@digest]`, with an implied `:latest` made
 * explicit (a copy plan should say what it copies).
 */
export function formatImage(image: CanonicalImage): string {
  const name = `${image.registry}/${image.repository}`;
  if (image.tag === undefined && image.digest === undefined) return `${name}:latest`;
  return name + (image.tag !== undefined ? `:${image.tag}` : '') + (image.digest !== undefined ? `@${image.digest}` : '');
}

/**
 * The reference a copy tool takes: by digest when there is one (a pull of `name:tag@digest`
 * fetches the digest and ignores the tag), else by tag (`latest` when none).
 */
export function copyReference(image: CanonicalImage): string {
  const name = `${image.registry}/${image.repository}`;
  return image.digest !== undefined ? `${name}@${image.digest}` : `${name}:${image.tag ?? 'latest'}`;
}

/** Groups locations into distinct (source, destination) images, in order of first appearance. */
export class InventoryBuilder {
  private readonly byKey = new Map<string, ImageEntry>();
  readonly unresolved: ImageLocation[] = [];
  readonly problems: FileProblem[] = [];
  files = 0;

  /** Records one image field. */
  add(location: ImageLocation): void {
    const source = canonicalImage(location.value);
    const destination = canonicalImage(location.rewritten) ?? source;
    if (!source || !destination) {
      this.unresolved.push(location);
      return;
    }
    const key = `${formatImage(source)} ${formatImage(destination)}`;
    const known = this.byKey.get(key);
    if (known) {
      known.locations.push(location);
      return;
    }
    const moved = formatImage(source) !== formatImage(destination);
    this.byKey.set(key, { source, destination, moved, locations: [location] });
  }

  /** The inventory, images sorted by source then destination. */
  build(): Inventory {
    const images = [...this.byKey.values()].sort((a, b) => compare(formatImage(a.source), formatImage(b.source)) || compare(formatImage(a.destination), formatImage(b.destination)));
    return { images, unresolved: this.unresolved, problems: this.problems, files: this.files };
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
