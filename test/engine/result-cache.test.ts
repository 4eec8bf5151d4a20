import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KUBERNETES_VERSION, type RunSettings } from '../../src/core/options.js';
import { InputIndex } from '../../src/rules/input-index.js';
import { defaultFixOptions, type FixOptions } from '../../src/core/options.js';
import { ResultCache } from '../../src/run/result-cache.js';
import type { CacheContext } from '../../src/run/cache-keys.js';
import { resultOfEntry } from '../../src/run/cache-file.js';
import { readSchemaDirs } from '../../src/validate/schema-dir.js';
import type { FileResult } from '../../src/core/types.js';
import type { DiscoveredFile } from '../../src/io/discover.js';

const settings = (over: Partial<RunSettings> = {}): RunSettings => ({ kubernetesVersion: DEFAULT_KUBERNETES_VERSION, schemaDirs: [], validate: true, strictKinds: false, ...over });
const context = (over: Partial<CacheContext> = {}): CacheContext => ({ build: '1.0.0|build-a', settings: settings(), readSchemaDirs, ...over });

const dir = (): string => mkdtempSync(path.join(tmpdir(), 'privreg-fix-rc-'));
const fileAt = (root: string, name: string): DiscoveredFile => ({ absolute: path.join(root, name), display: name } as DiscoveredFile);

const TEXT = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';

interface Run { text?: string; crd?: string; options?: FixOptions; mode?: 'check' | 'diff' | 'write'; context?: CacheContext; index?: (i: InputIndex) => void }

/** The key the file `a.yaml` gets in a run with the given inputs. */
function keyIn(root: string, run: Run = {}): string | undefined {
  const cache = new ResultCache(path.join(root, 'cache.json'), run.context ?? context());
  const file = fileAt(root, 'a.yaml');
  cache.noteText(file, run.text ?? TEXT, false);
  if (run.crd !== undefined) cache.noteText(fileAt(root, 'crd.yaml'), run.crd, true);
  const index = new InputIndex();
  run.index?.(index);
  cache.seal(index.toData());
  return cache.keyOf(file, run.options ?? defaultFixOptions(), run.mode ?? 'check');
}

function result(file: DiscoveredFile, source: string, output = source): FileResult {
  const edits = output === source ? undefined : [{ start: source.length, end: source.length, text: output.slice(source.length) }];
  return { path: file.display, absolutePath: file.absolute, source, output, skipped: false, findings: [], ...(edits && { edits }) };
}

describe('result cache keys', () => {
  it('change with everything a result depends on, and only with that', () => {
    const root = dir();
    const base = keyIn(root);
    expect(base).toBeDefined();
    expect(keyIn(root)).toBe(base);
    const variants: Run[] = [
      { text: `${TEXT}data: {}\n` },
      { options: { ...defaultFixOptions(), namespace: 'shop' } },
      { options: { ...defaultFixOptions(), rules: { 'missing-namespace': 'off' } } },
      { mode: 'diff' },
      { context: context({ build: '1.0.0|build-b' }) },
      { context: context({ build: '1.0.1|build-a' }) },
      { context: context({ settings: settings({ validate: false }) }) },
      { context: context({ settings: settings({ strictKinds: true }) }) },
      { crd: 'kind: CustomResourceDefinition\n' },
      { index: (i) => i.serviceAccounts.add('shop/builder') },
      { index: (i) => i.registrySecrets.set('regcred', new Set(['shop'])) },
    ];
    const keys = variants.map((v) => keyIn(root, v));
    expect(new Set([base, ...keys]).size).toBe(variants.length + 1);
    // diff and write mode compute the same result.
    expect(keyIn(root, { mode: 'write' })).toBe(keyIn(root, { mode: 'diff' }));
    // Editing a CRD file changes every key.
    expect(keyIn(root, { crd: 'kind: CustomResourceDefinition\nscope: Cluster\n' })).not.toBe(keyIn(root, { crd: 'kind: CustomResourceDefinition\n' }));
  });

  it('depend on the contents of --schema-dir', () => {
    const root = dir();
    const schemas = dir();
    const crd = (scope: string): string => `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec:\n  group: example.com\n  scope: ${scope}\n  names: {kind: Widget, plural: widgets}\n  versions: []\n`;
    writeFileSync(path.join(schemas, 'crd.yaml'), crd('Namespaced'));
    const withDir = context({ settings: settings({ schemaDirs: [schemas] }) });
    const before = keyIn(root, { context: withDir });
    writeFileSync(path.join(schemas, 'crd.yaml'), crd('Cluster'));
    expect(keyIn(root, { context: withDir })).not.toBe(before);
  });
});

describe('result cache store', () => {
  it('gives back a stored result in a later run, with its output rebuilt from the edits', () => {
    const root = dir();
    const file = fileAt(root, 'a.yaml');
    const first = new ResultCache(path.join(root, 'cache.json'), context());
    first.noteText(file, TEXT, false);
    first.seal(new InputIndex().toData());
    expect(first.lookup(file, defaultFixOptions(), 'diff')).toBeUndefined();
    first.store(file, result(file, TEXT, `${TEXT}  namespace: x\n`));
    first.save();
    const second = new ResultCache(path.join(root, 'cache.json'), context());
    second.noteText(file, TEXT, false);
    second.seal(new InputIndex().toData());
    const entry = second.lookup(file, defaultFixOptions(), 'diff');
    expect(entry?.edits).toHaveLength(1);
    expect(entry?.output).toBeUndefined();
    const back = resultOfEntry(file, entry!, TEXT);
    expect(back.output).toBe(`${TEXT}  namespace: x\n`);
    expect(resultOfEntry(file, entry!, undefined).changed).toBe(true);
    // In write mode a file that needs a change is processed (and written) instead.
    expect(second.lookup(file, defaultFixOptions(), 'write')).toBeUndefined();
    // Another text is another key.
    const third = new ResultCache(path.join(root, 'cache.json'), context());
    third.noteText(file, `${TEXT}# edited\n`, false);
    third.seal(new InputIndex().toData());
    expect(third.lookup(file, defaultFixOptions(), 'diff')).toBeUndefined();
  });

  it('never stores a file that may hold registry credentials, or a failed one', () => {
    const root = dir();
    const file = fileAt(root, 'a.yaml');
    const secret = 'kind: Secret\ntype: kubernetes.io/dockerconfigjson\n';
    const cache = new ResultCache(path.join(root, 'cache.json'), context());
    cache.noteText(file, secret, false);
    cache.seal(new InputIndex().toData());
    cache.lookup(file, defaultFixOptions(), 'check');
    cache.store(file, result(file, secret));
    cache.store(file, { ...result(file, secret), findings: [{ ruleId: 'read-error', severity: 'error', message: 'x', start: 0, end: 0, startPos: { line: 1, column: 1 }, endPos: { line: 1, column: 1 } }] });
    cache.save();
    // Nothing to keep: no cache file is written.
    expect(existsSync(path.join(root, 'cache.json'))).toBe(false);
  });

  it('ignores a cache file others can write, and a foreign one', () => {
    const root = dir();
    const file = fileAt(root, 'a.yaml');
    const fill = (): void => {
      const c = new ResultCache(path.join(root, 'cache.json'), context());
      c.noteText(file, TEXT, false);
      c.seal(new InputIndex().toData());
      c.lookup(file, defaultFixOptions(), 'check');
      c.store(file, result(file, TEXT));
      c.save();
    };
    const hits = (): boolean => {
      const c = new ResultCache(path.join(root, 'cache.json'), context());
      c.noteText(file, TEXT, false);
      c.seal(new InputIndex().toData());
      return c.lookup(file, defaultFixOptions(), 'check') !== undefined;
    };
    fill();
    expect(hits()).toBe(true);
    if (process.platform !== 'win32') {
      chmodSync(path.join(root, 'cache.json'), 0o666);
      expect(hits()).toBe(false);
      chmodSync(path.join(root, 'cache.json'), 0o600);
    }
    // The header line names the format; of another, the file is no cache.
    const [header, ...entries] = readFileSync(path.join(root, 'cache.json'), 'utf8').split('\n');
    const foreign = JSON.stringify({ ...(JSON.parse(header as string) as object), format: 'something else' });
    writeFileSync(path.join(root, 'cache.json'), [foreign, ...entries].join('\n'), { mode: 0o600 });
    expect(hits()).toBe(false);
  });
});
