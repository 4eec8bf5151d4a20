import type { CustomKind } from '../engine/options.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What a CustomResourceDefinition says about its kind: its scope and every subtree of its schema
 * that is a pod spec (an object schema declaring both `containers` and `imagePullSecrets`).
 * Returns undefined for objects that are not usable CRDs.
 */
export function kindFromCrd(crd: unknown): CustomKind | undefined {
  if (!isObject(crd) || crd.kind !== 'CustomResourceDefinition') return undefined;
  const spec = crd.spec;
  if (!isObject(spec) || typeof spec.group !== 'string') return undefined;
  const names = spec.names;
  if (!isObject(names) || typeof names.kind !== 'string') return undefined;
  const scope = spec.scope === 'Cluster' || spec.scope === 'Namespaced' ? spec.scope : undefined;
  const paths = new Set<string>();
  const versions = Array.isArray(spec.versions) ? spec.versions : [];
  for (const v of versions) {
    const schema = isObject(v) && isObject(v.schema) ? v.schema.openAPIV3Schema : undefined;
    findPodSpecs(schema, '', paths, 0);
  }
  // apiextensions.k8s.io/v1beta1 kept one schema for all versions under spec.validation.
  if (isObject(spec.validation)) findPodSpecs(spec.validation.openAPIV3Schema, '', paths, 0);
  return { kind: `${spec.group}/${names.kind}`, scope, podSpecPaths: [...paths] };
}

function findPodSpecs(schema: unknown, path: string, out: Set<string>, depth: number): void {
  if (!isObject(schema) || depth > 40) return;
  const props = schema.properties;
  if (isObject(props)) {
    if ('containers' in props && 'imagePullSecrets' in props && path !== '') {
      out.add(path);
      return;
    }
    for (const [name, sub] of Object.entries(props)) {
      findPodSpecs(sub, path === '' ? name : `${path}.${name}`, out, depth + 1);
    }
  }
  if (isObject(schema.items)) findPodSpecs(schema.items, `${path}[*]`, out, depth + 1);
  if (isObject(schema.additionalProperties)) {
    findPodSpecs(schema.additionalProperties, path === '' ? '*' : `${path}.*`, out, depth + 1);
  }
}
