import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FAKE_PASSWORD, runWith, KUBECTL as kubectl } from './fake-io.js';

const base = ['secret', 'docker-registry', 'regcred', '--docker-server', 'reg.example.com:5000', '--docker-username', 'ci-bot', '--password-env', 'REG_PASSWORD'];
const env = { REG_PASSWORD: FAKE_PASSWORD, PATH: process.env['PATH'], HOME: '/nonexistent-home' };

const deployment = (name: string, namespace?: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: c, image: "nginx:1"}]
`;

/** A directory bounded like a repository (config files above it are not found), with manifests. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'privreg-for-'));
  mkdirSync(path.join(dir, '.git'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** Splits multi-document output into the documents' texts (without the `---` lines). */
const documents = (text: string): string[] => text.split(/^---\n/m);

describe('create secret docker-registry --namespaces', () => {
  it('prints one Secret per namespace, each the same text as with -n', async () => {
    const run = await runWith([...base, '--namespaces', 'shop,longhorn-system'], { env });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const docs = documents(run.stdout);
    expect(docs).toHaveLength(2);
    for (const [i, ns] of ['shop', 'longhorn-system'].entries()) {
      const single = await runWith([...base, '-n', ns], { env });
      expect(docs[i]).toBe(single.stdout);
    }
    expect(parseAllDocuments(run.stdout).map((d) => (d.toJS() as { metadata: { namespace: string } }).metadata.namespace)).toEqual(['shop', 'longhorn-system']);
  });

  it('is repeatable, drops repeated names and keeps the order given', async () => {
    const run = await runWith([...base, '--namespaces', 'b,a', '--namespaces', 'a,c'], { env });
    expect(parseAllDocuments(run.stdout).map((d) => (d.toJS() as { metadata: { namespace: string } }).metadata.namespace)).toEqual(['b', 'a', 'c']);
  });

  it('prints a List with -o json', async () => {
    const run = await runWith([...base, '--namespaces', 'a,b', '-o', 'json'], { env });
    const list = JSON.parse(run.stdout) as { apiVersion: string; kind: string; items: { metadata: { namespace: string } }[] };
    expect([list.apiVersion, list.kind]).toEqual(['v1', 'List']);
    expect(list.items.map((s) => s.metadata.namespace)).toEqual(['a', 'b']);
  });

  it('rejects -n with --namespaces, empty entries and invalid names (exit 2), naming no credential', async () => {
    for (const args of [['--namespaces', 'a', '-n', 'b'], ['--namespaces', 'a,,b'], ['--namespaces', 'Not_Valid']]) {
      const run = await runWith([...base, ...args], { env });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).not.toContain(FAKE_PASSWORD);
    }
  });

  it('writes every Secret to -o FILE, mode 0600, the warning comment first', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'privreg-ns-out-'));
    const file = path.join(dir, 'regcred.yaml');
    const run = await runWith([...base, '--namespaces', 'a,b', '-o', file], { env });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/wrote 2 Secrets regcred to .*regcred\.yaml \(mode 0600\)/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('# Holds a registry password')).toBe(true);
    expect(parseAllDocuments(text)).toHaveLength(2);
  });
});

describe('create secret docker-registry --for PATHS', () => {
  it('takes the namespaces a run over PATHS reports; -n is the namespace of objects without one', async () => {
    const dir = tree({ 'k8s/a.yaml': deployment('a', 'longhorn-system'), 'k8s/b.yaml': deployment('b'), 'k8s/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: unused}\n' });
    const run = await runWith([...base, '--for', 'k8s', '-n', 'shop'], { env, cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('--for k8s: pods use "regcred" in longhorn-system, shop\n');
    expect(parseAllDocuments(run.stdout).map((d) => (d.toJS() as { metadata: { namespace: string } }).metadata.namespace)).toEqual(['longhorn-system', 'shop']);
  });

  it('without -n, pods with no namespace get a Secret with no namespace', async () => {
    const dir = tree({ 'a.yaml': deployment('a') });
    const run = await runWith([...base, '--for', 'a.yaml'], { env, cwd: dir });
    expect(run.code).toBe(0);
    expect((parse(run.stdout) as { metadata: object }).metadata).toEqual({ name: 'regcred' });
  });

  it('uses the config file as the main command does (namespace, overrides), and adds --namespaces', async () => {
    const dir = tree({
      '.privreg-fix.yaml': 'namespace: shop\npullSecrets: [other]\noverrides:\n  - files: billing/**\n    namespace: billing\n',
      'apps/a.yaml': deployment('a'),
      'billing/b.yaml': deployment('b'),
    });
    const run = await runWith([...base, '--for', '.', '--namespaces', 'extra'], { env, cwd: dir });
    expect(run.code).toBe(0);
    expect(parseAllDocuments(run.stdout).map((d) => (d.toJS() as { metadata: { namespace: string } }).metadata.namespace)).toEqual(['extra', 'billing', 'shop']);
  });

  it('counts only the pods that need the secret when the config gives it per registry', async () => {
    const dir = tree({
      '.privreg-fix.yaml': 'registries:\n  "reg.example.com:5000": regcred\n',
      'hub.yaml': deployment('hub', 'hub'),
      'own.yaml': deployment('own', 'own').replace('"nginx:1"', '"reg.example.com:5000/own:1"'),
    });
    const run = await runWith([...base, '--for', '.'], { env, cwd: dir });
    expect(run.code).toBe(0);
    expect((parse(run.stdout) as { metadata: { namespace: string } }).metadata.namespace).toBe('own');
  });

  it('fails when no pod would use the secret (exit 1), and for a path that matches nothing (exit 2)', async () => {
    const dir = tree({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n' });
    const none = await runWith([...base, '--for', '.'], { env, cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('no pod in . (1 file) would use pull secret "regcred"');
    const missing = await runWith([...base, '--for', 'nope.yaml'], { env, cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--for:');
  });
});


describe('each document matches kubectl', () => {
  it.skipIf(kubectl === undefined)('the data and namespace of every Secret are kubectl\'s for that namespace', async () => {
    const run = await runWith([...base, '--namespaces', 'a,b'], { env });
    const docs = parseAllDocuments(run.stdout).map((d) => d.toJS() as { data: Record<string, string>; metadata: { namespace: string } });
    for (const doc of docs) {
      const theirs = parse(execFileSync(kubectl ?? 'kubectl', ['create', 'secret', 'docker-registry', 'regcred', '--docker-server=reg.example.com:5000',
        '--docker-username=ci-bot', `--docker-password=${FAKE_PASSWORD}`, `--namespace=${doc.metadata.namespace}`, '--dry-run=client', '-o', 'yaml'],
      { encoding: 'utf8', env: { ...process.env, KUBECONFIG: '/dev/null' } })) as { data: Record<string, string>; metadata: { namespace: string } };
      expect(doc.data['.dockerconfigjson']).toBe(theirs.data['.dockerconfigjson']);
      expect(doc.metadata.namespace).toBe(theirs.metadata.namespace);
    }
  });
});
