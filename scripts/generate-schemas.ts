/**
 * Generates the compact Kubernetes JSON Schemas that privreg-fix validates against.
 *
 * Usage: `npm run schemas -- [openapi-v3-dir] [--kubernetes-version 1.35] [--out schemas/kubernetes]`
 * (default input: `../shared/k8s-openapi/v3`, the upstream `api/openapi-spec/v3/*_openapi.json`).
 *
 * Output, in `<out>/<version>/`:
 * - `definitions.json`: every component schema of every group-version, keyed by its full
 *   name, with descriptions, defaults and client-side extensions stripped, and rewritten for
 *   strict validation (see `compactSchema`);
 * - `kinds.json`: `<apiVersion>/<kind>` -> definition name, for every creatable resource kind;
 * - `scopes.json`: `<group>/<Kind>` (core group: `<Kind>`) -> `"Namespaced" | "Cluster"`;
 * - `source.json`: where the schemas came from;
 * - `validators/<apiVersion>_<Kind>.cjs`: one precompiled ajv validator per kind (ajv standalone
 *   code, so nothing is compiled at run time), and `validators/shared.<definition>.cjs` for the
 *   big definitions many kinds use (`ObjectMeta`, `PodSpec`), which the kinds' modules require.
 */
import { readFileSync, readdirSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Ajv, _, type KeywordCxt } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { callRef } from 'ajv/dist/vocabularies/core/ref.js';
import { AjvSchemaPreparer, DEFINITIONS_REF, ROOT_SUFFIX } from '../src/validate/ajv-schema.js';
import { compactSchema, type JsonObject } from '../src/validate/compact-schema.js';
import { FORMATS } from '../src/validate/formats.js';
import { AJV_OPTIONS, SHARED_KEYWORD, validatorFile } from '../src/validate/builtin-validators.js';

interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

interface Operation {
  'x-kubernetes-action'?: string;
  'x-kubernetes-group-version-kind'?: GroupVersionKind;
}

interface OpenApiDocument {
  paths?: Record<string, Record<string, Operation | unknown>>;
  components?: { schemas?: Record<string, JsonObject> };
}

interface Arguments {
  input: string;
  out: string;
  version: string;
}

// CommonJS: the function is both `module.exports` and its `default`.
const standaloneCode = standaloneModule.default;
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

/** Definitions compiled into modules of their own, called by every kind that uses them. */
const SHARED = ['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'io.k8s.api.core.v1.PodSpec'];

/** References to shared definitions -> calls into their modules (`SHARED_KEYWORD`). */
function linkShared(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(linkShared);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    const shared = key === '$ref' && typeof value === 'string' && SHARED.includes(value.slice(DEFINITIONS_REF.length));
    if (shared) out[SHARED_KEYWORD] = value.slice(DEFINITIONS_REF.length);
    else out[key] = key === 'enum' ? value : linkShared(value);
  }
  return out;
}

/** Writes the standalone validator modules; returns their sizes by file name. */
function emitValidators(outDir: string, definitions: Record<string, JsonObject>, kinds: Record<string, string>): Map<string, number> {
  const prepared = new AjvSchemaPreparer(definitions).prepareAll(new Set(Object.values(kinds)));
  const ajv = new Ajv({ ...AJV_OPTIONS, formats: { ...FORMATS }, code: { source: true, optimize: true } });
  const placeholders = new Map<string, () => boolean>();
  ajv.addKeyword({
    keyword: SHARED_KEYWORD,
    schemaType: 'string',
    code(cxt: KeywordCxt) {
      const name = String(cxt.schema);
      const ref = placeholders.get(name) ?? (() => true);
      placeholders.set(name, ref);
      const code = _`require(${`./${validatorFile(`shared.${name}`)}`}).validate`;
      callRef(cxt, cxt.gen.scopeValue('func', { ref, code }), undefined, false);
    },
  });
  ajv.addSchema({ $id: 'k8s', definitions: linkShared(prepared) as JsonObject });
  const dir = join(outDir, 'validators');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sizes = new Map<string, number>();
  const emit = (file: string, ref: string): void => {
    const code = `${standaloneCode(ajv, { validate: `k8s#/definitions/${ref}` })}\n`;
    writeFileSync(join(dir, file), code);
    sizes.set(file, code.length);
  };
  for (const name of SHARED) emit(validatorFile(`shared.${name}`), name);
  for (const [key, name] of Object.entries(kinds)) emit(validatorFile(key), name + ROOT_SUFFIX);
  return sizes;
}

function parseArguments(argv: string[]): Arguments {
  const result: Arguments = { input: '../shared/k8s-openapi/v3', out: 'schemas/kubernetes', version: '1.35' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--kubernetes-version') result.version = argv[++i] ?? result.version;
    else if (arg === '--out') result.out = argv[++i] ?? result.out;
    else if (!arg.startsWith('--')) result.input = arg;
    else throw new Error(`unknown option ${arg}`);
  }
  return result;
}

function apiVersionOf(gvk: GroupVersionKind): string {
  return gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
}

function scopeKeyOf(gvk: GroupVersionKind): string {
  return gvk.group ? `${gvk.group}/${gvk.kind}` : gvk.kind;
}

/** A resource collection path such as `/apis/apps/v1/namespaces/{namespace}/deployments` (no `{name}`). */
function isCollectionPath(path: string): boolean {
  return !path.includes('{name}') && !path.includes('{path}');
}

function isOperation(value: unknown): value is Operation {
  return typeof value === 'object' && value !== null && 'x-kubernetes-group-version-kind' in value;
}

function main(): void {
  const args = parseArguments(process.argv.slice(2));
  const inputDir = resolve(args.input);
  const files = readdirSync(inputDir)
    .filter((f) => f.endsWith('_openapi.json'))
    .sort();
  if (files.length === 0) throw new Error(`no *_openapi.json files in ${inputDir}`);

  const definitions: Record<string, JsonObject> = {};
  const kinds: Record<string, string> = {};
  const scopes: Record<string, 'Namespaced' | 'Cluster'> = {};
  const conflicts: string[] = [];

  for (const file of files) {
    const doc = JSON.parse(readFileSync(join(inputDir, file), 'utf8')) as OpenApiDocument;
    const schemas = doc.components?.schemas ?? {};
    const byGvk = new Map<string, string>();
    for (const [name, schema] of Object.entries(schemas)) {
      const compact =
        name === QUANTITY
          ? { type: ['string', 'number'], format: 'quantity' }
          : compactSchema(schema, { rewriteRef: (ref) => ref.replace('#/components/schemas/', '#/definitions/') });
      const previous = definitions[name];
      if (previous !== undefined && JSON.stringify(previous) !== JSON.stringify(compact)) conflicts.push(`${name} (${file})`);
      definitions[name] ??= compact;
      const gvks = schema['x-kubernetes-group-version-kind'];
      if (Array.isArray(gvks)) {
        for (const gvk of gvks as GroupVersionKind[]) byGvk.set(`${apiVersionOf(gvk)}/${gvk.kind}`, name);
      }
    }
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const [method, op] of Object.entries(item)) {
        if (!isOperation(op) || !isCollectionPath(path)) continue;
        const gvk = op['x-kubernetes-group-version-kind'];
        if (gvk === undefined || gvk.kind.endsWith('List')) continue;
        // Creatable resources (POST to a collection), plus read-only kinds such as ComponentStatus.
        if (method !== 'post' && !(method === 'get' && op['x-kubernetes-action'] === 'list')) continue;
        const key = `${apiVersionOf(gvk)}/${gvk.kind}`;
        const definition = byGvk.get(key);
        if (definition !== undefined) kinds[key] = definition;
        const scope = path.includes('/namespaces/{namespace}/') ? 'Namespaced' : 'Cluster';
        const scopeKey = scopeKeyOf(gvk);
        if (method === 'post' || scopes[scopeKey] === undefined) scopes[scopeKey] = scope;
      }
    }
  }
  if (conflicts.length > 0) console.warn(`definitions differing between files (first kept): ${conflicts.join(', ')}`);

  const outDir = resolve(args.out, args.version);
  mkdirSync(outDir, { recursive: true });
  const sorted = <T>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const write = (name: string, data: unknown, pretty: boolean): number => {
    const text = `${JSON.stringify(data, null, pretty ? 1 : undefined)}\n`;
    writeFileSync(join(outDir, name), text);
    return text.length;
  };
  const sizes = {
    'definitions.json': write('definitions.json', sorted(definitions), false),
    'kinds.json': write('kinds.json', sorted(kinds), true),
    'scopes.json': write('scopes.json', sorted(scopes), true),
    'source.json': write(
      'source.json',
      {
        kubernetesVersion: args.version,
        source: 'kubernetes/kubernetes api/openapi-spec/v3 (release branch of this version)',
        files: files.map((f) => basename(f)),
        generator: 'scripts/generate-schemas.ts',
      },
      true,
    ),
  };
  console.log(
    `${files.length} OpenAPI documents -> ${Object.keys(definitions).length} definitions, ` +
      `${Object.keys(kinds).length} kinds, ${Object.keys(scopes).length} scopes in ${outDir}`,
  );
  for (const [name, size] of Object.entries(sizes)) console.log(`  ${name}: ${(size / 1024).toFixed(1)} KiB`);
  const modules = emitValidators(outDir, definitions, kinds);
  const total = [...modules.values()].reduce((a, b) => a + b, 0);
  const largest = [...modules].sort((a, b) => b[1] - a[1]).slice(0, 3);
  console.log(`  validators/: ${modules.size} modules, ${(total / 1024).toFixed(0)} KiB`);
  for (const [name, size] of largest) console.log(`    ${name}: ${(size / 1024).toFixed(1)} KiB`);
}

main();
