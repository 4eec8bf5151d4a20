import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/catalog.js';
import { configSchemaUrl } from '../../src/config/schema.js';

interface SchemaNode {
  $ref?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: boolean | SchemaNode;
  definitions?: Record<string, SchemaNode>;
}

const schema = JSON.parse(readFileSync(configSchemaUrl(), 'utf8')) as SchemaNode & { $id: string };

function described(node: SchemaNode): boolean {
  if (node.description) return true;
  const ref = node.$ref?.replace('#/definitions/', '');
  return ref !== undefined && Boolean(schema.definitions?.[ref]?.description);
}

/** Every object schema reachable from `node`, with the path leading to it. */
function* objects(node: SchemaNode, path: string): Generator<[string, SchemaNode]> {
  if (node.properties) yield [path, node];
  for (const [k, v] of Object.entries(node.properties ?? {})) yield* objects(v, `${path}.${k}`);
  if (node.items) yield* objects(node.items, `${path}[]`);
}

describe('schemas/config.schema.json', () => {
  it('compiles under strict ajv and has an $id', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    expect(() => ajv.compile(schema)).not.toThrow();
    expect(schema.$id).toMatch(/^https:\/\/.+config\.schema\.json$/);
  });

  it('lists exactly the rule ids of the metas, in their order', () => {
    expect(Object.keys(schema.definitions?.rules?.properties ?? {})).toEqual(RULES.map((r) => r.id));
  });

  it('describes every rule as its meta does (description, default severity, fixable)', () => {
    const properties = schema.definitions?.rules?.properties ?? {};
    for (const meta of RULES) {
      const want = `${meta.description} Default: ${meta.defaultSeverity}.${meta.fixable ? ' Fixable.' : ''}`;
      expect(properties[meta.id]?.description, meta.id).toBe(want);
      expect(properties[meta.id]?.$ref, meta.id).toBe('#/definitions/ruleLevel');
    }
  });

  it('describes every key and closes every object', () => {
    const roots: Array<[string, SchemaNode]> = [['', schema], ...Object.entries(schema.definitions ?? {}).map(([k, v]): [string, SchemaNode] => [`#${k}`, v])];
    for (const [rootPath, root] of roots) {
      for (const [path, obj] of objects(root, rootPath)) {
        expect(obj.additionalProperties, `${path} is closed`).toBe(false);
        for (const [key, prop] of Object.entries(obj.properties ?? {})) {
          if (path.startsWith('#kinds') || path === '#rules') continue;
          expect(described(prop), `${path}.${key} has a description`).toBe(true);
        }
      }
    }
  });
});
