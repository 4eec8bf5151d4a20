import { isRecord } from '../core/data.js';
import type { CustomKind } from '../core/options.js';

type Json = Record<string, unknown>;

/**
 * What a CustomResourceDefinition says about its kind: its scope, every subtree of its schema
 * that holds pull secrets for pods, and the subtrees it leaves free-form. Returns undefined for
 * objects that are not usable CRDs. See `findPodSpecs` for what counts as a pod spec.
 */
export function kindFromCrd(crd: unknown): CustomKind | undefined {
  if (!isRecord(crd) || crd.kind !== 'CustomResourceDefinition') return undefined;
  const spec = crd.spec;
  if (!isRecord(spec) || typeof spec.group !== 'string') return undefined;
  const names = spec.names;
  if (!isRecord(names) || typeof names.kind !== 'string') return undefined;
  const scope = spec.scope === 'Cluster' || spec.scope === 'Namespaced' ? spec.scope : undefined;
  const found: Found = { paths: new Set(), strings: new Set(), freeForm: new Set() };
  const versions = Array.isArray(spec.versions) ? spec.versions : [];
  for (const v of versions) {
    const schema = isRecord(v) && isRecord(v.schema) ? v.schema.openAPIV3Schema : undefined;
    findPodSpecs(schema, [], found, 0);
  }
  // apiextensions.k8s.io/v1beta1 kept one schema for all versions under spec.validation.
  if (isRecord(spec.validation)) findPodSpecs(spec.validation.openAPIV3Schema, [], found, 0);
  const kind: CustomKind = { kind: `${spec.group}/${names.kind}`, scope, podSpecPaths: [...found.paths] };
  if (found.strings.size > 0) kind.stringSecretPaths = [...found.strings];
  if (found.freeForm.size > 0) kind.freeFormPaths = [...found.freeForm];
  return kind;
}

interface Found {
  paths: Set<string>;
  strings: Set<string>;
  freeForm: Set<string>;
}

/** One step of a schema path: its key (`[*]`, `*` or a property) and the schema there. */
interface SchemaStep {
  key: string;
  schema: Json;
}

const requires = (schema: Json, key?: string): boolean =>
  Array.isArray(schema.required) && (key === undefined ? schema.required.length > 0 : schema.required.includes(key));

/** How a schema's `imagePullSecrets` lists secrets: `{name}` items, plain strings, or not at all. */
function pullSecretItems(props: Json): 'name' | 'string' | undefined {
  const list = props.imagePullSecrets;
  if (!isRecord(list) || list.type !== 'array') return undefined;
  if (!isRecord(list.items)) return 'name';
  if (list.items.type === 'string') return 'string';
  if (!isRecord(list.items.properties)) return 'name';
  return 'name' in list.items.properties ? 'name' : undefined;
}

/**
 * Records every pod spec of a schema: an object declaring `imagePullSecrets` as a list of
 * `{name}` or of names, with `containers` (a PodSpec) or without (an operator's pod template,
 * such as Strimzi's `template.pod` or Tekton's `podTemplate`), or declaring `containers` and
 * keeping unknown fields. (`containers` in a schema that would drop `imagePullSecrets` is not
 * one: the data check reports its pods.) Its path is
 * marked creatable (`key?`) where the schema accepts it holding only `imagePullSecrets`: the
 * spec itself when it requires nothing, and a PodTemplateSpec around it (`metadata` + `spec`)
 * that requires nothing. A component around them is never created: it would switch it on.
 * Free-form objects (`x-kubernetes-preserve-unknown-fields` without properties) are recorded
 * as such: what they hold is known only from an object's data.
 */
function findPodSpecs(schema: unknown, steps: SchemaStep[], out: Found, depth: number): void {
  if (!isRecord(schema) || depth > 40) return;
  const props = schema.properties;
  const path = steps.map((s) => s.key).join('.').replaceAll('.[*]', '[*]');
  if (steps.length > 0 && schema['x-kubernetes-preserve-unknown-fields'] === true && !isRecord(props)) {
    out.freeForm.add(path);
    return;
  }
  if (isRecord(props)) {
    const items = pullSecretItems(props);
    // `containers` without `imagePullSecrets` takes pull secrets only where unknown fields are kept.
    const keeps = schema['x-kubernetes-preserve-unknown-fields'] === true;
    if (steps.length > 0 && (items !== undefined || ('containers' in props && keeps))) {
      const marked = markCreatable(steps, schema);
      out.paths.add(marked);
      if (items === 'string') out.strings.add(marked);
      return;
    }
    for (const [name, sub] of Object.entries(props)) {
      if (isRecord(sub)) findPodSpecs(sub, [...steps, { key: name, schema: sub }], out, depth + 1);
    }
  }
  if (isRecord(schema.items)) findPodSpecs(schema.items, [...steps, { key: '[*]', schema: schema.items }], out, depth + 1);
  if (isRecord(schema.additionalProperties)) {
    findPodSpecs(schema.additionalProperties, [...steps, { key: '*', schema: schema.additionalProperties }], out, depth + 1);
  }
}

function markCreatable(steps: SchemaStep[], spec: Json): string {
  const keys = steps.map((s) => s.key);
  const last = steps.length - 1;
  const plainKey = (k: string): boolean => k !== '*' && k !== '[*]';
  if (plainKey(keys[last] as string) && !requires(spec)) {
    keys[last] = `${keys[last]}?`;
    const parent = steps[last - 1];
    const template = parent && plainKey(parent.key) && keys[last] === 'spec?' && isRecord(parent.schema.properties)
      && Object.keys(parent.schema.properties).every((k) => k === 'metadata' || k === 'spec');
    if (parent && template && !requires(parent.schema)) keys[last - 1] = `${parent.key}?`;
  }
  return keys.join('.').replaceAll('.[*]', '[*]');
}
