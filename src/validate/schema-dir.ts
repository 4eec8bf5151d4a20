/**
 * Reads the user's `--schema-dir` paths, directories or files: CRD manifests (`.yaml`, `.yml`,
 * `.json`) and JSON Schema files for one kind each (`.json`).
 */
import { isRecord, listItems } from '../core/data.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parseDocuments } from '../yaml/documents.js';
import { LineCounter } from '../yaml/nodes.js';
import type { JsonObject } from './compact-schema.js';
import { SchemaPathError } from './errors.js';
import { isCustomResourceDefinition } from './crd.js';

export { SchemaPathError };

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


/** A path for messages: relative to the working directory when below it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') ? rel : path;
}

function reason(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

/** The files a `--schema-dir` path stands for: itself, or the schema files below it, sorted. */
function filesOf(path: string): string[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new SchemaPathError(missing ? `schema path not found: ${shown(path)} (--schema-dir or schemaDirs)` : `cannot read schema path ${shown(path)}: ${reason(e)}`);
  }
  if (!isDirectory) return [path];
  try {
    return listFiles(path);
  } catch (e) {
    throw new SchemaPathError(`cannot read schema path ${shown(path)}: ${reason(e)}`);
  }
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
  if (!isRecord(schema) || !Array.isArray(schema.enum)) return undefined;
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
    return gvks.filter(isRecord).map((g) => `${g.group ? `${String(g.group)}/` : ''}${String(g.version)}/${String(g.kind)}`);
  }
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const apiVersion = firstEnum(properties.apiVersion);
  const kind = firstEnum(properties.kind);
  if (apiVersion !== undefined && kind !== undefined) return [`${apiVersion}/${kind}`];
  const match = /^([A-Za-z0-9]+)_([a-z0-9]+)\.json$/.exec(basename(file));
  if (match) return [`${basename(dirname(file))}/${match[2]}/${match[1]}`.toLowerCase()];
  return [];
}

function readSchemaFile(file: string, contents: SchemaDirContents): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new SchemaPathError(`cannot read schema file ${shown(file)}: ${reason(e)}`);
  }
  if (file.toLowerCase().endsWith('.json')) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new SchemaPathError(`schema file ${shown(file)}: not valid JSON: ${(e as Error).message}`);
    }
    if (isCustomResourceDefinition(data)) contents.crds.push(data);
    else if (isRecord(data)) {
      const keys = jsonSchemaKeys(data, file);
      if (keys.length > 0) contents.jsonSchemas.push({ file, keys, schema: data });
    }
    return;
  }
  const lineCounter = new LineCounter();
  for (const doc of parseDocuments(text, lineCounter)) {
    const error = 'errors' in doc ? doc.errors[0] : undefined;
    if (error) {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      throw new SchemaPathError(`schema file ${shown(file)}:${line}:${col}: not valid YAML: ${error.message.split('\n')[0] ?? ''}`);
    }
    const value: unknown = doc.toJS();
    if (isCustomResourceDefinition(value)) contents.crds.push(value);
    else contents.crds.push(...(listItems(value) ?? []).filter(isCustomResourceDefinition));
  }
}

/**
 * Reads every CRD and JSON Schema file of the given paths, in order: a file is read whatever its
 * name; a directory, for its `.yaml`, `.yml` and `.json` files (sorted, subdirectories
 * included). Throws `SchemaPathError` for a path that is missing or unreadable, or a file that is
 * not valid YAML or JSON.
 */
export function readSchemaDirs(paths: readonly string[]): SchemaDirContents {
  const contents: SchemaDirContents = { crds: [], jsonSchemas: [] };
  for (const path of paths) for (const file of filesOf(path)) readSchemaFile(file, contents);
  return contents;
}
