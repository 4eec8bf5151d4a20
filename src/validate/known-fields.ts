/**
 * Finds the fields a schema allows at a path into a value, for the "did you mean" of unknown
 * fields. Only read when an unknown field is reported, so the schema text is loaded only then.
 */
import { isRecord } from '../core/data.js';
import type { JsonObject } from './compact-schema.js';
import type { PathSegment } from './ajv-errors.js';

const REF_PREFIX = '#/definitions/';

function resolve(schema: JsonObject, definitions: Readonly<Record<string, JsonObject>>): JsonObject {
  let current = schema;
  for (let depth = 0; depth < 32 && typeof current.$ref === 'string' && current.properties === undefined; depth++) {
    const target = current.$ref.startsWith(REF_PREFIX) ? definitions[current.$ref.slice(REF_PREFIX.length)] : undefined;
    if (target === undefined) break;
    current = target;
  }
  return current;
}

/** Names of the properties of the object schema reached by `path` from `root` (undefined if none). */
export function knownFieldsAt(
  root: JsonObject,
  definitions: Readonly<Record<string, JsonObject>>,
  path: readonly PathSegment[],
): string[] | undefined {
  let schema: JsonObject | undefined = resolve(root, definitions);
  for (const segment of path) {
    if (schema === undefined) return undefined;
    let next: unknown;
    if (typeof segment === 'number') next = schema.items;
    else next = (isRecord(schema.properties) ? schema.properties[segment] : undefined) ?? schema.additionalProperties;
    schema = isRecord(next) ? resolve(next, definitions) : undefined;
  }
  return schema !== undefined && isRecord(schema.properties) ? Object.keys(schema.properties) : undefined;
}
