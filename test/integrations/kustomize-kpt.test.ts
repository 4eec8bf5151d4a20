import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { DEPLOYMENT, hasCommand, tempDir, writeWrapper } from './helpers.js';

const TYPED = `apiVersion: privreg-fix.dev/v1alpha1
kind: PrivregFix
metadata:
  name: privreg-fix
namespace: apps
pullSecrets: [regcred]
registry: reg.example.com
`;

const hasKpt = hasCommand('kpt', ['version']);
const hasKubectl = hasCommand('kubectl', ['version', '--client']);
/** kubectl's kustomize runs exec KRM functions only if it ever gains --enable-exec. */
const kubectlExec = hasKubectl && spawnSync('kubectl', ['kustomize', '--help'], { encoding: 'utf8' }).stdout.includes('--enable-exec');

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectFixed(yaml: string): void {
  const [doc] = parseAllDocuments(yaml);
  const web = doc?.toJS() as { metadata: { namespace: string }; spec: { template: { spec: { imagePullSecrets: unknown; containers: { image: string }[] } } } };
  expect(web.metadata.namespace).toBe('apps');
  expect(web.spec.template.spec.imagePullSecrets).toEqual([{ name: 'regcred' }]);
  expect(web.spec.template.spec.containers[0]?.image).toBe('reg.example.com/library/nginx:1.27');
}

describe.runIf(hasKpt)('kpt fn eval --exec (real kpt)', () => {
  it('fixes a package in place, keeping comments', () => {
    const dir = tempDir();
    const pkg = path.join(dir, 'package');
    mkdirSync(pkg);
    writeFileSync(path.join(pkg, 'web.yaml'), DEPLOYMENT);
    writeFileSync(path.join(dir, 'privreg-fix.yaml'), TYPED);
    const fn = writeWrapper(path.join(dir, 'privreg-fix-fn'), ['fn']);
    const r = run('kpt', ['fn', 'eval', pkg, '--exec', fn, '--fn-config', path.join(dir, 'privreg-fix.yaml')]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const fixed = readFileSync(path.join(pkg, 'web.yaml'), 'utf8');
    expectFixed(fixed);
    expect(fixed).toContain('name: web # keep this comment');
    expect(fixed).toContain('image: reg.example.com/library/nginx:1.27 # pinned');
    expect(fixed.startsWith('# the web front end\n')).toBe(true);
  });

  it('fails and leaves the package alone when a result is an error', () => {
    const dir = tempDir();
    const pkg = path.join(dir, 'package');
    mkdirSync(pkg);
    const broken = DEPLOYMENT.replace('spec:\n  selector', 'spec:\n  replicas: three\n  selector');
    writeFileSync(path.join(pkg, 'web.yaml'), broken);
    writeFileSync(path.join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: privreg-fix\ndata:\n  namespace: apps\n');
    const fn = writeWrapper(path.join(dir, 'privreg-fix-fn'), ['fn']);
    const r = run('kpt', ['fn', 'eval', pkg, '--exec', fn, '--fn-config', path.join(dir, 'cm.yaml')]);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('spec.replicas');
    expect(readFileSync(path.join(pkg, 'web.yaml'), 'utf8')).toBe(broken);
  });
});

describe.runIf(hasKubectl)('kubectl kustomize --enable-alpha-plugins (real kubectl)', () => {
  it('runs privreg-fix as an exec plugin configured by a PrivregFix transformer', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources:\n- web.yaml\ntransformers:\n- privreg-fix.yaml\n');
    writeFileSync(path.join(dir, 'web.yaml'), DEPLOYMENT);
    writeFileSync(path.join(dir, 'privreg-fix.yaml'), TYPED);
    const home = path.join(dir, 'plugins');
    const pluginDir = path.join(home, 'privreg-fix.dev/v1alpha1/privregfix');
    mkdirSync(pluginDir, { recursive: true });
    writeWrapper(path.join(pluginDir, 'PrivregFix'), ['fn']);
    const r = run('kubectl', ['kustomize', '--enable-alpha-plugins', dir], { KUSTOMIZE_PLUGIN_HOME: home });
    expect(r.code, r.stderr).toBe(0);
    expectFixed(r.stdout);
  });

  it('stops the build when an error remains', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources:\n- web.yaml\ntransformers:\n- privreg-fix.yaml\n');
    writeFileSync(path.join(dir, 'web.yaml'), DEPLOYMENT.replace('kind: Deployment', 'kind: Deployment\nbogus: 1'));
    writeFileSync(path.join(dir, 'privreg-fix.yaml'), TYPED);
    const home = path.join(dir, 'plugins');
    mkdirSync(path.join(home, 'privreg-fix.dev/v1alpha1/privregfix'), { recursive: true });
    writeWrapper(path.join(home, 'privreg-fix.dev/v1alpha1/privregfix/PrivregFix'), ['fn']);
    const r = run('kubectl', ['kustomize', '--enable-alpha-plugins', dir], { KUSTOMIZE_PLUGIN_HOME: home });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('unknown field "bogus"');
  });

  // kubectl (1.32 here) has no --enable-exec and silently skips exec KRM functions
  // (kubernetes/kubectl#1498); this runs once a kubectl that has it is installed.
  it.runIf(kubectlExec)('runs privreg-fix as an exec KRM function named by config.kubernetes.io/function', () => {
    const dir = tempDir();
    const fn = writeWrapper(path.join(dir, 'privreg-fix-fn'), ['fn']);
    writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources:\n- web.yaml\ntransformers:\n- privreg-fix.yaml\n');
    writeFileSync(path.join(dir, 'web.yaml'), DEPLOYMENT);
    writeFileSync(path.join(dir, 'privreg-fix.yaml'), TYPED.replace('  name: privreg-fix\n',
      `  name: privreg-fix\n  annotations:\n    config.kubernetes.io/function: |\n      exec:\n        path: ${fn}\n`));
    const r = run('kubectl', ['kustomize', '--enable-alpha-plugins', '--enable-exec', dir]);
    expect(r.code, r.stderr).toBe(0);
    expectFixed(r.stdout);
  });
});
