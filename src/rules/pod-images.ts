import { isMap, isScalar, isSeq, type Scalar, type YAMLMap } from 'yaml';
import type { FixOptions } from '../engine/options.js';
import { findPair } from '../fix/collection-edits.js';
import { rewriteImageReference } from '../image/index.js';
import { followPath } from './pod-specs.js';

/** An image reference inside a pod spec. */
export interface PodImage {
  node: Scalar;
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
export function podImages(spec: YAMLMap): PodImage[] {
  const out: PodImage[] = [];
  const take = (map: unknown, key: string, path: (string | number)[], fieldPath: string): void => {
    if (!isMap(map)) return;
    const v = findPair(map, key)?.value;
    if (isScalar(v) && typeof v.value === 'string') out.push({ node: v, value: v.value, path: [...path, key], fieldPath: `${fieldPath}.${key}` });
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
export function fieldImages(root: YAMLMap, imagePaths: readonly string[]): PodImage[] {
  const out: PodImage[] = [];
  for (const p of imagePaths) {
    const dot = p.lastIndexOf('.');
    const key = p.slice(dot + 1);
    for (const holder of followPath(root, p.slice(0, dot)).found) {
      const v = findPair(holder.node, key)?.value;
      if (isScalar(v) && typeof v.value === 'string') {
        out.push({ node: v, value: v.value, path: [...holder.path, key], fieldPath: `${holder.fieldPath}.${key}` });
      }
    }
  }
  return out;
}
