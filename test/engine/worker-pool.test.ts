/**
 * Parallel runs (`--jobs`) through the built CLI: worker threads must give exactly the results
 * and the order of a run on one thread, CRDs included (a CRD file's kinds reach the files after
 * it in every worker). No timing assertions.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../e2e/cli.js';

const crd = (kind: string, plural: string): string => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${plural}.example.com
spec:
  group: example.com
  names: {kind: ${kind}, plural: ${plural}, singular: ${plural.slice(0, -1)}, listKind: ${kind}List}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: {type: integer}
                template:
                  type: object
                  properties:
                    spec:
                      type: object
                      x-kubernetes-preserve-unknown-fields: true
                      properties:
                        containers: {type: array, items: {type: object, x-kubernetes-preserve-unknown-fields: true}}
                        imagePullSecrets: {type: array, items: {type: object, x-kubernetes-preserve-unknown-fields: true}}
`;

const deployment = (name: string, image: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name} # keep this comment
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
        - name: main
          image: ${image}
`;

/** A tree big enough for worker threads (over 8 files and 512 KB), with CRDs and problems. */
function makeTree(): string {
  const dir = tempDir();
  const write = (rel: string, text: string): void => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  write('a/widget-crd.yaml', crd('Widget', 'widgets'));
  // An earlier CRD file with a custom resource whose CRD is in a later CRD file (z/): known once
  // all CRD files are read, whatever the order or the thread.
  write('a/early-crd.yaml', `${crd('Early', 'earlies')}---\napiVersion: example.com/v1\nkind: Sprocket\nmetadata: {name: s0}\nspec: {size: "huge"}\n`);
  write('z/sprocket-crd.yaml', crd('Sprocket', 'sprockets'));
  // A later CRD file using the earlier one's kind, and its own.
  write('b/gadget-crd.yaml', `${crd('Gadget', 'gadgets')}---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w0}\nspec: {size: "big"}\n---\napiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g0}\nspec: {size: 1}\n`);
  for (let i = 0; i < 12; i++) write(`apps/app${String(i).padStart(2, '0')}.yaml`, deployment(`app${i}`, `quay.io/org/app${i}:1.${i}`));
  write('apps/bad-schema.yaml', deployment('bad', 'nginx:1').replace('selector:', 'replicas: "three"\n  selector:'));
  write('apps/widget.yaml', 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w1}\nspec:\n  size: 2\n  template:\n    spec:\n      containers: [{name: c, image: busybox}]\n');
  write('apps/unknown-1.yaml', 'apiVersion: other.io/v1\nkind: Thing\nmetadata: {name: t1}\n');
  write('apps/unknown-2.yaml', 'apiVersion: other.io/v1\nkind: Thing\nmetadata: {name: t2}\n');
  write('apps/broken.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n');
  write('big/configmap.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${Array.from({ length: 6000 }, (_, i) => `  key${i}: "${'x'.repeat(100)}"`).join('\n')}\n`);
  return dir;
}

const FLAGS = ['--namespace', 'team', '--registry', 'reg.example.com/mirror', '--pull-secret', 'regcred', '--no-config'];
const withoutTime = (s: string): string => s.replace(/ in [\d.]+ m?s\n?$/, '');

function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

describe('--jobs', () => {
  it('check: the same report, in the same order, with 1 and 2 worker threads', () => {
    const dir = makeTree();
    const one = runCli(['--check', ...FLAGS, '--jobs', '1', '.'], { cwd: dir });
    const two = runCli(['--check', ...FLAGS, '--jobs', '2', '.'], { cwd: dir });
    expect(one.code).toBe(1);
    expect(two.code).toBe(one.code);
    expect(withoutTime(two.stdout)).toBe(withoutTime(one.stdout));
    expect(one.stdout).toContain('spec.size'); // the Widget in the Gadget CRD file was validated
    expect(one.stdout.match(/no schema for other\.io\/v1\/Thing/g)).toHaveLength(1);
    // The Sprocket in a/early-crd.yaml is validated against the CRD of a later file.
    expect(one.stdout).toMatch(/a\/early-crd\.yaml:\d+:\d+ +error +spec\.size: must be integer, got string "huge"/);
    expect(one.stdout).not.toContain('no schema for example.com/v1/Sprocket');
  });

  it('json report and diff output are the same with 1 and 2 worker threads', () => {
    const dir = makeTree();
    const json = (jobs: string): unknown => {
      const r = runCli(['--check', '--format', 'json', ...FLAGS, '--jobs', jobs, '.'], { cwd: dir });
      const report = JSON.parse(r.stdout) as Record<string, unknown>;
      return JSON.parse(JSON.stringify(report, (k, v: unknown) => (/duration/i.test(k) ? 0 : v)));
    };
    expect(json('2')).toEqual(json('1'));
    const diff1 = runCli([...FLAGS, '--jobs', '1', '.'], { cwd: dir });
    const diff2 = runCli([...FLAGS, '--jobs', '2', '.'], { cwd: dir });
    expect(diff2.stdout).toBe(diff1.stdout);
    expect(diff2.stdout).toContain('+  namespace: team');
  });

  it('write: the same files written with 1 and 2 worker threads', () => {
    const a = makeTree();
    const b = makeTree();
    const one = runCli(['--write', ...FLAGS, '--jobs', '1', '.'], { cwd: a });
    const two = runCli(['--write', ...FLAGS, '--jobs', '2', '.'], { cwd: b });
    expect(two.code).toBe(one.code);
    expect(withoutTime(two.stdout)).toBe(withoutTime(one.stdout));
    expect(contents(b)).toEqual(contents(a));
    expect(contents(a)['apps/app01.yaml']).toContain('namespace: team');
  });
});
