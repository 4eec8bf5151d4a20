/**
 * The one module that talks to ajv: compiles user JSON Schema files (`--schema-dir`), which may
 * use any draft-07 keyword, and turns ajv's errors into the walker's `RawError`s, one per problem.
 */
import type { ErrorObject } from 'ajv';
import type { JsonObject } from './compact-schema.js';
import { describeValue } from './describe.js';
import type { PathSegment, RawError } from './walker.js';

/** A compiled JSON Schema: returns the errors for a decoded value (empty when valid). */
export type CompiledSchema = (value: unknown) => RawError[];

/** Compiles JSON Schemas with one ajv instance; created only when such schemas are in use. */
export interface JsonSchemaCompiler {
  compile(schema: JsonObject): CompiledSchema;
}

/** Loads ajv (about 60 ms, so only when a JSON Schema file needs it) and returns a compiler. */
export async function createJsonSchemaCompiler(): Promise<JsonSchemaCompiler> {
  const { Ajv } = await import('ajv');
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, validateSchema: false });
  return {
    compile(schema: JsonObject): CompiledSchema {
      // Draft-04 style `$schema` ids are unknown to ajv 8; the keywords used by Kubernetes
      // schemas mean the same in draft-07.
      const { $schema: _ignored, id: _id, ...rest } = schema;
      const validate = ajv.compile(rest);
      return (value) => (validate(stripNulls(value)) ? [] : toRawErrors(validate.errors ?? [], value));
    },
  };
}

/** The decoded value with null-valued fields removed: the API server treats them as omitted. */
export function stripNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripNulls);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) if (child !== null) out[key] = stripNulls(child);
  return out;
}

function pointerToPath(pointer: string, root: unknown): { path: PathSegment[]; value: unknown } {
  const path: PathSegment[] = [];
  let current: unknown = root;
  if (pointer === '') return { path, value: current };
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment: PathSegment = Array.isArray(current) ? Number(key) : key;
    path.push(segment);
    current = current === null || typeof current !== 'object' ? undefined : (current as Record<string, unknown>)[key];
  }
  return { path, value: current };
}

function toRawError(error: ErrorObject, root: unknown): RawError {
  const { path, value } = pointerToPath(error.instancePath, root);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { kind: 'required', path: [...path, String(params.missingProperty)], message: `required field "${String(params.missingProperty)}" is missing` };
    case 'additionalProperties':
      return { kind: 'unknown', path: [...path, String(params.additionalProperty)], message: `unknown field "${String(params.additionalProperty)}"` };
    case 'type': {
      const types = Array.isArray(params.type) ? params.type.join(' or ') : String(params.type);
      return { kind: 'value', path, message: `must be ${types.replace(/,/g, ' or ')}, got ${describeValue(value)}` };
    }
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues.map((v) => JSON.stringify(v)).join(', ') : '';
      return { kind: 'value', path, message: `must be one of ${allowed}, got ${describeValue(value)}` };
    }
    case 'anyOf':
    case 'oneOf':
      return { kind: 'value', path, message: 'must match one of the allowed forms' };
    default:
      return { kind: 'value', path, message: `${error.message ?? 'is invalid'}, got ${describeValue(value)}` };
  }
}

/** Keeps one error per problem: an `anyOf`/`oneOf` failure hides its branches' complaints. */
function toRawErrors(errors: readonly ErrorObject[], root: unknown): RawError[] {
  const junctions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath);
  const kept = errors.filter(
    (e) => !junctions.some((j) => e.schemaPath !== j && e.schemaPath.startsWith(`${j}/`)) && e.keyword !== 'if',
  );
  return kept.map((e) => toRawError(e, root));
}
