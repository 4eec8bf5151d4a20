import { isMap, isScalar, isSeq, type Document, type YAMLMap, findPair } from '../yaml/nodes.js';
import type { KindInfo } from './registry.js';
import { followPath, plainPath, type Creatable, type FoundMap, type Obstacle } from './pod-specs.js';

/** Whether a map holds a pod spec's data: `containers` listing at least one `{image: ...}`. */
export function isPodShaped(map: YAMLMap): boolean {
  const containers = findPair(map, 'containers')?.value;
  return isSeq(containers) && containers.items.some((c) => {
    const image = isMap(c) ? findPair(c, 'image')?.value : undefined;
    return isScalar(image) && typeof image.value === 'string';
  });
}

const MAX_DEPTH = 64;

/** The pod-shaped maps of each object's map (several rules ask for them; the tree is not edited). */
const shapedOf = new WeakMap<YAMLMap, readonly FoundMap[]>();

/** Every map below `root` (itself included) that holds a pod spec's data; aliases are not followed. */
export function podShapedMaps(root: YAMLMap, base?: FoundMap): readonly FoundMap[] {
  if (base === undefined) {
    let found = shapedOf.get(root);
    if (!found) shapedOf.set(root, (found = walkPodShaped(root, { node: root, path: [], fieldPath: '' })));
    return found;
  }
  return walkPodShaped(root, base);
}

function walkPodShaped(root: YAMLMap, base: FoundMap): FoundMap[] {
  const out: FoundMap[] = [];
  // The keys from `root` down; a path and a field path are made only for the maps found.
  const keys: (string | number)[] = [];
  const found = (node: YAMLMap): FoundMap => {
    let fieldPath = base.fieldPath;
    for (const k of keys) fieldPath = typeof k === 'number' ? `${fieldPath}[${k}]` : fieldPath === '' ? k : `${fieldPath}.${k}`;
    return { node, path: [...base.path, ...keys], fieldPath };
  };
  const walk = (node: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (isMap(node)) {
      if (isPodShaped(node)) out.push(found(node));
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? pair.key.value : undefined;
        if (typeof k !== 'string') continue;
        keys.push(k);
        walk(pair.value, depth + 1);
        keys.pop();
      }
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        keys.push(i);
        walk(node.items[i], depth + 1);
        keys.pop();
      }
    }
  };
  walk(root, 0);
  return out;
}

/** The pod specs of one object, as its kind describes them. */
export interface ObjectPodSpecs {
  /** Pod specs at the kind's paths, and those found in free-form parts of its CRD's schema. */
  found: (FoundMap & { plain: boolean })[];
  /** Paths that could not be followed safely. */
  obstacles: Obstacle[];
  /** Absent pod specs that may be created. */
  creatable: (Creatable & { plain: boolean })[];
}

/** Resolves the kind's pod-spec paths (and free-form parts) in an object's map. */
export function objectPodSpecs(root: YAMLMap, kind: KindInfo, doc?: Document.Parsed): ObjectPodSpecs {
  const out: ObjectPodSpecs = { found: [], obstacles: [], creatable: [] };
  const plainPaths = new Set(kind.stringSecretPaths.map(plainPath));
  for (const p of kind.podSpecPaths) {
    const plain = plainPaths.has(plainPath(p));
    const r = followPath(root, p, doc);
    out.found.push(...r.found.map((f) => ({ ...f, plain })));
    out.obstacles.push(...r.obstacles);
    out.creatable.push(...r.creatable.map((c) => ({ ...c, plain })));
  }
  const seen = new Set(out.found.map((f) => f.node));
  for (const p of kind.freeFormPaths) {
    for (const area of followPath(root, p, doc).found) {
      for (const spec of podShapedMaps(area.node, area)) {
        if (!seen.has(spec.node)) {
          seen.add(spec.node);
          out.found.push({ ...spec, plain: false });
        }
      }
    }
  }
  return out;
}
