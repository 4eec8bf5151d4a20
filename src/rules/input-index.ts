import { isSeq, findPair } from '../yaml/nodes.js';
import type { KindRegistry } from '../kinds/registry.js';
import { findObjects, stringAt, type ManifestObject } from '../manifest/objects.js';
import type { ManifestFile } from '../yaml/parse.js';
import { followPath } from '../kinds/pod-specs.js';
import { requiredSecretsFor } from './required-secrets.js';
import type { FixOptions } from '../core/options.js';
import { detach } from '../yaml/detach.js';
import { suppressedRules } from './suppressions.js';
import { InputIndex, nsKey, type InputIndexData } from './index-data.js';

export { InputIndex, nsKey, type InputIndexData };

/** The namespace an object will have once fixed: its own, else the one the fix adds. */
export function effectiveNamespace(object: ManifestObject, options: FixOptions): string | undefined {
  return object.ref.namespace || options.namespace;
}

/**
 * Records one parsed file's facts in an index. `withPods` also walks pod specs (ServiceAccount
 * mode); `moves` false: the fix leaves the file alone (a template), so it moves no
 * ServiceAccount. Names and keys are kept for the whole run: copied off the file's text (see
 * `detach`).
 */
export function addToIndex(index: InputIndex, file: ManifestFile, options: FixOptions, kinds: KindRegistry, withPods: boolean, moves = true): void {
  for (const object of findObjects(file.docs)) {
    const { kind, apiVersion, name } = object.ref;
    const ns = effectiveNamespace(object, options);
    if (apiVersion === 'v1' && kind === 'ServiceAccount' && name) {
      index.serviceAccounts.add(detach(nsKey(ns, name)));
      if (moves && movesIntoNamespace(object, options)) addTo(index.movedServiceAccounts, name, options.namespace as string);
    }
    if (apiVersion === 'v1' && kind === 'Secret' && name && /dockerconfigjson|dockercfg/.test(stringAt(object.node, 'type') ?? '')) {
      addTo(index.registrySecrets, name, ns ?? '');
    }
    if (!withPods) continue;
    for (const specPath of kinds.lookup(apiVersion, kind, options.kinds).podSpecPaths) {
      for (const spec of followPath(object.node, specPath).found) {
        const own = findPair(spec.node, 'imagePullSecrets')?.value;
        // A pod that lists pull secrets of its own does not get its ServiceAccount's.
        if (isSeq(own) && own.items.length > 0) continue;
        const sa = stringAt(spec.node, 'serviceAccountName') ?? stringAt(spec.node, 'serviceAccount') ?? 'default';
        const key = nsKey(ns, sa);
        let needs = index.serviceAccountNeeds.get(key);
        if (!needs) index.serviceAccountNeeds.set(detach(key), (needs = new Set()));
        for (const s of requiredSecretsFor(spec.node, options)) needs.add(detach(s));
      }
    }
  }
}

/** Adds `value` to the set of `key` (both kept for the run: detached). */
function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(detach(key), (set = new Set()));
  set.add(detach(value));
}

/**
 * Whether the fix gives an object the run's namespace: it has none of its own, one is asked for,
 * and neither the config nor the object's `privreg-fix.io/ignore` annotation turns that off.
 */
export function movesIntoNamespace(object: ManifestObject, options: FixOptions): boolean {
  if (object.ref.namespace || options.namespace === undefined || options.rules['missing-namespace'] === 'off') return false;
  const suppressed = suppressedRules(object);
  return !suppressed.has('all') && !suppressed.has('missing-namespace');
}
