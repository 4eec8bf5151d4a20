/**
 * The node API of the `yaml` package, for the rest of the product: the type guards and node
 * types every stage walks, and the lookups they share. Only src/yaml/ imports `yaml` itself.
 */
import { isScalar, type Pair, type YAMLMap } from './package.js';

export { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter } from './package.js';
export type { Alias, Pair, Scalar, YAMLMap, YAMLSeq } from './package.js';
export type { Document, Node } from 'yaml';

/** Finds the pair of a map whose key is the string `key`. */
export function findPair(map: YAMLMap, key: string): Pair | undefined {
  for (const item of map.items) {
    if (isScalar(item.key) && item.key.value === key) return item;
  }
  return undefined;
}

/** True when a map merges another one in (`<<: *x`): its real keys are not all visible. */
export function hasMergeKey(map: YAMLMap): boolean {
  return map.items.some((p) => isScalar(p.key) && (typeof p.key.value === 'symbol' || p.key.source === '<<'));
}
