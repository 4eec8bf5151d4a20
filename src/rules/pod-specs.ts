import { isAlias, isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import { findPair, hasMergeKey } from '../fix/collection-edits.js';

/** A map found at a pod-spec path of an object. */
export interface FoundMap {
  node: YAMLMap;
  /** Data path relative to the object. */
  path: (string | number)[];
  /** Kubernetes field path relative to the object, e.g. `spec.template.spec`. */
  fieldPath: string;
}

/** A place a path could not be followed safely (an alias or merge key on the way). */
export interface Obstacle {
  node: Node;
  fieldPath: string;
  reason: string;
}

/**
 * Follows a dotted path (`spec.template.spec`, with `[*]` for every list item and `*` for every
 * map value) from an object's map and returns the maps found at its end. Missing parts simply
 * yield nothing; aliases and merge keys yield an obstacle, since editing through them would
 * change other places too.
 */
export function followPath(root: YAMLMap, dotted: string): { found: FoundMap[]; obstacles: Obstacle[] } {
  const found: FoundMap[] = [];
  const obstacles: Obstacle[] = [];
  const steps = dotted.split('.').flatMap((s) => (s.endsWith('[*]') ? [s.slice(0, -3), '[*]'] : [s]));
  const walk = (node: unknown, i: number, path: (string | number)[], fieldPath: string): void => {
    if (isAlias(node)) {
      obstacles.push({ node, fieldPath, reason: 'is an alias' });
      return;
    }
    if (i === steps.length) {
      if (isMap(node)) {
        if (hasMergeKey(node)) obstacles.push({ node, fieldPath, reason: 'uses a merge key (<<)' });
        else if (node.anchor) obstacles.push({ node, fieldPath, reason: `is anchored (&${node.anchor}) and may be reused by aliases` });
        else found.push({ node, path, fieldPath });
      }
      return;
    }
    const step = steps[i] as string;
    if (step === '[*]') {
      if (isSeq(node)) node.items.forEach((item, n) => walk(item, i + 1, [...path, n], `${fieldPath}[${n}]`));
      return;
    }
    if (!isMap(node)) return;
    if (hasMergeKey(node)) {
      obstacles.push({ node, fieldPath: fieldPath || '.', reason: 'uses a merge key (<<)' });
      return;
    }
    const join = (k: string): string => (fieldPath === '' ? k : `${fieldPath}.${k}`);
    if (step === '*') {
      for (const pair of node.items) {
        const k = (pair.key as { value?: unknown } | null)?.value;
        if (typeof k === 'string') walk(pair.value, i + 1, [...path, k], join(k));
      }
      return;
    }
    const pair = findPair(node, step);
    if (pair) walk(pair.value, i + 1, [...path, step], join(step));
  };
  walk(root, 0, [], '');
  return { found, obstacles };
}
