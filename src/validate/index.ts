/**
 * Validation of Kubernetes objects against the API schemas of their apiVersion/kind, as strictly
 * as `kubectl apply` with server-side strict field validation, with every error placed on the
 * YAML node it is about.
 */
import { isRecord, listItems } from '../core/data.js';
import type { Node } from '../yaml/nodes.js';
import { ajvCheck, RuntimeCompiler, type Check } from './ajv-adapter.js';
import type { PathSegment, RawError } from './ajv-errors.js';
import { loadBuiltinValidator } from './builtin-validators.js';
import type { JsonObject } from './compact-schema.js';
import { CompiledCache, compiledCacheDir } from './compiled-cache.js';
import { crdKindOf, customResourceSchemas, type CustomResourceSchema } from './crd.js';
import { knownFieldsAt } from './known-fields.js';
import { formatFieldPath, locateError } from './locate.js';
import { readSchemaDirs, type JsonSchemaFile, type SchemaDirContents } from './schema-dir.js';
import { detach } from '../yaml/detach.js';
import { DEFAULT_KUBERNETES_VERSION } from '../core/options.js';
import {
  checkKubernetesVersion,
  listKubernetesVersions,
  loadKubernetesSchemas,
  schemaStamp,
  UnknownKubernetesVersionError,
  type KubernetesSchemas,
} from './schema-store.js';

export { checkKubernetesVersion, schemaStamp, UnknownKubernetesVersionError };
export { crdKindOf, customResourceSchemas, type CustomResourceSchema };
export { readSchemaDirs, SchemaPathError, type SchemaDirContents } from './schema-dir.js';

/** One schema violation, placed on a node of the file text. */
export interface SchemaError {
  /** Kubernetes dotted form: `spec.template.spec.containers[0].ports[0].containerPort`. */
  fieldPath: string;
  /** What was expected and what was found, e.g. `must be integer, got string "80"`. */
  message: string;
  /** Start offset in the file text of the node to point at. */
  start: number;
  /** End offset (exclusive) of that node. */
  end: number;
}

/** The outcome of validating one object. */
export type ValidationResult =
  | { status: 'valid' }
  | { status: 'invalid'; errors: SchemaError[] }
  | { status: 'no-schema' };

/** Options for `createValidator`. */
export interface ValidatorOptions {
  /** Kubernetes version whose schemas to use (default `1.35`). */
  kubernetesVersion?: string;
  /**
   * Directories or files with CRD manifests or JSON Schema files that add (or replace) kinds;
   * of two CRDs for one kind, the first is used. Throws `SchemaPathError` for a missing path.
   */
  schemaDirs?: string[];
  /** What `readSchemaDirs` read, when the caller has read it already (instead of `schemaDirs`). */
  schemas?: SchemaDirContents;
  /**
   * Where validators compiled for CRDs are kept between runs (see `compiled-cache.ts`); false
   * turns it off. Default: from the environment (`PRIVREG_FIX_CACHE_DIR`, else the user cache).
   */
  cacheDir?: string | false;
}

/** Validates Kubernetes objects; built by `createValidator`. */
export interface Validator {
  /**
   * Registers a CRD found in the input (a decoded object of kind CustomResourceDefinition): its
   * schemas replace those of any CRD registered before for the same group and kind.
   */
  addCustomResourceDefinition(crd: unknown): void;
  /**
   * Makes `schemas`, taken out of a CRD for `groupKind` (`group/Kind`) by
   * `customResourceSchemas`, the only ones of that kind, replacing all versions registered
   * before (the same as `addCustomResourceDefinition` of that CRD): learned CRDs (and cached
   * ones) are taught this way, without keeping the whole CRD (descriptions included). `owned`:
   * the schemas may be kept as they are (they hold no slices of a file's text: copied by
   * `detach`, or parsed from JSON); else the validator keeps a copy.
   */
  setCustomResourceSchemas(groupKind: string, schemas: readonly CustomResourceSchema[], owned?: boolean): void;
  /**
   * Validates one Kubernetes object: `node` is its YAML node (from `parseAllDocuments` with
   * `PARSE_OPTIONS`), `value` its decoded data (`doc.toJS()`). Items of `List` kinds are
   * validated one by one against their own kinds.
   */
  validate(node: Node, value: unknown): ValidationResult;
}

/** Kubernetes versions with bundled schemas, newest first. */
export function availableKubernetesVersions(): string[] {
  return listKubernetesVersions();
}

function keyOf(value: Record<string, unknown>): string | undefined {
  const { apiVersion, kind } = value;
  return typeof apiVersion === 'string' && typeof kind === 'string' ? `${apiVersion}/${kind}` : undefined;
}

/**
 * Creates a validator. Built-in kinds run validators precompiled by ajv at build time, each
 * loaded on first use of its kind; ajv itself is loaded only to compile CRDs and JSON Schema
 * files, when a document of theirs is first validated. Asynchronous for API stability.
 * Throws `UnknownKubernetesVersionError` for a version without bundled schemas.
 */
export async function createValidator(options: ValidatorOptions = {}): Promise<Validator> {
  const version = options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
  checkKubernetesVersion(version);
  const dirs = options.schemas ?? readSchemaDirs(options.schemaDirs ?? []);
  const cacheDir = options.cacheDir === undefined ? compiledCacheDir() : options.cacheDir || undefined;
  return Promise.resolve(new KubernetesValidator(version, dirs.crds, dirs.jsonSchemas, cacheDir === undefined ? undefined : new CompiledCache(cacheDir)));
}

class KubernetesValidator implements Validator {
  private builtins: KubernetesSchemas | undefined;
  private readonly compiler: RuntimeCompiler;
  /** Kept whole: a schema may be parsed only when first used (see `CrdStore`). */
  private readonly customSchemas = new Map<string, CustomResourceSchema>();
  /** `group/Kind` -> the `group/version/Kind` keys of its schemas. */
  private readonly customKeys = new Map<string, string[]>();
  private readonly jsonSchemaFiles = new Map<string, JsonSchemaFile>();
  private readonly checks = new Map<string, Check | null>();

  constructor(
    private readonly version: string,
    crds: unknown[],
    jsonSchemas: JsonSchemaFile[],
    private readonly cache: CompiledCache | undefined,
  ) {
    const definitions = (): Readonly<Record<string, JsonObject>> => this.getBuiltins().definitions();
    this.compiler = new RuntimeCompiler(definitions, cache && { store: cache, context: `kubernetes-${version}` });
    for (const file of jsonSchemas) for (const key of file.keys) this.jsonSchemaFiles.set(key, file);
    // Of two CRDs for one kind in the schema directories, the first is used (as in the engine).
    for (const crd of crds) {
      const groupKind = crdKindOf(crd);
      if (groupKind !== undefined && !this.customKeys.has(groupKind)) this.setCustomResourceSchemas(groupKind, customResourceSchemas(crd));
    }
  }

  addCustomResourceDefinition(crd: unknown): void {
    const groupKind = crdKindOf(crd);
    if (groupKind !== undefined) this.setCustomResourceSchemas(groupKind, customResourceSchemas(crd));
  }

  setCustomResourceSchemas(groupKind: string, schemas: readonly CustomResourceSchema[], owned = false): void {
    for (const key of this.customKeys.get(groupKind) ?? []) {
      this.customSchemas.delete(key);
      this.checks.delete(key);
    }
    // Kept for the whole run: copied off the text of the file they came from (see `detach`).
    const own = owned ? schemas : detach(schemas);
    for (const schema of own) {
      this.customSchemas.set(schema.key, schema);
      this.checks.delete(schema.key);
    }
    this.customKeys.set(detach(groupKind), own.map((s) => s.key));
  }

  validate(node: Node, value: unknown): ValidationResult {
    const raw = this.check(value, []);
    if (raw === undefined) return { status: 'no-schema' };
    if (raw.length === 0) return { status: 'valid' };
    const errors = raw.map((error): SchemaError => {
      const range = locateError(node, error);
      return { fieldPath: formatFieldPath(error.path), message: error.message, start: range.start, end: range.end };
    });
    errors.sort((a, b) => a.start - b.start);
    return { status: 'invalid', errors };
  }

  /** Errors for a value at `prefix` (undefined when no schema applies). */
  private check(value: unknown, prefix: PathSegment[]): RawError[] | undefined {
    if (!isRecord(value)) return undefined;
    const key = keyOf(value);
    const check = key === undefined ? undefined : this.lookup(key);
    if (check !== undefined) return check(value).map((e) => ({ ...e, path: [...prefix, ...e.path] }));
    const items = listItems(value);
    if (!items) return undefined;
    // kubectl flattens lists (`kind: List`, `ConfigMapList`, ...) and sends each item on its own.
    let checked = false;
    const errors: RawError[] = [];
    items.forEach((item, i) => {
      const itemErrors = this.check(item, [...prefix, 'items', i]);
      if (itemErrors !== undefined) {
        checked = true;
        errors.push(...itemErrors);
      }
    });
    return checked ? errors : undefined;
  }

  private lookup(key: string): Check | undefined {
    let check = this.checks.get(key);
    if (check === undefined) {
      check = this.build(key);
      this.checks.set(detach(key), check);
    }
    return check ?? undefined;
  }

  private build(key: string): Check | null {
    const custom = this.customSchemas.get(key)?.schema;
    if (custom !== undefined) return ajvCheck(this.compiler.compileKubernetes(custom), this.knownFields(custom));
    const file = this.jsonSchemaFiles.get(key) ?? this.jsonSchemaFiles.get(key.toLowerCase());
    if (file !== undefined) return ajvCheck(this.compiler.compileJsonSchema(file.schema));
    const builtins = this.getBuiltins();
    const definition = builtins.kinds[key];
    if (definition === undefined) return null;
    const root: JsonObject = { $ref: `#/definitions/${definition}` };
    return ajvCheck(loadBuiltinValidator(builtins.dir, key, this.cache), this.knownFields(root));
  }

  private knownFields(root: JsonObject): (path: readonly PathSegment[]) => string[] | undefined {
    return (path) => knownFieldsAt(root, this.getBuiltins().definitions(), path);
  }

  private getBuiltins(): KubernetesSchemas {
    this.builtins ??= loadKubernetesSchemas(this.version);
    return this.builtins;
  }
}
