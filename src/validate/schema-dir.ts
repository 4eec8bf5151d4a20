/**
 * Reads the user's `--schema-dir` directories: CRD manifests (`.yaml`, `.yml`, `.json`) and
 * JSON Schema files for one kind each (`.json`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { PARSE_OPTIONS } from '../manifest/yaml-options.js';
import type { JsonObject } from './compact-schema.js';
import { isCustomResourceDefinition } from './crd.js';

/** A JSON Schema file and the `<apiVersion>/<kind>` keys it validates. */
export interface JsonSchemaFile {
  file: string;
  keys: string[];
  schema: JsonObject;
}

/** What a set of schema directories holds. */
export interface SchemaDirContents {
  crds: unknown[];
  jsonSchemas: JsonSchemaFile[];
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (/\.(ya?ml|json)$/i.test(entry.name)) out.push(path);
  }
  return out.sort();
}

function firstEnum(schema: unknown): string | undefined {
  if (!isObject(schema) || !Array.isArray(schema.enum)) return undefined;
  const first: unknown = schema.enum[0];
  return typeof first === 'string' ? first : undefined;
}

/**
 * The kinds a JSON Schema file is for: its `x-kubernetes-group-version-kind`, else the single
 * `apiVersion`/`kind` enum values of its properties, else a CRDs-catalog style path
 * `<group>/<kind>_<version>.json` (kind matched without case).
 */
export function jsonSchemaKeys(schema: JsonObject, file: string): string[] {
  const gvks = schema['x-kubernetes-group-version-kind'];
  if (Array.isArray(gvks)) {
    return gvks.filter(isObject).map((g) => `${g.group ? `${String(g.group)}/` : ''}${String(g.version)}/${String(g.kind)}`);
  }
  const properties = isObject(schema.properties) ? schema.properties : {};
  const apiVersion = firstEnum(properties.apiVersion);
  const kind = firstEnum(properties.kind);
  if (apiVersion !== undefined && kind !== undefined) return [`${apiVersion}/${kind}`];
  const match = /^([A-Za-z0-9]+)_([a-z0-9]+)\.json$/.exec(basename(file));
  if (match) return [`${basename(dirname(file))}/${match[2]}/${match[1]}`.toLowerCase()];
  return [];
}

/** Reads every CRD and JSON Schema file below the given directories. */
export function readSchemaDirs(dirs: readonly string[]): SchemaDirContents {
  const contents: SchemaDirContents = { crds: [], jsonSchemas: [] };
  for (const dir of dirs) {
    for (const file of listFiles(dir)) {
      const text = readFileSync(file, 'utf8');
      if (file.toLowerCase().endsWith('.json')) {
        const data: unknown = JSON.parse(text);
        if (isCustomResourceDefinition(data)) contents.crds.push(data);
        else if (isObject(data)) {
          const keys = jsonSchemaKeys(data, file);
          if (keys.length > 0) contents.jsonSchemas.push({ file, keys, schema: data });
        }
        continue;
      }
      for (const doc of parseAllDocuments(text, PARSE_OPTIONS)) {
        if (!('errors' in doc) || doc.errors.length > 0) continue;
        const value: unknown = doc.toJS();
        if (isCustomResourceDefinition(value)) contents.crds.push(value);
        else if (isObject(value) && value.kind === 'List' && Array.isArray(value.items))
          contents.crds.push(...value.items.filter(isCustomResourceDefinition));
      }
    }
  }
  return contents;
}
