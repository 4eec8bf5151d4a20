/**
 * Turns compact Kubernetes schemas (see `compact-schema.ts`) into JSON Schemas that ajv, run
 * with `useDefaults` on a null-free copy of the data, checks with the API server's semantics:
 * - `default: {}` (a non-pointer struct, validated as `{}` when omitted) is kept only where `{}`
 *   can fail, so that a required field whose zero value is fine is still reported as missing;
 * - below a kind's top-level `status` nothing is required and nothing is defaulted (the API
 *   server resets `status` on create), through `<name>__status` copies of the definitions;
 * - patterns JavaScript cannot read (RE2-only syntax in CRDs) are dropped, not fatal.
 */
import { isRecord } from '../core/data.js';
import type { JsonObject } from './compact-schema.js';

/** Prefix of references to named schemas. */
export const DEFINITIONS_REF = '#/definitions/';

/** Suffix of the copy of a definition used below a kind's `status`. */
const STATUS_SUFFIX = '__status';

/** Suffix of the definition a kind's documents are validated against (its `status` relaxed). */
export const ROOT_SUFFIX = '__root';

function refName(schema: JsonObject): string | undefined {
  const ref = schema.$ref;
  return typeof ref === 'string' && ref.startsWith(DEFINITIONS_REF) ? ref.slice(DEFINITIONS_REF.length) : undefined;
}

/** Rewrites a schema tree bottom-up: `visit` gets each (already rewritten) sub-schema. */
function mapSchema(schema: JsonObject, visit: (s: JsonObject) => JsonObject): JsonObject {
  const out: JsonObject = { ...schema };
  if (isRecord(schema.properties)) {
    const properties: JsonObject = {};
    for (const [key, value] of Object.entries(schema.properties)) properties[key] = isRecord(value) ? mapSchema(value, visit) : value;
    out.properties = properties;
  }
  for (const key of ['items', 'additionalProperties', 'not'] as const) {
    const value = schema[key];
    if (isRecord(value)) out[key] = mapSchema(value, visit);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const value = schema[key];
    if (Array.isArray(value)) out[key] = value.map((v: unknown) => (isRecord(v) ? mapSchema(v, visit) : v));
  }
  return visit(out);
}

/** Prepares named schemas (and the roots that use them) for ajv; see the module comment. */
export class AjvSchemaPreparer {
  private readonly emptyFails = new Map<string, boolean>();

  constructor(private readonly definitions: Readonly<Record<string, JsonObject>>) {}

  /** Whether validating `{}` against `schema` reports anything (a struct that must be given). */
  private failsOnEmpty(schema: JsonObject): boolean {
    const name = refName(schema);
    if (name !== undefined) {
      let fails = this.emptyFails.get(name);
      if (fails === undefined) {
        this.emptyFails.set(name, false); // cycles: assume fine while computing
        const target = this.definitions[name];
        fails = target !== undefined && this.failsOnEmpty(target);
        this.emptyFails.set(name, fails);
      }
      if (fails) return true;
    }
    const types = schema.type === undefined ? ['object'] : Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.includes('object')) return true;
    if (Array.isArray(schema.required) && schema.required.length > 0) return true;
    if (typeof schema.minProperties === 'number' && schema.minProperties > 0) return true;
    if (Array.isArray(schema.enum) || schema.anyOf !== undefined || schema.oneOf !== undefined || schema.not !== undefined)
      return true;
    if (Array.isArray(schema.allOf) && schema.allOf.some((s: unknown) => isRecord(s) && this.failsOnEmpty(s))) return true;
    const properties = isRecord(schema.properties) ? Object.values(schema.properties) : [];
    return properties.some((p) => isRecord(p) && isRecord(p.default) && this.failsOnEmpty(p));
  }

  /** One schema, ready for ajv: needless `default: {}` and unreadable patterns removed. */
  prepare(schema: JsonObject): JsonObject {
    return mapSchema(schema, (s) => {
      if (isRecord(s.default) && !this.failsOnEmpty(s)) delete s.default;
      if (typeof s.pattern === 'string' && !isReadablePattern(s.pattern)) delete s.pattern;
      return s;
    });
  }

  /**
   * Every definition prepared, plus `<name>__status` copies for those reachable from the
   * `status` of the given kinds and a `<name>__root` per kind.
   */
  prepareAll(kindDefinitions: Iterable<string>): Record<string, JsonObject> {
    const out: Record<string, JsonObject> = {};
    for (const [name, schema] of Object.entries(this.definitions)) out[name] = this.prepare(schema);
    const pending: string[] = [];
    const statusRef = (name: string): string => {
      if (out[name + STATUS_SUFFIX] === undefined && !pending.includes(name)) pending.push(name);
      return DEFINITIONS_REF + name + STATUS_SUFFIX;
    };
    for (const kind of kindDefinitions) {
      const schema = out[kind];
      if (schema === undefined) continue;
      const root: JsonObject = { ...schema };
      if (isRecord(schema.properties) && isRecord(schema.properties.status))
        root.properties = { ...schema.properties, status: relaxStatus(schema.properties.status, statusRef) };
      out[kind + ROOT_SUFFIX] = root;
    }
    for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
      const schema = out[name];
      if (schema !== undefined) out[name + STATUS_SUFFIX] = relaxStatus(schema, statusRef);
    }
    return out;
  }
}

/** A status schema: nothing required or defaulted, references to relaxed copies. */
export function relaxStatus(schema: JsonObject, statusRef?: (name: string) => string): JsonObject {
  return mapSchema(schema, (s) => {
    delete s.required;
    delete s.default;
    const name = refName(s);
    if (name !== undefined && statusRef !== undefined) s.$ref = statusRef(name);
    return s;
  });
}

/** Whether JavaScript (with the `u` flag, as ajv compiles patterns) can read a pattern. */
function isReadablePattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/**
 * Replaces every nested object schema (outside `anyOf`/`oneOf`/`not`) by a reference to it,
 * named by `register` (which sees equal schemas as one). ajv then compiles each once, as a
 * function of its own (`inlineRefs: false`), instead of inlining it with ever longer paths: a
 * large CRD compiles several times faster, and CRDs that embed the same types share the code.
 */
export function hoistObjectSchemas(root: JsonObject, register: (body: JsonObject) => string): JsonObject {
  const hoist = (schema: JsonObject, depth: number): JsonObject => {
    const out = mapChildren(schema, (child) => hoist(child, depth + 1));
    if (depth === 0 || !isRecord(out.properties)) return out;
    const { default: fallback, ...body } = out;
    const $ref = register(body);
    return fallback === undefined ? { $ref } : { $ref, default: fallback };
  };
  return hoist(root, 0);
}

function mapChildren(schema: JsonObject, map: (child: JsonObject) => JsonObject): JsonObject {
  const out: JsonObject = { ...schema };
  if (isRecord(schema.properties)) {
    const properties: JsonObject = {};
    for (const [key, value] of Object.entries(schema.properties)) properties[key] = isRecord(value) ? map(value) : value;
    out.properties = properties;
  }
  for (const key of ['items', 'additionalProperties'] as const) {
    const value = schema[key];
    if (isRecord(value)) out[key] = map(value);
  }
  if (Array.isArray(schema.allOf)) out.allOf = schema.allOf.map((v: unknown) => (isRecord(v) ? map(v) : v));
  return out;
}
