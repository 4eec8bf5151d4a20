/**
 * Validation with ajv: runs the precompiled built-in validators, and compiles at run time what
 * cannot be precompiled (CRDs found in the input or in `--schema-dir`, JSON Schema files). ajv
 * itself is loaded only when such a schema is first needed.
 */
import { createRequire } from 'node:module';
import type { Ajv, ValidateFunction } from 'ajv';
import { toRawErrors, type KnownFields, type RawError } from './ajv-errors.js';
import { AjvSchemaPreparer, hoistObjectSchemas, relaxStatus } from './ajv-schema.js';
import { AJV_OPTIONS } from './builtin-validators.js';
import type { JsonObject } from './compact-schema.js';
import type { CompiledCache } from './compiled-cache.js';
import { FORMATS } from './formats.js';

/** Checks a decoded value; returns the errors (empty when valid). */
export type Check = (value: unknown) => RawError[];

/**
 * A copy of the decoded value whose null-valued fields are `undefined`: the API server treats
 * them as omitted (ajv skips and requires `undefined` properties), yet still reports them as
 * unknown fields (ajv's `additionalProperties` sees the key).
 */
export function stripNulls(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = stripNulls(value[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  const map = value as Record<string, unknown>;
  for (const key of Object.keys(map)) {
    const child = map[key];
    const copy = child === null ? undefined : stripNulls(child);
    // An own `__proto__` key stays a key (assigning it would set the copy's prototype).
    if (key === '__proto__') Object.defineProperty(out, key, { value: copy, writable: true, enumerable: true, configurable: true });
    else out[key] = copy;
  }
  return out;
}

/**
 * A check running an ajv validator on a copy of the value without nulls (ajv fills in the
 * `default: {}` structs, so the value itself is never changed).
 */
export function ajvCheck(validate: ValidateFunction, knownFields?: KnownFields): Check {
  return (value) => {
    const data = stripNulls(value);
    return validate(data) ? [] : toRawErrors(validate.errors ?? [], data, knownFields);
  };
}

type AjvClass = typeof Ajv;
let ajvClass: AjvClass | undefined;

function newAjv(options: ConstructorParameters<AjvClass>[0]): Ajv {
  // ajv is CommonJS: a synchronous require keeps `addCustomResourceDefinition` synchronous.
  ajvClass ??= (createRequire(import.meta.url)('ajv') as { Ajv: AjvClass }).Ajv;
  return new ajvClass(options);
}

/** `#/definitions/<name>` -> `<id>#/definitions/<name>` (refs of schemas added on their own). */
function absoluteRefs(schema: unknown, id: string): unknown {
  if (Array.isArray(schema)) return schema.map((item) => absoluteRefs(item, id));
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema))
    out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? id + value : key === 'enum' ? value : absoluteRefs(value, id);
  return out;
}

const BUILTINS_ID = 'k8s';

type StandaloneCode = (ajv: Ajv, validate: ValidateFunction) => string;
let standaloneCode: StandaloneCode | undefined;

/** ajv standalone code (a CommonJS module) of a compiled validator. */
function standaloneCodeOf(ajv: Ajv, validate: ValidateFunction): string {
  standaloneCode ??= (createRequire(import.meta.url)('ajv/dist/standalone') as { default: StandaloneCode }).default;
  return standaloneCode(ajv, validate);
}

/** Compiles schemas at run time; one per validator, created on first use. */
export class RuntimeCompiler {
  private kubernetes: Ajv | undefined;
  private jsonSchema: Ajv | undefined;
  private preparer: AjvSchemaPreparer | undefined;
  /** Schemas moved out of CRDs (by their text) -> their ajv id, shared by all CRDs. */
  private readonly hoisted = new Map<string, string>();

  /**
   * `definitions`: the built-in named schemas (read on first use); `cache`: where compiled CRD
   * validators are kept between runs, with the `context` they were compiled in (the
   * Kubernetes version whose definitions they use).
   */
  constructor(
    private readonly definitions: () => Readonly<Record<string, JsonObject>>,
    private readonly cache?: { store: CompiledCache; context: string },
  ) {}

  /**
   * Compiles a Kubernetes-style root schema (a CRD's, from `customResourceRootSchema`) whose
   * `$ref`s point at the built-in definitions.
   */
  compileKubernetes(root: JsonObject): ValidateFunction {
    if (!this.cache) return this.compileKubernetesNow(root).validate;
    const { store, context } = this.cache;
    const key = store.key(root, context);
    const stored = store.load(key);
    if (stored) return stored;
    const { ajv, validate } = this.compileKubernetesNow(root);
    store.store(key, standaloneCodeOf(ajv, validate));
    return validate;
  }

  private compileKubernetesNow(root: JsonObject): { ajv: Ajv; validate: ValidateFunction } {
    const definitions = this.definitions();
    this.preparer ??= new AjvSchemaPreparer(definitions);
    const ajv = this.kubernetesAjv(this.preparer, definitions);
    const schema = this.preparer.prepare(root);
    if (typeof schema.properties === 'object' && schema.properties !== null) {
      const properties = schema.properties as JsonObject;
      if (typeof properties.status === 'object' && properties.status !== null)
        schema.properties = { ...properties, status: relaxStatus(properties.status as JsonObject) };
    }
    const hoisted = hoistObjectSchemas(absoluteRefs(schema, BUILTINS_ID) as JsonObject, (body) => {
      const text = JSON.stringify(body);
      let id = this.hoisted.get(text);
      if (id === undefined) {
        id = `hoisted${this.hoisted.size}`;
        this.hoisted.set(text, id);
        ajv.addSchema(body, id);
      }
      return id;
    });
    return { ajv, validate: ajv.compile(hoisted) };
  }

  private kubernetesAjv(preparer: AjvSchemaPreparer, definitions: Readonly<Record<string, JsonObject>>): Ajv {
    if (this.kubernetes === undefined) {
      // ajv's code optimizer costs more than it saves for code compiled once per run.
      // The source is kept only to store compiled validators (see `CompiledCache`).
      this.kubernetes = newAjv({ ...AJV_OPTIONS, formats: { ...FORMATS }, code: { optimize: false, source: this.cache !== undefined } });
      const prepared: JsonObject = {};
      for (const [name, schema] of Object.entries(definitions)) prepared[name] = preparer.prepare(schema);
      this.kubernetes.addSchema({ $id: BUILTINS_ID, definitions: prepared });
    }
    return this.kubernetes;
  }

  /** Compiles a user JSON Schema file (any draft-07 keyword; formats are not checked). */
  compileJsonSchema(schema: JsonObject): ValidateFunction {
    this.jsonSchema ??= newAjv({ strict: false, allErrors: true, messages: false, validateFormats: false, validateSchema: false });
    // Draft-04 style ids are unknown to ajv 8; the keywords used by Kubernetes schemas mean the same.
    const { $schema: _ignored, id: _id, ...rest } = schema;
    return this.jsonSchema.compile(rest);
  }
}
