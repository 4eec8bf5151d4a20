/**
 * CRDs from `--schema-dir` (files and directories, and the config's `schemaDirs`), two CRDs for
 * one kind (`duplicate-crd`) and array-level `x-kubernetes-preserve-unknown-fields`, through the
 * built CLI, on one thread and with worker threads.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WIDGET, widgetCrd } from '../fixtures-support/crds.js';
import { runCli, tempTree } from './cli.js';

const tree = tempTree;

const FLAGS = ['-n', 'shop', '-s', 'regcred', '--no-config'];

describe('--schema-dir with a CRD file', () => {
  it('gives a custom resource whose CRD is only there its namespace and pull secret', () => {
    const dir = tree({ 'schemas/widget-crd.yaml': widgetCrd(), 'app/widget.yaml': WIDGET });
    const before = runCli(['--check', ...FLAGS, '--schema-dir', 'schemas/widget-crd.yaml', 'app'], { cwd: dir });
    expect(before.code).toBe(1);
    expect(before.stdout).toContain('missing-namespace');
    expect(before.stdout).toContain('missing-pull-secret');
    expect(before.stdout).not.toContain('unknown-kind');
    expect(before.stdout).not.toContain('not-validated');
    const write = runCli(['--write', ...FLAGS, '--schema-dir', 'schemas/widget-crd.yaml', 'app'], { cwd: dir });
    expect(write.code).toBe(0);
    expect(readFileSync(path.join(dir, 'app/widget.yaml'), 'utf8')).toBe(WIDGET
      .replace('  name: w\n', '  name: w\n  namespace: shop\n')
      .replace('          image: nginx\n', '          image: nginx\n      imagePullSecrets:\n        - name: regcred\n'));
    const after = runCli(['--check', ...FLAGS, '--schema-dir', 'schemas/widget-crd.yaml', 'app'], { cwd: dir });
    expect(after.code).toBe(0);
  });

  it('reads schemaDirs of the config (files and directories) the same way, with --no-validate too', () => {
    const dir = tree({
      'schemas/widget-crd.yaml': widgetCrd(),
      'more/gadget.yaml': widgetCrd({ plural: 'gadgets' }).replace(/Widget/g, 'Gadget'),
      'app/widget.yaml': WIDGET,
      'app/gadget.yaml': WIDGET.replace('kind: Widget', 'kind: Gadget'),
      '.privreg-fix.yaml': 'namespace: shop\npullSecrets: [regcred]\nschemaDirs: [schemas/widget-crd.yaml, more]\n',
    });
    for (const extra of [[], ['--no-validate']]) {
      const r = runCli(['--check', ...extra, 'app'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stdout.match(/missing-namespace/g)).toHaveLength(2);
      expect(r.stdout.match(/missing-pull-secret/g)).toHaveLength(2);
    }
  });

  it('a missing schema path is a usage error naming it', () => {
    const dir = tree({ 'app/widget.yaml': WIDGET });
    const r = runCli(['--check', ...FLAGS, '--schema-dir', 'schemas/nope.yaml', 'app'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('privreg-fix: schema path not found: schemas/nope.yaml');
    expect(r.stderr).not.toMatch(/ENOTDIR|ENOENT|at .*\.js/);
    const config = tree({ 'app/widget.yaml': WIDGET, '.privreg-fix.yaml': 'schemaDirs: [gone]\n' });
    const fromConfig = runCli(['--check', 'app'], { cwd: config });
    expect(fromConfig.code).toBe(2);
    expect(fromConfig.stderr).toContain('schema path not found: gone');
  });
});

describe('duplicate-crd', () => {
  it('warns at the second CRD, naming the first; --max-warnings 0 fails', () => {
    const dir = tree({ 'a-crd.yaml': widgetCrd(), 'b-crd.yaml': widgetCrd({ plural: 'widgetz', scope: 'Cluster' }) });
    const r = runCli(['--check', ...FLAGS, '.'], { cwd: dir });
    expect(r.stdout).toMatch(/b-crd\.yaml:8:17 +warning +CustomResourceDefinition for example\.com\/Widget defined twice: the one at a-crd\.yaml:8 comes first and is used \(scope, pod templates, validation\); this different one is ignored\. Keep only one +duplicate-crd/);
    expect(r.code).toBe(0);
    expect(runCli(['--check', ...FLAGS, '--max-warnings', '0', '.'], { cwd: dir }).code).toBe(1);
  });
});

describe('array-level x-kubernetes-preserve-unknown-fields', () => {
  it('reports no unknown field in the items, only real ones', () => {
    const fixture = readFileSync(path.join(import.meta.dirname, '../../fixtures/validate/preserve-unknown-arrays/input.yaml'), 'utf8');
    const dir = tree({ 'gadget.yaml': fixture });
    const r = runCli(['--check', '--validate', '--no-config', '.'], { cwd: dir });
    expect(r.stdout.match(/unknown field/g)).toHaveLength(1);
    expect(r.stdout).toContain('spec.arrayLevel[0].inner.b: unknown field "b"');
  });
});

describe('CRDs spread over files', () => {
  /** Two CRDs for Widget in two files (the second the biggest file), a kind from --schema-dir. */
  function bigTree(): string {
    const filler = (name: string, keys: number): string =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n${Array.from({ length: keys }, (_, i) => `  key${i}: "${'x'.repeat(100)}"`).join('\n')}\n`;
    const files: Record<string, string> = {
      'a/widget-crd.yaml': widgetCrd(),
      // Cluster-scoped, and `size` a string: neither may leak into the run.
      'b/widget-again.yaml': `${widgetCrd({ plural: 'widgetz', scope: 'Cluster', type: 'string' })}---\n${WIDGET.replace('size: 3', 'size: big')}---\n${filler('pad', 3000)}`,
      'schemas/gizmo-crd.yaml': widgetCrd({ plural: 'gizmos' }).replace(/Widget/g, 'Gizmo'),
      'apps/gizmo.yaml': WIDGET.replace('kind: Widget', 'kind: Gizmo'),
      'apps/widget.yaml': WIDGET,
    };
    for (let i = 0; i < 8; i++) files[`apps/cm${i}.yaml`] = filler(`cm${i}`, 500);
    return tree(files);
  }

  it('every file knows every CRD: first CRD used, duplicate reported, --schema-dir kinds known; --jobs changes nothing', () => {
    const dir = bigTree();
    const json = (jobs: string): { files: { path: string; findings: { ruleId: string; message: string }[] }[] } => {
      const r = runCli(['--check', '--format', 'json', ...FLAGS, '--schema-dir', 'schemas', ...(jobs ? ['--jobs', jobs] : []), 'a', 'b', 'apps'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr.includes('--jobs has no effect')).toBe(jobs !== '');
      return JSON.parse(JSON.stringify(JSON.parse(r.stdout), (k, v: unknown) => (/duration/i.test(k) ? 0 : v))) as never;
    };
    const one = json('');
    expect(json('2')).toEqual(one);
    const rules = (p: string): string[] => (one.files.find((f) => f.path === p)?.findings ?? []).map((f) => f.ruleId).sort();
    expect(rules('b/widget-again.yaml')).toEqual(['duplicate-crd', 'missing-namespace', 'missing-namespace', 'missing-pull-secret', 'schema']);
    expect(rules('apps/gizmo.yaml')).toEqual(['missing-namespace', 'missing-pull-secret']);
    expect(rules('apps/widget.yaml')).toEqual(['missing-namespace', 'missing-pull-secret']);
  });
});
