/**
 * Rewrites Kubernetes OpenAPI v3 schema fragments (built-in component schemas and CRD
 * `openAPIV3Schema`s) into compact draft-07 JSON Schemas that ajv checks as strictly as the API
 * server with strict field validation: unknown fields are errors, int-or-string becomes a type
 * union, and everything only clients use (descriptions, defaults, patch strategies) is dropped.
 */
import { isRecord } from '../core/data.js';

/** A JSON object (schema fragment). */
export type JsonObject = { [key: string]: unknown };

/** How to rewrite a fragment. */
export interface CompactOptions {
  /** Rewrites a `$ref` target (e.g. `#/components/schemas/X` -> `#/definitions/X`). */
  rewriteRef?: (ref: string) => string;
  /**
   * CRD (structural schema) semantics: an object schema without `properties`,
   * `additionalProperties` or `x-kubernetes-preserve-unknown-fields` accepts no fields at all
   * (the API server prunes them, and strict field validation reports them).
   */
  structural?: boolean;
  /** Schema to use for `metadata` of embedded resources (`x-kubernetes-embedded-resource`). */
  objectMetaRef?: string;
  /** Inside `allOf`/`anyOf`/`oneOf`/`not`: value validations only, never `additionalProperties: false`. */
  junctor?: boolean;
  /**
   * The fragment is the `items` of an array with `x-kubernetes-preserve-unknown-fields` (or of
   * such items): it keeps unknown fields at its own level, as if it had the extension itself.
   * The API server's pruning skips the items of such an array, not just the array (apiextensions
   * `pruning/algorithm.go`, `skipPrune`; kubernetes#107688 fixed a 1.23 regression that pruned
   * them). Its declared properties are pruned, and therefore checked, as usual.
   */
  preserveLevel?: boolean;
}

/** Keywords kept as they are (draft-07 compatible validation keywords). */
const KEPT = new Set([
  'type',
  'enum',
  'pattern',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'multipleOf',
  'minProperties',
  'maxProperties',
  'required',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-int-or-string',
  'x-kubernetes-embedded-resource',
]);

/** Formats that the validator checks; every other format is dropped (not enforced). */
const KEPT_FORMATS = new Set(['date-time', 'byte', 'quantity']);

function compactMap(map: unknown, options: CompactOptions): JsonObject {
  const out: JsonObject = {};
  if (isRecord(map)) for (const [key, value] of Object.entries(map)) out[key] = compactSchema(value, options);
  return out;
}

/** `oneOf`/`anyOf` whose branches only name a type: `[{type: integer}, {type: string}]`. */
function typeOnlyBranches(branches: unknown): string[] | undefined {
  if (!Array.isArray(branches) || branches.length === 0) return undefined;
  const types: string[] = [];
  for (const branch of branches) {
    if (!isRecord(branch) || Object.keys(branch).some((k) => k !== 'type' && k !== 'description')) return undefined;
    if (typeof branch.type !== 'string') return undefined;
    types.push(branch.type);
  }
  return types;
}

/** Compacts one schema fragment (recursively). Non-objects are returned unchanged. */
export function compactSchema(input: unknown, compactOptions: CompactOptions = {}): JsonObject {
  if (!isRecord(input)) return {};
  const { preserveLevel, ...options } = compactOptions;
  let schema = input;
  // `allOf: [{$ref}]` is how OpenAPI v3 attaches a description/default to a reference.
  if (Array.isArray(schema.allOf) && schema.allOf.length === 1 && schema.$ref === undefined && isRecord(schema.allOf[0])) {
    const { allOf: _allOf, ...rest } = schema;
    schema = { ...schema.allOf[0], ...rest };
  }
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true || preserveLevel === true;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (KEPT.has(key)) out[key] = value;
    else if (key === '$ref' && typeof value === 'string') out.$ref = options.rewriteRef ? options.rewriteRef(value) : value;
    else if (key === 'format' && typeof value === 'string' && KEPT_FORMATS.has(value)) out.format = value;
    else if (key === 'properties') out.properties = compactMap(value, options);
    else if (key === 'items' && isRecord(value)) out.items = compactSchema(value, preserve ? { ...options, preserveLevel: true } : options);
    else if (key === 'additionalProperties')
      out.additionalProperties = typeof value === 'boolean' ? value : compactSchema(value, options);
    else if ((key === 'allOf' || key === 'anyOf' || key === 'oneOf') && Array.isArray(value))
      out[key] = value.map((v) => compactSchema(v, { ...options, junctor: true }));
    else if (key === 'not') out.not = compactSchema(value, { ...options, junctor: true });
    // `default: {}` marks a Go struct field that is not a pointer: when omitted, the API server
    // still validates its zero value (a Deployment without `spec` lacks `spec.selector`).
    else if (key === 'default' && isRecord(value) && Object.keys(value).length === 0) out.default = {};
  }
  // OpenAPI 3.0 boolean exclusive bounds -> draft-07 numeric ones.
  if (schema.exclusiveMinimum === true && typeof schema.minimum === 'number') {
    out.exclusiveMinimum = schema.minimum;
    delete out.minimum;
  }
  if (schema.exclusiveMaximum === true && typeof schema.maximum === 'number') {
    out.exclusiveMaximum = schema.maximum;
    delete out.maximum;
  }

  const intOrString = schema['x-kubernetes-int-or-string'] === true || schema.format === 'int-or-string';
  if (intOrString) {
    // One type union instead of anyOf/oneOf branches: one error, not three.
    out.type = ['integer', 'string'];
    delete out.anyOf;
    delete out.oneOf;
  } else {
    for (const key of ['oneOf', 'anyOf'] as const) {
      const types = out.type === undefined ? typeOnlyBranches(schema[key]) : undefined;
      if (types) {
        out.type = types;
        delete out[key];
      }
    }
  }

  if (schema['x-kubernetes-embedded-resource'] === true) {
    const properties = isRecord(out.properties) ? out.properties : {};
    properties.apiVersion ??= { type: 'string' };
    properties.kind ??= { type: 'string' };
    if (options.objectMetaRef !== undefined) properties.metadata = { $ref: options.objectMetaRef };
    else properties.metadata ??= { type: 'object' };
    out.properties = properties;
    const required = Array.isArray(out.required) ? (out.required as string[]) : [];
    out.required = [...new Set([...required, 'apiVersion', 'kind'])];
  }

  if (preserve) out['x-kubernetes-preserve-unknown-fields'] = true;
  const isObjectType = out.type === 'object' || out.properties !== undefined;
  if (isObjectType && !preserve && options.junctor !== true && out.additionalProperties === undefined) {
    if (out.properties !== undefined || options.structural === true) out.additionalProperties = false;
  }
  return out;
}
