import type { KindRegistry } from '../kinds/registry.js';
import type { ManifestObject } from '../manifest/objects.js';
import { objectPodSpecs } from '../kinds/pod-data.js';
import { secretsAfterFix } from '../rules/secret-namespaces.js';
import { effectiveNamespace } from '../rules/input-index.js';
import type { FixOptions } from '../core/options.js';
import { suppressedRules } from '../rules/suppressions.js';

/**
 * Which pull secrets the pods of a file use once it is fixed, and in which namespaces: the
 * secrets each pod spec lists plus those the fix adds (unless `missing-pull-secret` is off or
 * suppressed for the object), in the namespace the object will have. Objects the
 * `privreg-fix.io/ignore: all` annotation leaves alone are not counted. Undefined when no pod
 * uses a pull secret.
 */
export function secretUsage(objects: readonly ManifestObject[], kinds: KindRegistry, options: FixOptions): Record<string, string[]> | undefined {
  const usage = new Map<string, Set<string>>();
  for (const object of objects) {
    const suppressed = suppressedRules(object);
    if (suppressed.has('all')) continue;
    const info = kinds.lookup(object.ref.apiVersion, object.ref.kind, options.kinds);
    if (info.podSpecPaths.length === 0 && info.freeFormPaths.length === 0) continue;
    const withRequired = options.rules['missing-pull-secret'] !== 'off' && !suppressed.has('missing-pull-secret');
    const ns = effectiveNamespace(object, options) ?? '';
    const use = (name: string): void => {
      let set = usage.get(name);
      if (!set) usage.set(name, (set = new Set()));
      set.add(ns);
    };
    // The same pod specs the pull-secret rule fixes, the ones it creates included.
    const specs = objectPodSpecs(object.node, info);
    for (const spec of specs.found) {
      const { listed, required } = secretsAfterFix(spec.node, options, withRequired);
      for (const name of [...listed, ...required]) use(name);
    }
    if (withRequired && options.pullSecretsOn !== 'serviceaccount' && specs.creatable.length > 0) for (const name of options.pullSecrets) use(name);
  }
  if (usage.size === 0) return undefined;
  // Kept with the result for the whole run: fresh strings, not slices of the file's text.
  return structuredClone(Object.fromEntries([...usage].sort(([a], [b]) => compare(a, b)).map(([k, v]) => [k, [...v].sort(compare)])));
}

/** Code-unit order, the same on every machine (no locale). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
