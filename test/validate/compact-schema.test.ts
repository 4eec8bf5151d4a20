import { describe, expect, it } from 'vitest';
import { compactSchema, type JsonObject } from '../../src/validate/compact-schema.js';

const structural = { structural: true };
const item = (schema: JsonObject): JsonObject => schema.items as JsonObject;
const property = (schema: JsonObject, name: string): JsonObject => (schema.properties as JsonObject)[name] as JsonObject;

describe('compactSchema, structural (CRD) semantics', () => {
  it('closes object schemas that do not preserve unknown fields', () => {
    const out = compactSchema({ type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } }, structural);
    expect(item(out).additionalProperties).toBe(false);
  });

  it('keeps unknown fields of the items of an array with x-kubernetes-preserve-unknown-fields', () => {
    const out = compactSchema(
      {
        type: 'array',
        'x-kubernetes-preserve-unknown-fields': true,
        items: { type: 'object', properties: { name: { type: 'string' }, inner: { type: 'object', properties: { a: { type: 'string' } } } } },
      },
      structural,
    );
    expect(item(out).additionalProperties).toBeUndefined();
    expect(item(out)['x-kubernetes-preserve-unknown-fields']).toBe(true);
    // Declared properties of the items are pruned (checked) as usual.
    expect(property(item(out), 'inner').additionalProperties).toBe(false);
    expect(property(item(out), 'inner')['x-kubernetes-preserve-unknown-fields']).toBeUndefined();
  });

  it('keeps unknown fields through nested arrays, and in items without properties', () => {
    const nested = compactSchema(
      { type: 'array', 'x-kubernetes-preserve-unknown-fields': true, items: { type: 'array', items: { type: 'object', properties: { a: { type: 'string' } } } } },
      structural,
    );
    expect(item(item(nested)).additionalProperties).toBeUndefined();
    const bare = compactSchema({ type: 'array', 'x-kubernetes-preserve-unknown-fields': true, items: { type: 'object' } }, structural);
    expect(item(bare).additionalProperties).toBeUndefined();
  });

  it('does not carry preservation into properties or map values of a preserving object', () => {
    const out = compactSchema(
      {
        type: 'object',
        'x-kubernetes-preserve-unknown-fields': true,
        properties: { list: { type: 'array', items: { type: 'object', properties: { a: { type: 'string' } } } } },
      },
      structural,
    );
    expect(out.additionalProperties).toBeUndefined();
    expect(item(property(out, 'list')).additionalProperties).toBe(false);
  });

  it('keeps embedded resources open at item level under a preserving array, with their TypeMeta required', () => {
    const out = compactSchema(
      { type: 'array', 'x-kubernetes-preserve-unknown-fields': true, items: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object' } } } },
      structural,
    );
    expect(item(out).additionalProperties).toBeUndefined();
    expect(item(out).required).toEqual(['apiVersion', 'kind']);
  });
});
