/**
 * Which CRD a run uses for a kind, and from where: two CRDs for one kind (`duplicate-crd`, the
 * first in path order used for everything), and CRDs given with `--schema-dir` (files and
 * directories) counting like those of the input for scope, pod templates and validation.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, fixFiles, fixText } from '../../src/index.js';
import { KindRegistry } from '../../src/kinds/registry.js';
import { createValidator, SchemaPathError } from '../../src/validate/index.js';
import { parseAllDocuments } from 'yaml';
import { PARSE_OPTIONS } from '../../src/yaml/options.js';
import { WIDGET, widgetCrd } from '../fixtures-support/crds.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'privreg-crd-sources-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const OPTIONS = { namespace: 'shop', pullSecrets: ['regcred'] };

describe('KindRegistry: one CRD per kind', () => {
  it('uses the CRD of lowest rank whatever the order learned, never a mix', () => {
    const kinds = new KindRegistry();
    expect(kinds.addCrdKind({ kind: 'example.com/Widget', scope: 'Cluster', podSpecPaths: ['spec.b'] }, { rank: [0, 2, 0], file: 'b.yaml', documentIndex: 0, line: 8 })).toBe(true);
    expect(kinds.addCrdKind({ kind: 'example.com/Widget', scope: 'Namespaced', podSpecPaths: ['spec.a'] }, { rank: [0, 1, 3], file: 'a.yaml', documentIndex: 3, line: 40 })).toBe(true);
    expect(kinds.addCrdKind({ kind: 'example.com/Widget', scope: 'Cluster', podSpecPaths: ['spec.s'] }, { rank: [1, 0] })).toBe(false);
    expect(kinds.lookup('example.com/v1', 'Widget')).toMatchObject({ scope: 'Namespaced', podSpecPaths: ['spec.a'], source: 'crd' });
    expect(kinds.crdSource('example.com/Widget')).toMatchObject({ file: 'a.yaml', line: 40 });
  });

  it('keeps the first of two CRDs learned without a rank', () => {
    const kinds = new KindRegistry();
    kinds.addCrdKind({ kind: 'example.com/Widget', scope: 'Namespaced' });
    kinds.addCrdKind({ kind: 'example.com/Widget', scope: 'Cluster', podSpecPaths: ['spec'] });
    expect(kinds.lookup('example.com/v1', 'Widget')).toMatchObject({ scope: 'Namespaced', podSpecPaths: [], source: 'crd' });
  });
});

describe('validator: a CRD replaces every version of its kind', () => {
  it('drops the versions the new CRD does not have', async () => {
    const validator = await createValidator({ cacheDir: false });
    const crd = (versions: string[], type: string): unknown => ({
      apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.com' },
      spec: { group: 'example.com', scope: 'Namespaced', names: { kind: 'Widget', plural: 'widgets' },
        versions: versions.map((name) => ({ name, served: true, storage: name === 'v1', schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type } } } } } } })) },
    });
    const status = (apiVersion: string): string => {
      const [d] = parseAllDocuments(`apiVersion: ${apiVersion}\nkind: Widget\nmetadata: {name: w}\nspec: {size: 3}\n`, PARSE_OPTIONS);
      if (d === undefined || !('contents' in d) || d.contents === null) throw new Error('no document');
      return validator.validate(d.contents, d.toJS()).status;
    };
    validator.addCustomResourceDefinition(crd(['v1', 'v2'], 'string'));
    expect(status('example.com/v2')).toBe('invalid');
    validator.addCustomResourceDefinition(crd(['v1'], 'integer'));
    expect(status('example.com/v1')).toBe('valid');
    expect(status('example.com/v2')).toBe('no-schema');
  });
});

describe('createValidator with schemaDirs', () => {
  it('reads a CRD file as well as a directory, and uses the first CRD of a kind', async () => {
    const dir = tree({ 'one.yaml': widgetCrd(), 'more/two.yaml': widgetCrd({ plural: 'widgetz', type: 'string' }) });
    const [d] = parseAllDocuments('apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: big}\n', PARSE_OPTIONS);
    if (d === undefined || !('contents' in d) || d.contents === null) throw new Error('no document');
    const first = await createValidator({ cacheDir: false, schemaDirs: [path.join(dir, 'one.yaml'), path.join(dir, 'more')] });
    expect(first.validate(d.contents, d.toJS())).toMatchObject({ status: 'invalid', errors: [{ fieldPath: 'spec.size' }] });
    const second = await createValidator({ cacheDir: false, schemaDirs: [path.join(dir, 'more'), path.join(dir, 'one.yaml')] });
    expect(second.validate(d.contents, d.toJS()).status).toBe('valid');
  });
});

describe('duplicate-crd', () => {
  it('reports the second CRD at its kind, naming the first, and uses the first for scope and schema', async () => {
    const dir = tree({
      'crds/a.yaml': widgetCrd(),
      'crds/b.yaml': widgetCrd({ plural: 'widgetz', scope: 'Cluster', field: 'colour', type: 'string' }),
      'app/widget.yaml': WIDGET,
    });
    const { results } = await check('.', { ...OPTIONS, cwd: dir });
    const byPath = Object.fromEntries(results.map((r) => [r.path, r.findings]));
    expect(byPath['crds/a.yaml']).toEqual([]);
    expect(byPath['crds/b.yaml']).toEqual([
      expect.objectContaining({
        ruleId: 'duplicate-crd', severity: 'warning', startPos: { line: 8, column: 17 },
        message: 'CustomResourceDefinition for example.com/Widget defined twice: the one at crds/a.yaml:8 comes first and is used (scope, pod templates, validation); this different one is ignored. Keep only one',
      }),
    ]);
    // Scope (Namespaced) and schema (size: integer, no colour) both come from crds/a.yaml.
    expect(byPath['app/widget.yaml']?.map((f) => f.ruleId).sort()).toEqual(['missing-namespace', 'missing-pull-secret']);
  });

  it('says when the second is an identical copy, and works inside one file', async () => {
    const { findings } = await fixText(`${widgetCrd()}---\n${widgetCrd()}`, { ...OPTIONS, path: 'crds.yaml' });
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'duplicate-crd', startPos: { line: 37, column: 17 }, message: expect.stringMatching(/the one at crds\.yaml:8 comes first .* this identical copy is ignored\. Remove it$/) }),
    ]);
  });

  it('can be turned off, per object or in the rules', async () => {
    const second = widgetCrd({ plural: 'widgetz' }).replace('metadata:\n', 'metadata:\n  annotations: {privreg-fix.io/ignore: duplicate-crd}\n');
    expect((await fixText(`${widgetCrd()}---\n${second}`, OPTIONS)).findings).toEqual([]);
    expect((await fixText(`${widgetCrd()}---\n${widgetCrd()}`, { ...OPTIONS, rules: { 'duplicate-crd': 'off' } })).findings).toEqual([]);
  });
});

describe('--schema-dir CRDs count like CRDs of the input', () => {
  it('gives scope and pod templates from a CRD file given with schemaDirs, with and without validation', async () => {
    const dir = tree({ 'schemas/widget-crd.yaml': widgetCrd(), 'app/widget.yaml': WIDGET });
    for (const validate of [true, false]) {
      const run = await fixFiles('app', { ...OPTIONS, cwd: dir, schemaDirs: ['schemas/widget-crd.yaml'], validate });
      const output = run.files[0]?.output ?? '';
      expect(output).toContain('  namespace: shop\n');
      expect(output).toContain('      imagePullSecrets:\n        - name: regcred\n');
    }
  });

  it('validates with it, and the input CRD wins over a --schema-dir one for the same kind', async () => {
    const dir = tree({
      'schemas/widget-crd.yaml': widgetCrd({ scope: 'Cluster', field: 'size', type: 'string' }),
      'app/widget.yaml': WIDGET.replace('size: 3', 'size: three'),
    });
    const fromDir = await check('app', { ...OPTIONS, cwd: dir, schemaDirs: ['schemas'] });
    // Cluster-scoped there: no namespace; size is a string there: valid.
    expect(fromDir.results[0]?.findings.map((f) => f.ruleId)).toEqual(['missing-pull-secret']);
    writeFileSync(path.join(dir, 'app/crd.yaml'), widgetCrd());
    const both = await check('app', { ...OPTIONS, cwd: dir, schemaDirs: ['schemas'] });
    const widget = both.results.find((r) => r.path === 'app/widget.yaml');
    expect(widget?.findings.map((f) => f.ruleId).sort()).toEqual(['missing-namespace', 'missing-pull-secret', 'schema']);
    expect(both.results.flatMap((r) => r.findings).some((f) => f.ruleId === 'duplicate-crd')).toBe(false);
  });

  it('refuses a missing path or a schema file that does not parse', async () => {
    const dir = tree({ 'app/widget.yaml': WIDGET, 'bad/crd.yaml': 'kind: [\n', 'bad.json': '{"type": ' });
    await expect(check('app', { cwd: dir, schemaDirs: ['nope'] })).rejects.toThrow(SchemaPathError);
    await expect(check('app', { cwd: dir, schemaDirs: ['nope'] })).rejects.toThrow(/^schema path not found: .*nope \(--schema-dir or schemaDirs\)$/);
    await expect(check('app', { cwd: dir, schemaDirs: ['bad'] })).rejects.toThrow(/^schema file .*crd\.yaml:2:1: not valid YAML: /);
    await expect(check('app', { cwd: dir, schemaDirs: ['bad.json'] })).rejects.toThrow(/^schema file .*bad\.json: not valid JSON: /);
  });
});
