import { describe, expect, it } from 'vitest';
import { stripNulls } from '../../src/validate/ajv-adapter.js';
import { createValidator } from '../../src/validate/index.js';
import { documentToJS } from '../../src/yaml/data.js';
import { parseManifest } from '../../src/yaml/parse.js';

describe('stripNulls', () => {
  it('makes null fields undefined, keeps nulls in lists, and copies without changing the value', () => {
    const value = { a: null, b: [null, { c: null, d: 1 }], e: { f: 'x' } };
    const copy = stripNulls(value) as Record<string, unknown>;
    expect(copy).toStrictEqual({ a: undefined, b: [null, { c: undefined, d: 1 }], e: { f: 'x' } });
    expect(Object.keys(copy)).toEqual(['a', 'b', 'e']);
    expect(copy.e).not.toBe(value.e);
    expect(value).toStrictEqual({ a: null, b: [null, { c: null, d: 1 }], e: { f: 'x' } });
  });

  it('keeps an own __proto__ key a key, and the copy a plain object', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "n": null}') as Record<string, unknown>;
    const copy = stripNulls(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'n']);
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toStrictEqual({ polluted: true });
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('a __proto__ field', () => {
  it('is an unknown field of a built-in kind, as the API server finds it', async () => {
    const validator = await createValidator({ cacheDir: false });
    const file = parseManifest('x.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  __proto__: x\n');
    const doc = file.docs[0];
    if (!doc) throw new Error('one document');
    const result = validator.validate(doc.contents as never, documentToJS(doc));
    expect(result).toMatchObject({ status: 'invalid', errors: [{ fieldPath: 'metadata.__proto__', message: 'unknown field "__proto__"' }] });
  });
});
