/** Turns CustomResourceDefinitions into schemas for their custom resources. */
import { isRecord } from '../core/data.js';
import { compactSchema, type JsonObject } from './compact-schema.js';
import { OBJECT_META } from './schema-store.js';

/** A schema for the custom resources of one `<apiVersion>/<kind>`. */
export interface CustomResourceSchema {
  /** `<group>/<version>/<kind>`, the key documents are looked up by. */
  key: string;
  schema: JsonObject;
}

const OBJECT_META_REF = `#/definitions/${OBJECT_META}`;

/**
 * The root schema of a custom resource: its `openAPIV3Schema` with structural-schema semantics,
 * plus the fields the API server always accepts (`apiVersion`, `kind`, `metadata` as ObjectMeta).
 */
export function customResourceRootSchema(openAPIV3Schema: unknown): JsonObject {
  const root = compactSchema(openAPIV3Schema, { structural: true, objectMetaRef: OBJECT_META_REF });
  const properties = isRecord(root.properties) ? root.properties : {};
  root.properties = {
    ...properties,
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { $ref: OBJECT_META_REF },
  };
  root.type ??= 'object';
  if (root['x-kubernetes-preserve-unknown-fields'] !== true) root.additionalProperties ??= false;
  return root;
}

/** The `group/Kind` a CRD defines, as written (undefined when it names none). */
export function crdKindOf(crd: unknown): string | undefined {
  if (!isRecord(crd) || !isRecord(crd.spec)) return undefined;
  const { group, names } = crd.spec;
  return typeof group === 'string' && isRecord(names) && typeof names.kind === 'string' ? `${group}/${names.kind}` : undefined;
}

/** Schemas of every served version of a CRD (apiextensions.k8s.io v1, or v1beta1's shapes). */
export function customResourceSchemas(crd: unknown): CustomResourceSchema[] {
  if (!isRecord(crd) || !isRecord(crd.spec)) return [];
  const spec = crd.spec;
  const group = typeof spec.group === 'string' ? spec.group : undefined;
  const kind = isRecord(spec.names) && typeof spec.names.kind === 'string' ? spec.names.kind : undefined;
  if (group === undefined || kind === undefined) return [];
  // v1beta1: one schema for all versions at spec.validation; v1: per version.
  const shared = isRecord(spec.validation) ? spec.validation.openAPIV3Schema : undefined;
  const versions: JsonObject[] = Array.isArray(spec.versions)
    ? spec.versions.filter(isRecord)
    : typeof spec.version === 'string'
      ? [{ name: spec.version }]
      : [];
  const out: CustomResourceSchema[] = [];
  for (const version of versions) {
    if (typeof version.name !== 'string' || version.served === false) continue;
    const own = isRecord(version.schema) ? version.schema.openAPIV3Schema : undefined;
    const schema = own ?? shared;
    // A version without a schema accepts anything (only possible in v1beta1): nothing to check.
    const root = isRecord(schema) ? customResourceRootSchema(schema) : { type: 'object' };
    out.push({ key: `${group}/${version.name}/${kind}`, schema: root });
  }
  return out;
}

/** Whether a decoded document is a CustomResourceDefinition. */
export function isCustomResourceDefinition(value: unknown): boolean {
  return (
    isRecord(value) &&
    value.kind === 'CustomResourceDefinition' &&
    typeof value.apiVersion === 'string' &&
    value.apiVersion.startsWith('apiextensions.k8s.io/')
  );
}
