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
 * - `source.json`: where the schemas came from.
 */
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { compactSchema, type JsonObject } from '../src/validate/compact-schema.js';

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

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

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
}

main();
