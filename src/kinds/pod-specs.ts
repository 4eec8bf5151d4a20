import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq, type Document, findPair, hasMergeKey } from '../yaml/nodes.js';
import { aliasTargets } from '../yaml/aliases.js';

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
  /** The rest of the path below `node` (dotted, `?` marks dropped), to judge its data. */
  rest: string;
}

/**
 * The end of a path that is absent but may be created (its missing steps are all marked `?`):
 * `missing` keys go into `parent` (or fill `pair`, present with an empty value).
 */
export interface Creatable {
  parent: YAMLMap;
  /** The pair of the first missing key when it is present with an empty value (`podTemplate:`). */
  pair?: Pair;
  missing: string[];
  /** Data path of `parent` relative to the object. */
  path: (string | number)[];
  /** Field path of the whole path, e.g. `spec.podTemplate.spec`. */
  fieldPath: string;
}

/** What following a path gives: maps at its end, places it could not pass, ends to create. */
export interface FollowedPath {
  found: FoundMap[];
  obstacles: Obstacle[];
  creatable: Creatable[];
}

/** A path's steps: keys, `*` (every map value) and `[*]` (every list item); `optional` marks `key?`. */
interface Step {
  key: string;
  optional: boolean;
}

function stepsOf(dotted: string): Step[] {
  return dotted.split('.').flatMap((s) => {
    const optional = s.endsWith('?');
    const key = optional ? s.slice(0, -1) : s;
    return key.endsWith('[*]') ? [{ key: key.slice(0, -3), optional: false }, { key: '[*]', optional }] : [{ key, optional }];
  });
}

/** A dotted path without its `?` marks (`spec.podTemplate?.spec?` -> `spec.podTemplate.spec`). */
export function plainPath(dotted: string): string {
  return dotted.replaceAll('?', '');
}

const isEmpty = (v: unknown): boolean => v === null || v === undefined || (isScalar(v) && v.value === null && !v.tag);

/**
 * Follows a dotted path (`spec.template.spec`, with `[*]` for every list item, `*` for every
 * map value, and `key?` for a key that may be created when absent) from an object's map.
 * Returns the maps at its end; where only `?` keys are missing, the place to create them.
 * Any other missing part yields nothing (that part of the object does not exist); aliases and
 * merge keys yield an obstacle, since editing through them would change other places too.
 */
export function followPath(root: YAMLMap, dotted: string, doc?: Document.Parsed): FollowedPath {
  const out: FollowedPath = { found: [], obstacles: [], creatable: [] };
  const steps = stepsOf(dotted);
  // An anchor no alias reads is just a name: the map can be edited (known only given the
  // document; without it every anchor counts as shared). `via` names the anchor of the
  // innermost collection on the way that aliases read.
  const targets = doc ? aliasTargets(doc) : undefined;
  const anchorOf = (n: YAMLMap | YAMLSeq, via: string | undefined): string | undefined =>
    n.anchor && (!targets || targets.has(n)) ? n.anchor : via;
  const sharedReason = (anchor: string): string => `is or is inside the anchored &${anchor}, which an alias also reads`;
  const restAt = (i: number): string => steps.slice(i).map((s) => s.key).join('.').replaceAll('.[*]', '[*]');
  const fullField = (fieldPath: string, from: number): string =>
    [fieldPath, ...steps.slice(from).map((s) => s.key)].filter(Boolean).join('.');
  const walk = (node: unknown, i: number, path: (string | number)[], fieldPath: string, via?: string): void => {
    if (isAlias(node)) {
      out.obstacles.push({ node, fieldPath, reason: `is the alias *${node.source}, so its data is shared with the anchor &${node.source}`, rest: restAt(i) });
      return;
    }
    if (i === steps.length) {
      if (isMap(node)) {
        if (hasMergeKey(node)) out.obstacles.push({ node, fieldPath, reason: 'uses a merge key (<<)', rest: '' });
        else if (anchorOf(node, via)) out.obstacles.push({ node, fieldPath, reason: sharedReason(anchorOf(node, via) as string), rest: '' });
        else out.found.push({ node, path, fieldPath });
      }
      return;
    }
    const step = steps[i] as Step;
    if (step.key === '[*]') {
      if (isSeq(node)) node.items.forEach((item, n) => walk(item, i + 1, [...path, n], `${fieldPath}[${n}]`, anchorOf(node, via)));
      return;
    }
    if (!isMap(node)) return;
    if (hasMergeKey(node)) {
      out.obstacles.push({ node, fieldPath: fieldPath || '.', reason: 'uses a merge key (<<)', rest: restAt(i) });
      return;
    }
    const join = (k: string): string => (fieldPath === '' ? k : `${fieldPath}.${k}`);
    if (step.key === '*') {
      for (const pair of node.items) {
        const k = (pair.key as { value?: unknown } | null)?.value;
        if (typeof k === 'string') walk(pair.value, i + 1, [...path, k], join(k), anchorOf(node, via));
      }
      return;
    }
    const pair = findPair(node, step.key);
    if (pair && !isEmpty(pair.value)) {
      walk(pair.value, i + 1, [...path, step.key], join(step.key), anchorOf(node, via));
      return;
    }
    const rest = steps.slice(i);
    if (!rest.every((s) => s.optional && s.key !== '*' && s.key !== '[*]')) return;
    const anchor = anchorOf(node, via);
    if (anchor) {
      out.obstacles.push({ node, fieldPath: fieldPath || '.', reason: sharedReason(anchor), rest: restAt(i) });
      return;
    }
    out.creatable.push({ parent: node, ...(pair ? { pair } : {}), missing: rest.map((s) => s.key), path, fieldPath: fullField(fieldPath, i) });
  };
  walk(root, 0, [], '');
  return out;
}
