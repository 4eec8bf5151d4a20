import { isMap, isScalar, findPair } from '../yaml/nodes.js';
import type { ManifestObject } from '../manifest/objects.js';

/** The annotation that turns rules off for one object: a comma-separated list of rule ids, or `all`. */
export const IGNORE_ANNOTATION = 'privreg-fix.io/ignore';

/** Rule ids an object's `privreg-fix.io/ignore` annotation turns off (`all` for every rule). */
export function suppressedRules(object: ManifestObject): ReadonlySet<string> {
  const meta = findPair(object.node, 'metadata')?.value;
  if (!isMap(meta)) return EMPTY;
  const annotations = findPair(meta, 'annotations')?.value;
  if (!isMap(annotations)) return EMPTY;
  const value = findPair(annotations, IGNORE_ANNOTATION)?.value;
  if (!isScalar(value) || typeof value.value !== 'string') return EMPTY;
  return new Set(value.value.split(',').map((s) => s.trim()).filter(Boolean));
}

const EMPTY: ReadonlySet<string> = new Set();
