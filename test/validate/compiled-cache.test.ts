import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CompiledCache, compiledCacheDir } from '../../src/validate/compiled-cache.js';
import { createValidator, type ValidationResult } from '../../src/validate/index.js';
import { PARSE_OPTIONS } from '../../src/yaml/options.js';
import { tempDir } from '../e2e/cli.js';

const CRD = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    names: { kind: 'Widget', plural: 'widgets' },
    scope: 'Namespaced',
    versions: [{
      name: 'v1', served: true, storage: true,
      schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', required: ['size'], properties: { size: { type: 'integer', minimum: 1 }, color: { type: 'string', enum: ['red', 'blue'] } } } } } },
    }],
  },
};
const WIDGET = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  labelz: {}\nspec:\n  size: 0\n  color: green\n';

async function validateWidget(cacheDir: string | false): Promise<ValidationResult> {
  const validator = await createValidator({ cacheDir });
  validator.addCustomResourceDefinition(CRD);
  const doc = parseDocument(WIDGET, PARSE_OPTIONS);
  return validator.validate(doc.contents as never, doc.toJS());
}

/** The stored validators (each may have V8's code cache of it beside it, `.v8`). */
const entries = (dir: string): string[] => readdirSync(path.join(dir, 'validators')).filter((f) => f.endsWith('.cjs'));

describe('cache of compiled CRD validators', () => {
  it('stores a validator once and gives the same errors from it as from compiling', async () => {
    const dir = tempDir();
    const fresh = await validateWidget(false);
    expect(fresh.status).toBe('invalid');
    expect(await validateWidget(dir)).toEqual(fresh);
    expect(entries(dir)).toHaveLength(1);
    expect(await validateWidget(dir)).toEqual(fresh);
    expect(entries(dir)).toHaveLength(1);
  });

  it('really runs the stored code, and compiles again when it is unreadable', async () => {
    const dir = tempDir();
    await validateWidget(dir);
    const file = path.join(dir, 'validators', entries(dir)[0] as string);
    // Stand-in code that accepts everything: the next validator must use it.
    writeFileSync(file, 'module.exports = function validate() { return true; };');
    expect((await validateWidget(dir)).status).toBe('valid');
    writeFileSync(file, 'this is not JavaScript {');
    expect(await validateWidget(dir)).toEqual(await validateWidget(false));
  });

  it('is found from the environment and can be turned off', () => {
    expect(compiledCacheDir({ PRIVREG_FIX_CACHE_DIR: 'off' })).toBeUndefined();
    expect(compiledCacheDir({ PRIVREG_FIX_CACHE_DIR: '' })).toBeUndefined();
    expect(compiledCacheDir({ PRIVREG_FIX_CACHE_DIR: '/x/y' })).toBe(path.resolve('/x/y'));
    expect(compiledCacheDir({ XDG_CACHE_HOME: '/c' })).toBe(path.join('/c', 'privreg-fix'));
    expect(compiledCacheDir({})).toMatch(/\.cache[/\\]privreg-fix$/);
  });
});

describe('V8 code cache of the stored validators', () => {
  it('is made on the first load of a stored validator, private, and used or made again after', async () => {
    const dir = tempDir();
    const fresh = await validateWidget(false);
    await validateWidget(dir);
    const v8 = (): string[] => readdirSync(path.join(dir, 'validators')).filter((f) => f.endsWith('.v8'));
    // Compiled by ajv in this run: no code cache yet.
    expect(v8()).toEqual([]);
    expect(await validateWidget(dir)).toEqual(fresh);
    expect(v8()).toHaveLength(1);
    const file = path.join(dir, 'validators', v8()[0] as string);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
    const made = readFileSync(file);
    expect(await validateWidget(dir)).toEqual(fresh);
    expect(readFileSync(file).equals(made)).toBe(true);
    // A damaged cache changes nothing (that it is made again shows across processes only, as V8
    // reuses its compilation within one: test/e2e/compiled-cache.test.ts).
    writeFileSync(file, Buffer.concat([made.subarray(0, 32), Buffer.from('not a code cache')]), { mode: 0o600 });
    expect(await validateWidget(dir)).toEqual(fresh);
  });

  it('is not used for code other than the one it was made from, even of the same length', async () => {
    const dir = tempDir();
    await validateWidget(dir);
    await validateWidget(dir);
    const code = path.join(dir, 'validators', entries(dir)[0] as string);
    const text = readFileSync(code, 'utf8');
    // Same length, other code: accepts everything.
    const standIn = 'module.exports = function validate() { return true; };';
    writeFileSync(code, standIn + ' '.repeat(text.length - standIn.length), { mode: 0o600 });
    expect((await validateWidget(dir)).status).toBe('valid');
  });
});

describe('built-in validator modules through the cache', () => {
  it('run with what they require beside them, once each, with a code cache of each', () => {
    const pkg = tempDir();
    mkdirSync(path.join(pkg, 'validators'));
    writeFileSync(path.join(pkg, 'validators', 'kind.cjs'), '"use strict";const s = require("./shared.cjs");exports.validate = (d) => s.ok(d) && __filename.endsWith("kind.cjs");');
    writeFileSync(path.join(pkg, 'validators', 'shared.cjs'), '"use strict";globalThis.__sharedRuns = (globalThis.__sharedRuns ?? 0) + 1;exports.ok = (d) => d === 1;');
    const cache = tempDir();
    const first = new CompiledCache(cache);
    const kind = first.loadBuiltin(path.join(pkg, 'validators', 'kind.cjs')) as { validate: (d: unknown) => boolean };
    expect(kind.validate(1)).toBe(true);
    expect(kind.validate(2)).toBe(false);
    expect(first.loadBuiltin(path.join(pkg, 'validators', 'shared.cjs'))).toBe(first.loadBuiltin(path.join(pkg, 'validators', 'shared.cjs')));
    expect((globalThis as { __sharedRuns?: number }).__sharedRuns).toBe(1);
    const made = readdirSync(path.join(cache, 'code')).sort();
    expect(made).toHaveLength(2);
    expect(made[0]).toMatch(/^kind\.cjs\.[0-9a-f]{8}\.v8$/);
    for (const f of made) if (process.platform !== 'win32') expect(statSync(path.join(cache, 'code', f)).mode & 0o077).toBe(0);
  });

  it('never runs the code cache of a module file that changed, even to a text of the same length', () => {
    const pkg = tempDir();
    const file = path.join(pkg, 'kind.cjs');
    writeFileSync(file, 'exports.validate = () => "one";');
    const cache = tempDir();
    expect((new CompiledCache(cache).loadBuiltin(file) as { validate: () => string }).validate()).toBe('one');
    // Past the file system's clock tick (a few ms on Linux), as a reinstall always is.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
    writeFileSync(file, 'exports.validate = () => "two";');
    expect((new CompiledCache(cache).loadBuiltin(file) as { validate: () => string }).validate()).toBe('two');
  });

  it('give the findings Node\'s require gives', async () => {
    const cache = tempDir();
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: many\n  selector: {}\n  template:\n    spec:\n      containers:\n      - name: c\n        image: nginx\n        ports: [{containerPort: http}]\n';
    const results = [];
    for (const cacheDir of [false, cache, cache] as const) {
      const validator = await createValidator({ cacheDir });
      const doc = parseDocument(text, PARSE_OPTIONS);
      results.push(validator.validate(doc.contents as never, doc.toJS()));
    }
    expect(results[0]?.status).toBe('invalid');
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expect(readdirSync(path.join(cache, 'code')).some((f) => f.startsWith('apps_v1_Deployment.cjs.'))).toBe(true);
  });
});

describe('cache entries are code', () => {
  it('are private to the user, and one that others may change is not loaded', async () => {
    const dir = tempDir();
    await validateWidget(dir);
    const file = path.join(dir, 'validators', entries(dir)[0] as string);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
    writeFileSync(file, 'module.exports = function validate() { return true; };');
    chmodSync(file, 0o666);
    // Group- or world-writable: not run; the validator is compiled again.
    if (process.platform !== 'win32') expect((await validateWidget(dir)).status).toBe('invalid');
  });
});
