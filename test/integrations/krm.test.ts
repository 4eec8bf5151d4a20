import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixResourceList } from '../../src/krm/index.js';
import { DEPLOYMENT, runCli } from './helpers.js';

const indent = (text: string, prefix: string): string => text.split('\n').map((l) => (l ? prefix + l : l)).join('\n');

/** A ResourceList as kpt sends it: items with their comments and path annotations. */
function resourceList(functionConfig: string, items: string[] = [DEPLOYMENT]): string {
  const body = items.map((item) => `-${indent(item, '  ').slice(1)}`).join('');
  return `apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n${body}functionConfig:\n${indent(functionConfig, '  ')}`;
}

const CONFIG_MAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: privreg-fix
data:
  namespace: apps
  pullSecrets: regcred, mirror
  registry: reg.example.com
`;

const TYPED = `apiVersion: privreg-fix.dev/v1alpha1
kind: PrivregFix
metadata:
  name: privreg-fix
namespace: apps
pullSecrets: [regcred, mirror]
registry: reg.example.com
`;

const ANNOTATED = DEPLOYMENT.replace('  name: web # keep this comment\n',
  "  name: web # keep this comment\n  annotations:\n    config.kubernetes.io/path: 'apps/web.yaml'\n    config.kubernetes.io/index: '0'\n");

describe('fixResourceList', () => {
  it.each([['ConfigMap', CONFIG_MAP], ['PrivregFix', TYPED]])('fixes the items with a %s functionConfig, keeping comments', async (_, config) => {
    const input = resourceList(config, [ANNOTATED]);
    const fixed = await fixResourceList(input);
    expect(fixed.ok).toBe(true);
    // Everything up to the results is the input plus the three edits.
    const [list] = fixed.output.split('results:\n');
    expect(list).toBe(input
      .replace('    name: web # keep this comment\n', '    name: web # keep this comment\n    namespace: apps\n')
      .replace('image: nginx:1.27', 'image: reg.example.com/library/nginx:1.27')
      .replace('# pinned\n', '# pinned\n        imagePullSecrets:\n          - name: regcred\n          - name: mirror\n'));
    const data = parse(fixed.output) as { results: unknown[] };
    expect(data.results).toEqual(fixed.results);
    expect(fixed.results).toContainEqual({
      message: 'Deployment has no namespace; expected namespace "apps" (fixed)',
      severity: 'info',
      tags: { rule: 'missing-namespace' },
      resourceRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      field: { path: 'metadata' },
      file: { path: 'apps/web.yaml', index: 0 },
    });
    expect(fixed.results.every((r) => !r.message.includes('items['))).toBe(true);
  });

  it('reports errors the fix does not remove as error results (ok false)', async () => {
    const broken = DEPLOYMENT.replace('spec:\n  selector', 'spec:\n  replicas: three\n  selector');
    const fixed = await fixResourceList(resourceList(CONFIG_MAP, [broken]));
    expect(fixed.ok).toBe(false);
    const errors = fixed.results.filter((r) => r.severity === 'error');
    expect(errors.map((r) => [r.tags?.rule, r.resourceRef?.name, r.field?.path])).toEqual([['schema', 'web', 'spec.replicas']]);
    expect(fixed.output).toContain('    namespace: apps\n');
  });

  it('leaves local-config items and the functionConfig alone', async () => {
    const local = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: setters\n  annotations:\n    config.kubernetes.io/local-config: "true"\ndata: {a: b}\n';
    const input = resourceList(CONFIG_MAP, [local, DEPLOYMENT]);
    const fixed = await fixResourceList(input);
    const data = parse(fixed.output) as { items: { kind: string; metadata: { namespace?: string } }[]; functionConfig: unknown };
    expect(data.items.map((i) => [i.kind, i.metadata.namespace])).toEqual([['ConfigMap', undefined], ['Deployment', 'apps']]);
    expect(data.functionConfig).toEqual(parse(CONFIG_MAP));
  });

  it('works on JSON input and keeps earlier results', async () => {
    const input = JSON.stringify({
      apiVersion: 'config.kubernetes.io/v1', kind: 'ResourceList',
      items: [parse(DEPLOYMENT)], functionConfig: parse(TYPED), results: [{ message: 'earlier', severity: 'info' }],
    }, null, 2);
    const fixed = await fixResourceList(input);
    const data = parse(fixed.output) as { apiVersion: string; kind: string; items: { metadata: { namespace: string } }[]; results: { message: string }[] };
    expect([data.apiVersion, data.kind, data.items[0]?.metadata.namespace]).toEqual(['config.kubernetes.io/v1', 'ResourceList', 'apps']);
    expect(data.results[0]?.message).toBe('earlier');
    expect(data.results.length).toBeGreaterThan(1);
  });

  it('rejects an invalid functionConfig with every problem', async () => {
    await expect(fixResourceList(resourceList(CONFIG_MAP.replace('namespace: apps', 'namespace: Apps\n  pullSecret: x')))).rejects.toThrow(/unknown key "pullSecret"/);
    await expect(fixResourceList(resourceList(TYPED.replace('namespace: apps', 'namespace: Apps')))).rejects.toThrow(/PrivregFix\.namespace/);
    await expect(fixResourceList(resourceList(TYPED.replace('pullSecrets:', 'include: ["**"]\npullSecrets:')))).rejects.toThrow(/unknown key "include"/);
    await expect(fixResourceList(resourceList('apiVersion: v1\nkind: Secret\n'))).rejects.toThrow(/must be a v1 ConfigMap/);
  });
});

describe('privreg-fix fn (built bin)', () => {
  it('writes the ResourceList to stdout and exits 0', () => {
    const r = runCli(['fn'], { input: resourceList(CONFIG_MAP) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('    namespace: apps\n');
    expect(r.stdout).toContain('# keep this comment');
  });

  it('exits 1 with the errors on stderr when a result is an error', () => {
    const r = runCli(['fn'], { input: resourceList(CONFIG_MAP, [DEPLOYMENT.replace('kind: Deployment', 'kind: Deployment\nbogus: 1')]) });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('severity: error');
    expect(r.stderr).toMatch(/^privreg-fix fn: <input>: error: Deployment\/web: .*bogus/m);
  });

  it('fails on input that is not a ResourceList', () => {
    const r = runCli(['fn'], { input: DEPLOYMENT });
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toContain('not a config.kubernetes.io/v1 ResourceList');
  });

  it('runs as a kustomize exec plugin with a config file argument', () => {
    const file = path.join(process.env.TMPDIR ?? '/tmp', `privreg-fix-plugin-${process.pid}.yaml`);
    writeFileSync(file, TYPED);
    const r = runCli(['fn', file], { input: DEPLOYMENT });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('namespace: apps');
    expect(r.stderr).toContain('missing-namespace');
    expect(readFileSync(file, 'utf8')).toBe(TYPED);
  });
});
