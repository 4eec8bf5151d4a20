/**
 * Secrets where the pods are, and RBAC subjects that follow their ServiceAccount, through the
 * built CLI: the same results with or without `--jobs` (which has no effect), `--write` then `--check`,
 * and `create secret docker-registry --for` reading the namespaces a run reports.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './cli.js';

const deployment = (name: string, namespace?: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      serviceAccountName: operator
      containers:
        - name: main
          image: nginx:1
`;

const SA = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: operator # the operator\n';
const CRB = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: operator
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: operator
subjects:
  - kind: ServiceAccount
    name: operator
    namespace: myproject # upstream placeholder
`;

/** A tree with a big file among small ones (one run used to split such trees over threads). */
function makeTree(): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, '.git'));
  const write = (rel: string, text: string): void => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  write('rbac/binding.yaml', CRB);
  write('rbac/sa.yaml', SA);
  for (let i = 0; i < 6; i++) write(`apps/app${i}.yaml`, deployment(`app${i}`));
  for (let i = 0; i < 3; i++) write(`system/sys${i}.yaml`, deployment(`sys${i}`, 'longhorn-system'));
  write('other/tool.yaml', deployment('tool', 'tools'));
  write('big/configmap.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${Array.from({ length: 6000 }, (_, i) => `  key${i}: "${'x'.repeat(100)}"`).join('\n')}\n`);
  return dir;
}

const FLAGS = ['-n', 'shop', '-s', 'regcred', '--no-validate'];
const withoutTime = (s: string): string => s.replace(/ in [\d.]+ m?s\n?$/, '');

describe('secrets where the pods are, RBAC subjects', () => {
  it('--check: one warning per namespace lacking the secret, the namespaces listed, the subject reported; --jobs changes nothing', () => {
    const dir = makeTree();
    const one = runCli(['--check', ...FLAGS, '--jobs', '1', '.'], { cwd: dir });
    const two = runCli(['--check', ...FLAGS, '--jobs', '2', '.'], { cwd: dir });
    expect(one.code).toBe(1);
    expect(withoutTime(two.stdout)).toBe(withoutTime(one.stdout));
    const notIn = one.stdout.split('\n').filter((l) => l.includes('pull-secret-not-in-namespace'));
    expect(notIn).toHaveLength(2);
    expect(notIn[0]).toMatch(/^other\/tool\.yaml:\d+:\d+ +warning +pods in namespace "tools" need pull secret "regcred"/);
    expect(notIn[1]).toMatch(/^system\/sys0\.yaml:.*pods in namespace "longhorn-system" need pull secret "regcred"/);
    expect(one.stdout).toContain('pull secret "regcred" is used in namespaces longhorn-system, shop, tools\n');
    expect(one.stdout).toMatch(/rbac\/binding\.yaml:12:16 +error +ClusterRoleBinding "operator" subject ServiceAccount "operator" names namespace "myproject", but privreg-fix puts ServiceAccount "operator" into "shop".*rbac-subject-namespace +\(fixable with --write\)/);
  });

  it('--format json lists the pull secrets and their namespaces', () => {
    const dir = makeTree();
    const r = runCli(['--check', '--format', 'json', ...FLAGS, '.'], { cwd: dir });
    const report = JSON.parse(r.stdout) as { pullSecrets: unknown; files: { path: string; findings: { ruleId: string }[] }[] };
    expect(report.pullSecrets).toEqual([{ name: 'regcred', namespaces: ['longhorn-system', 'shop', 'tools'] }]);
    expect(report.files.flatMap((f) => f.findings.filter((x) => x.ruleId === 'pull-secret-not-in-namespace').map(() => f.path))).toEqual(['other/tool.yaml', 'system/sys0.yaml']);
  });

  it('--write moves the subject with its ServiceAccount, byte for byte, and a second run changes nothing', () => {
    const dir = makeTree();
    expect(runCli(['--write', ...FLAGS, '--jobs', '2', '.'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(path.join(dir, 'rbac/binding.yaml'), 'utf8')).toBe(CRB.replace('namespace: myproject #', 'namespace: shop #'));
    expect(readFileSync(path.join(dir, 'rbac/sa.yaml'), 'utf8')).toBe(SA.replace('# the operator\n', '# the operator\n  namespace: shop\n'));
    const again = runCli(['--check', ...FLAGS, '.'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('rbac-subject-namespace');
    expect(again.stdout).toMatch(/0 would be fixed, 0 errors/);
  });

  it('create secret docker-registry --for prints one Secret per namespace the run lists', () => {
    const dir = makeTree();
    const r = runCli(['create', 'secret', 'docker-registry', 'regcred', '--docker-server', 'reg.example.com', '--docker-username', 'ci',
      '--password-env', 'REG_PASSWORD', '--for', '.', '-n', 'shop'], { cwd: dir, env: { REG_PASSWORD: 'not-a-real-password' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('--for .: pods use "regcred" in longhorn-system, shop, tools\n');
    const docs = parseAllDocuments(r.stdout).map((d) => d.toJS() as { kind: string; metadata: { namespace: string } });
    expect(docs.map((d) => [d.kind, d.metadata.namespace])).toEqual([['Secret', 'longhorn-system'], ['Secret', 'shop'], ['Secret', 'tools']]);
  });
});
