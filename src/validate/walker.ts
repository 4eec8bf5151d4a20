/**
 * A schema walker for the compact Kubernetes schemas (see `compact-schema.ts`): it checks a
 * decoded manifest the way the API server decodes and validates it with strict field
 * validation, and yields one error per problem. It interprets the schema instead of compiling
 * it, so a run pays nothing for kinds it does not meet (ajv needs 70-270 ms to compile a
 * Deployment); ajv is used for user JSON Schema files (`ajv-adapter.ts`).
 */
import type { JsonObject } from './compact-schema.js';
import { closestField, describeValue, jsonTypeOf, orList } from './describe.js';

/** One segment of a path into a decoded value: a map key or a sequence index. */
export type PathSegment = string | number;

/**
 * A problem found in a decoded value. `unknown`: `path` ends at an unknown key (point at the
 * key); `required`: `path` ends at a missing field (point at the map that lacks it); `value`:
 * the value at `path` is wrong.
 */
export interface RawError {
  kind: 'unknown' | 'required' | 'value';
  path: PathSegment[];
  message: string;
}

/** Named schemas that `$ref: '#/definitions/<name>'` points at. */
export type Definitions = Record<string, JsonObject>;

const REF_PREFIX = '#/definitions/';

// Kubernetes resource.Quantity: <signedNumber><suffix>, suffix binary SI, decimal SI or exponent.
const QUANTITY = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+|[KMGTPE]i|[numkMGTPE])?$/;
// Lenient on purpose: CRD date-times are checked with go-openapi strfmt, which accepts variants.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function formatProblem(format: string, value: string): string | undefined {
  switch (format) {
    case 'quantity':
      return QUANTITY.test(value) ? undefined : 'must be a quantity such as 500m, 2 or 1Gi';
    case 'date-time':
      return DATE_TIME.test(value) ? undefined : 'must be an RFC 3339 date-time such as 2024-01-31T12:00:00Z';
    case 'byte': {
      const compact = value.replace(/[\r\n]/g, '');
      return BASE64.test(compact) && compact.length % 4 === 0 ? undefined : 'must be base64-encoded data';
    }
    default:
      return undefined;
  }
}

const patternCache = new Map<string, RegExp | null>();

/** Compiles a schema pattern once; `null` when JavaScript cannot read it (never an error). */
function compilePattern(pattern: string): RegExp | null {
  let compiled = patternCache.get(pattern);
  if (compiled === undefined) {
    try {
      compiled = new RegExp(pattern, 'u');
    } catch {
      compiled = null;
    }
    patternCache.set(pattern, compiled);
  }
  return compiled;
}

function typeMatches(expected: string, actual: string): boolean {
  return expected === actual || (expected === 'number' && actual === 'integer');
}

/** Walks schemas over values, collecting errors. */
export class SchemaWalker {
  constructor(private readonly definitions: Definitions) {}

  /** Validates `value` against `schema`; returns the errors (empty when valid). */
  validate(schema: JsonObject, value: unknown): RawError[] {
    const errors: RawError[] = [];
    this.walk(schema, value, [], errors);
    return errors;
  }

  private resolve(ref: string): JsonObject {
    const name = ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : ref;
    const target = this.definitions[name];
    if (target === undefined) throw new Error(`schema reference ${ref} not found`);
    return target;
  }

  private walk(schema: JsonObject, value: unknown, path: PathSegment[], errors: RawError[]): void {
    if (typeof schema.$ref === 'string') {
      this.walk(this.resolve(schema.$ref), value, path, errors);
      if (Object.keys(schema).length === 1) return;
    }
    // The API server decodes `field: null` like an omitted field (Go's encoding/json leaves the
    // zero value; structural schemas prune nulls unless nullable), so null is never wrong here.
    if (value === null || value === undefined) return;

    const actual = jsonTypeOf(value);
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
      if (!types.some((t) => typeMatches(t, actual))) {
        errors.push({ kind: 'value', path, message: `must be ${orList(types)}, got ${describeValue(value)}` });
        return;
      }
    }
    if (Array.isArray(schema.enum) && !schema.enum.some((e) => deepEqual(e, value))) {
      const allowed = schema.enum.map((e) => JSON.stringify(e)).join(', ');
      errors.push({ kind: 'value', path, message: `must be one of ${allowed}, got ${describeValue(value)}` });
      return;
    }
    const before = errors.length;
    if (typeof value === 'string') this.checkString(schema, value, path, errors);
    else if (typeof value === 'number') this.checkNumber(schema, value, path, errors);
    else if (Array.isArray(value)) this.checkArray(schema, value, path, errors);
    else if (isPlainObject(value)) this.checkObject(schema, value, path, errors);
    if (errors.length === before) this.checkJunctors(schema, value, path, errors);
  }

  private checkString(schema: JsonObject, value: string, path: PathSegment[], errors: RawError[]): void {
    const got = describeValue(value);
    const problem = typeof schema.format === 'string' ? formatProblem(schema.format, value) : undefined;
    if (problem !== undefined) errors.push({ kind: 'value', path, message: `${problem}, got ${got}` });
    else if (typeof schema.pattern === 'string' && compilePattern(schema.pattern)?.test(value) === false)
      errors.push({ kind: 'value', path, message: `must match the pattern ${schema.pattern}, got ${got}` });
    else if (typeof schema.maxLength === 'number' && [...value].length > schema.maxLength)
      errors.push({ kind: 'value', path, message: `must be at most ${schema.maxLength} characters long, got ${got}` });
    else if (typeof schema.minLength === 'number' && [...value].length < schema.minLength)
      errors.push({ kind: 'value', path, message: `must be at least ${schema.minLength} characters long, got ${got}` });
  }

  private checkNumber(schema: JsonObject, value: number, path: PathSegment[], errors: RawError[]): void {
    const bounds: [string, string, (limit: number) => boolean][] = [
      ['minimum', '>=', (l) => value >= l],
      ['maximum', '<=', (l) => value <= l],
      ['exclusiveMinimum', '>', (l) => value > l],
      ['exclusiveMaximum', '<', (l) => value < l],
    ];
    for (const [keyword, operator, ok] of bounds) {
      const limit = schema[keyword];
      if (typeof limit === 'number' && !ok(limit)) {
        errors.push({ kind: 'value', path, message: `must be ${operator} ${limit}, got ${describeValue(value)}` });
        return;
      }
    }
    if (typeof schema.multipleOf === 'number' && !Number.isInteger(value / schema.multipleOf))
      errors.push({ kind: 'value', path, message: `must be a multiple of ${schema.multipleOf}, got ${value}` });
  }

  private checkArray(schema: JsonObject, value: unknown[], path: PathSegment[], errors: RawError[]): void {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      errors.push({ kind: 'value', path, message: `must have at least ${schema.minItems} items, got ${value.length}` });
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
      errors.push({ kind: 'value', path, message: `must have at most ${schema.maxItems} items, got ${value.length}` });
    if (schema.uniqueItems === true) {
      const seen = value.map((v) => JSON.stringify(v));
      const duplicate = seen.findIndex((s, i) => seen.indexOf(s) !== i);
      if (duplicate >= 0) errors.push({ kind: 'value', path: [...path, duplicate], message: 'duplicate item' });
    }
    const items = schema.items;
    if (isPlainObject(items)) value.forEach((item, i) => this.walk(items as JsonObject, item, [...path, i], errors));
  }

  private checkObject(schema: JsonObject, value: Record<string, unknown>, path: PathSegment[], errors: RawError[]): void {
    const properties = isPlainObject(schema.properties) ? (schema.properties as Record<string, JsonObject>) : undefined;
    // The API server resets `status` on create before validating, so nothing is required there.
    const inStatus = path[0] === 'status';
    const required = !inStatus && Array.isArray(schema.required) ? (schema.required as string[]) : [];
    for (const name of required) {
      if (value[name] !== undefined && value[name] !== null) continue;
      const before = errors.length;
      // A struct field that is not a pointer (`default: {}`) is validated as its zero value;
      // the errors inside it are the real ones (`spec.template.spec.containers`).
      const propertySchema = properties?.[name];
      if (propertySchema !== undefined && isPlainObject(propertySchema.default)) this.walk(propertySchema, {}, [...path, name], errors);
      if (errors.length === before)
        errors.push({ kind: 'required', path: [...path, name], message: `required field "${name}" is missing` });
    }
    if (properties !== undefined && !inStatus) {
      for (const [name, propertySchema] of Object.entries(properties)) {
        const present = value[name] !== undefined && value[name] !== null;
        if (!present && !required.includes(name) && isPlainObject(propertySchema.default))
          this.walk(propertySchema, {}, [...path, name], errors);
      }
    }
    const additional = schema.additionalProperties;
    for (const [key, child] of Object.entries(value)) {
      const propertySchema = properties?.[key];
      if (propertySchema !== undefined) this.walk(propertySchema, child, [...path, key], errors);
      else if (isPlainObject(additional)) this.walk(additional as JsonObject, child, [...path, key], errors);
      else if (additional === false) {
        const suggestion = properties ? closestField(key, Object.keys(properties)) : undefined;
        const hint = suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
        errors.push({ kind: 'unknown', path: [...path, key], message: `unknown field "${key}"${hint}` });
      }
    }
    const count = Object.keys(value).length;
    if (typeof schema.minProperties === 'number' && count < schema.minProperties)
      errors.push({ kind: 'value', path, message: `must have at least ${schema.minProperties} fields, got ${count}` });
    if (typeof schema.maxProperties === 'number' && count > schema.maxProperties)
      errors.push({ kind: 'value', path, message: `must have at most ${schema.maxProperties} fields, got ${count}` });
  }

  /** `allOf`/`anyOf`/`oneOf`/`not` (CRD value validations): one error per failed junctor. */
  private checkJunctors(schema: JsonObject, value: unknown, path: PathSegment[], errors: RawError[]): void {
    if (Array.isArray(schema.allOf)) for (const branch of schema.allOf as JsonObject[]) this.walk(branch, value, path, errors);
    for (const keyword of ['anyOf', 'oneOf'] as const) {
      const branches = schema[keyword];
      if (!Array.isArray(branches) || branches.length === 0) continue;
      const results = (branches as JsonObject[]).map((branch) => this.validateAt(branch, value, path));
      const passing = results.filter((r) => r.length === 0).length;
      if (passing === 0) {
        // Report the branch that came closest instead of every branch's complaints.
        const closest = results.reduce((best, r) => (r.length < best.length ? r : best));
        if (closest.length === 1) errors.push(...closest);
        else errors.push({ kind: 'value', path, message: `must match one of the ${branches.length} allowed forms` });
      } else if (keyword === 'oneOf' && passing > 1) {
        errors.push({ kind: 'value', path, message: `must match exactly one of the allowed forms, matches ${passing}` });
      }
    }
    if (isPlainObject(schema.not) && this.validateAt(schema.not as JsonObject, value, path).length === 0)
      errors.push({ kind: 'value', path, message: 'must not match the forbidden form' });
  }

  private validateAt(schema: JsonObject, value: unknown, path: PathSegment[]): RawError[] {
    const errors: RawError[] = [];
    this.walk(schema, value, path, errors);
    return errors;
  }
}
