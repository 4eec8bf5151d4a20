import { DEFAULT_KUBERNETES_VERSION } from '../core/options.js';
import { readFileSync } from 'node:fs';

const cache = new Map<string, Readonly<Record<string, 'Namespaced' | 'Cluster'>>>();

/**
 * Scopes of the built-in kinds of a Kubernetes version (`group/Kind` -> scope), generated from
 * the upstream OpenAPI documents by `npm run schemas` into `schemas/kubernetes/<v>/scopes.json`.
 */
export function builtinScopes(version = DEFAULT_KUBERNETES_VERSION): Readonly<Record<string, 'Namespaced' | 'Cluster'>> {
  let table = cache.get(version);
  if (!table) {
    // src/kinds/ and dist/kinds/ both sit two levels below the package root.
    const url = new URL(`../../schemas/kubernetes/${version}/scopes.json`, import.meta.url);
    table = JSON.parse(readFileSync(url, 'utf8')) as Record<string, 'Namespaced' | 'Cluster'>;
    cache.set(version, table);
  }
  return table;
}
