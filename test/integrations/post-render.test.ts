import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir, writeWrapper } from './helpers.js';

/** What `helm template web ./chart` prints: a `---` stream with `# Source:` comments. */
const RENDERED = `---
# Source: web/templates/serviceaccount.yaml
apiVersion: v1
kind: ServiceAccount
metadata:
  name: web
  labels:
    helm.sh/chart: web-0.1.0
---
# Source: web/templates/clusterrole.yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: web-reader
rules: []
---
# Source: web/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    helm.sh/chart: web-0.1.0
spec:
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: web
  template:
    metadata:
      labels:
        app.kubernetes.io/name: web
    spec:
      serviceAccountName: web
      containers:
        - name: web
          image: "nginx:1.27"
          ports:
            - containerPort: 80
`;

const EXPECTED = RENDERED
  .replace('  name: web\n  labels:\n    helm.sh/chart: web-0.1.0\n---', '  name: web\n  namespace: apps\n  labels:\n    helm.sh/chart: web-0.1.0\n---')
  .replace('kind: Deployment\nmetadata:\n  name: web\n', 'kind: Deployment\nmetadata:\n  name: web\n  namespace: apps\n')
  .replace('            - containerPort: 80\n', '            - containerPort: 80\n      imagePullSecrets:\n        - name: regcred\n')
  .replace('"nginx:1.27"', '"reg.example.com/library/nginx:1.27"');

/**
 * Runs the post-renderer the way Helm 3 does: it looks `privreg-fix` up on PATH, executes it with
 * the --post-renderer-args as argv (no shell), writes the rendered manifests to its stdin and
 * reads stdout; a non-zero exit stops the release.
 */
function helmExec(args: string[], input: string, cwd?: string): { code: number | null; stdout: string; stderr: string } {
  const bin = tempDir();
  writeWrapper(path.join(bin, 'privreg-fix'), []);
  const r = spawnSync('privreg-fix', args, {
    input, cwd: cwd ?? bin, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('privreg-fix post-render (Helm post-renderer contract)', () => {
  it('prints exactly the fixed manifests on stdout and the findings on stderr', () => {
    const r = helmExec(['post-render', '--namespace=apps', '--pull-secret=regcred', '--registry=reg.example.com'], RENDERED);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(EXPECTED);
    expect(r.stderr).toContain('missing-namespace');
    expect(r.stderr).toContain('missing-pull-secret');
  });

  it('takes its options from the config file in the working directory', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, '.git'));
    writeFileSync(path.join(dir, '.privreg-fix.yaml'), 'namespace: apps\npullSecrets: [regcred]\nregistry: reg.example.com\n');
    const r = helmExec(['post-render'], RENDERED, dir);
    expect([r.code, r.stdout]).toEqual([0, EXPECTED]);
  });

  it('prints nothing and exits 1 when an error remains, so Helm stops', () => {
    const invalid = RENDERED.replace('replicas: 1', 'replicas: one');
    const r = helmExec(['post-render', '--namespace=apps'], invalid);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('spec.replicas');
    expect(r.stderr).toContain('no manifests written');
  });

  it('can be told to accept schema errors', () => {
    const invalid = RENDERED.replace('replicas: 1', 'replicas: one');
    const r = helmExec(['post-render', '--namespace=apps', '--no-validate'], invalid);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('replicas: one');
  });

  it('does not flag registry Secrets a chart renders from values', () => {
    // A fake, test-only value the detector treats as real (as in test/credentials).
    const auth = Buffer.from('robot:k7Qw-test-only-9vLm').toString('base64');
    const config = Buffer.from(JSON.stringify({ auths: { 'reg.example.com': { auth } } })).toString('base64');
    const secret = `---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: regcred\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: ${config}\n`;
    const r = helmExec(['post-render', '--namespace=apps'], secret);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('plaintext-registry-credential');
    // The main command, meant for committed files, does flag it.
    expect(runCli(['--check', '-n', 'apps', '-'], { input: secret }).stderr).toContain('plaintext-registry-credential');
  });

  it('passes an empty render through', () => {
    expect(helmExec(['post-render', '-n', 'apps'], '')).toMatchObject({ code: 0, stdout: '' });
  });

  it('writes the report to --output in the format asked for, with one line on stderr', () => {
    const dir = tempDir();
    const r = helmExec(['post-render', '--namespace=apps', '--pull-secret=regcred', '--format=json', '--output=report.json'], RENDERED, dir);
    expect([r.code, r.stdout]).toEqual([0, EXPECTED.replace('reg.example.com/library/nginx:1.27', 'nginx:1.27')]);
    const json = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as { files: { findings: { ruleId: string; message: string }[] }[] };
    const findings = json.files[0]?.findings ?? [];
    expect(findings.map((x) => x.ruleId)).toEqual(['missing-namespace', 'missing-namespace', 'missing-pull-secret']);
    // Each finding names the chart template of its object.
    expect(findings[2]?.message).toContain('(from web/templates/deployment.yaml)');
    expect(r.stderr.trim().split('\n')).toEqual([`privreg-fix post-render: 1 file scanned, 1 fixed, 0 errors, 0 warnings in ${/in (\S+ m?s);/.exec(r.stderr)?.[1] ?? ''}; report: ${path.join(dir, 'report.json')}`]);
  });

  it('on failure with --output, the one line says where the report is', () => {
    const dir = tempDir();
    const r = helmExec(['post-render', '--output=report.txt'], RENDERED.replace('replicas: 1', 'replicas: one'), dir);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe(`privreg-fix post-render: errors remain that the fix does not remove; no manifests written; report: ${path.join(dir, 'report.txt')}\n`);
    expect(readFileSync(path.join(dir, 'report.txt'), 'utf8')).toMatch(/<stdin>:\d+:\d+ +error +spec\.replicas: .* \(from web\/templates\/deployment\.yaml\) +schema/);
  });

  it('fails when Helm rendered an object into another namespace than --namespace, saying to use helm -n', () => {
    const rendered = RENDERED.replace('kind: Deployment\nmetadata:\n  name: web\n', 'kind: Deployment\nmetadata:\n  name: web\n  namespace: default\n');
    const r = helmExec(['post-render', '--namespace=apps', '--pull-secret=regcred'], rendered);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toMatch(/error +Deployment "web" is in namespace "default", not "apps"; kept as it is \(from web\/templates\/deployment\.yaml\) +namespace-mismatch/);
    expect(r.stderr).toContain('run helm with -n apps rather than giving the post-renderer a namespace');
    // The same namespace as Helm's is fine; a config can make other namespaces a warning again.
    expect(helmExec(['post-render', '--namespace=default'], rendered).code).toBe(0);
    const dir = tempDir();
    mkdirSync(path.join(dir, '.git'));
    writeFileSync(path.join(dir, '.privreg-fix.yaml'), 'rules:\n  namespace-mismatch: warning\n');
    expect(helmExec(['post-render', '--namespace=apps'], rendered, dir).code).toBe(0);
  });

  it('run as the Helm 4 plugin without --output, keeps the report in the cache directory', () => {
    const cache = tempDir();
    const r = spawnSync(process.execPath, [path.join(ROOT, 'helm-plugin/post-render.mjs'), 'post-render', '-s', 'regcred'], {
      input: RENDERED, encoding: 'utf8', env: { ...process.env, HELM_PLUGIN_NAME: 'privreg-fix', PRIVREG_FIX_CACHE_DIR: cache },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('- name: regcred');
    expect(readFileSync(path.join(cache, 'helm-post-render-report.txt'), 'utf8')).toContain('missing-pull-secret');
    expect(r.stderr).toContain(`report: ${path.join(cache, 'helm-post-render-report.txt')}`);
  });

  it('rejects paths and modes with a usage error', () => {
    for (const args of [['post-render', 'chart/'], ['post-render', '--write']]) {
      const r = runCli(args, { input: RENDERED });
      expect([r.code, r.stdout]).toEqual([2, '']);
    }
  });

  it('has help', () => {
    const r = runCli(['post-render', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--post-renderer-args post-render');
  });
});
