import { isAlias, isMap, isScalar, isSeq, type Alias, type Document, type Scalar, type YAMLMap, findPair } from '../yaml/nodes.js';
import type { FixOptions } from '../core/options.js';
import { rewriteImageReference } from '../image/index.js';
import { followPath } from '../kinds/pod-specs.js';

/** An image reference inside a pod spec. */
export interface PodImage {
  /** The scalar holding the reference (an alias's anchor when `alias` is set). */
  node: Scalar;
  /** Set when the field is an alias (`image: *img`) of `node`. */
  alias?: Alias;
  value: string;
  /** Data path relative to the pod spec. */
  path: (string | number)[];
  /** Field path relative to the pod spec, e.g. `initContainers[0].image`. */
  fieldPath: string;
}

const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'] as const;

/**
 * Every image reference of a pod spec: containers, init containers, ephemeral containers, and
 * image volumes (`volumes[].image.reference`). Only literal string scalars are returned.
 */
export function podImages(spec: YAMLMap, doc?: Document.Parsed): PodImage[] {
  const out: PodImage[] = [];
  const take = (map: unknown, key: string, path: (string | number)[], fieldPath: string): void => {
    if (!isMap(map)) return;
    const v = findPair(map, key)?.value;
    const image = imageScalar(v, doc);
    if (image) out.push({ ...image, path: [...path, key], fieldPath: `${fieldPath}.${key}` });
  };
  for (const list of CONTAINER_LISTS) {
    const seq = findPair(spec, list)?.value;
    if (isSeq(seq)) seq.items.forEach((c, i) => take(c, 'image', [list, i], `${list}[${i}]`));
  }
  const volumes = findPair(spec, 'volumes')?.value;
  if (isSeq(volumes)) {
    volumes.items.forEach((v, i) => {
      if (!isMap(v)) return;
      take(findPair(v, 'image')?.value, 'reference', ['volumes', i, 'image'], `volumes[${i}].image`);
    });
  }
  return out;
}

/** The reference an image will have once the fix has run (rewritten when `--registry` applies). */
export function imageAfterFix(ref: string, options: FixOptions): string {
  if (options.registry === undefined) return ref;
  return rewriteImageReference(ref, { registry: options.registry, registryMap: options.registryMap }) ?? ref;
}

/** Every literal image reference at `imagePaths` (e.g. `spec.image`, `spec.steps[*].image`) of an object. */
export function fieldImages(root: YAMLMap, imagePaths: readonly string[], doc?: Document.Parsed): PodImage[] {
  const out: PodImage[] = [];
  for (const p of imagePaths) {
    const dot = p.lastIndexOf('.');
    const key = p.slice(dot + 1);
    for (const holder of followPath(root, p.slice(0, dot), doc).found) {
      const image = imageScalar(findPair(holder.node, key)?.value, doc);
      if (image) out.push({ ...image, path: [...holder.path, key], fieldPath: `${holder.fieldPath}.${key}` });
    }
  }
  return out;
}

/** A literal string image, or (given the document) an alias of one: `image: *img`. */
function imageScalar(v: unknown, doc: Document.Parsed | undefined): Pick<PodImage, 'node' | 'value' | 'alias'> | undefined {
  if (isScalar(v)) return typeof v.value === 'string' ? { node: v, value: v.value } : undefined;
  if (!isAlias(v) || !doc) return undefined;
  const target = v.resolve(doc);
  return isScalar(target) && typeof target.value === 'string' ? { node: target, value: target.value, alias: v } : undefined;
}
