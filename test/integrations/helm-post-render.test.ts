import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers.js';
import { HelmSandbox, helmOrSkip, podSpecs, readmeCommands } from './helm-support.js';

const POD_SPECS = ['Deployment/web-worker', 'Deployment/web-chart-app', 'Job/web-chart-app-migrate', 'CronJob/web-chart-app-report'];

/** Every pod spec of the test chart has the pull secret and only registry images. */
function expectAllFixed(manifests: string): void {
  const specs = podSpecs(manifests);
  expect([...specs.keys()].sort()).toEqual([...POD_SPECS].sort());
  for (const [name, spec] of specs) {
    expect(spec.secrets, name).toEqual(['regcred']);
    for (const image of spec.images) expect(image, name).toMatch(/^reg\.example\.com\/library\//);
  }
}

describe('Helm 3 post-renderer (the real Helm 3.17.3)', () => {
  it('runs the README command: every pod spec gets the secret and registry images, bytes as privreg-fix prints them', (ctx) => {
    const sb = new HelmSandbox(helmOrSkip(ctx, 3));
    const [command] = readmeCommands('helm3-post-render');
    const r = sb.sh(command as string);
    expect(r.code, r.stderr).toBe(0);
    expectAllFixed(r.stdout);
    // Helm 3 passes text through: what Helm prints is exactly privreg-fix's fix of the render.
    const plain = sb.run(sb.helm, ['template', 'web', './chart', '-n', 'apps']).stdout;
    const piped = sb.run(process.execPath, [BIN, 'post-render', '--pull-secret=regcred', '--registry=reg.example.com'], plain);
    expect(piped.code, piped.stderr).toBe(0);
    expect(r.stdout).toBe(piped.stdout);
    expect(r.stdout).toContain('# Source: chart-app/templates/job.yaml\n# A one-off migration whose image is written in the template: no value reaches it.\n');
    expect(sb.read('privreg-fix-report.txt')).toContain('missing-pull-secret');
  });

  it('an invalid object stops Helm; the line it shows says where the report is', (ctx) => {
    const sb = new HelmSandbox(helmOrSkip(ctx, 3));
    const r = sb.sh(`${readmeCommands('helm3-post-render')[0] ?? ''} --set replicaCount=many`);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    const report = path.join(sb.dir, 'privreg-fix-report.txt');
    expect(r.stderr).toContain(`no manifests written; report: ${report}`);
    expect(readFileSync(report, 'utf8')).toMatch(/spec\.replicas: must be integer, got string "many" \(from chart-app\/templates\/deployment\.yaml\)\s+schema/);
  });

  it('without helm -n, --namespace fails and says to use helm -n', (ctx) => {
    const sb = new HelmSandbox(helmOrSkip(ctx, 3));
    const r = sb.sh('helm template web ./chart --post-renderer privreg-fix --post-renderer-args post-render --post-renderer-args=--namespace=apps');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('objects are already in namespace "default" (Helm renders .Release.Namespace), not "apps": run helm with -n apps');
    expect(r.stderr).toContain('Deployment "web-chart-app" is in namespace "default", not "apps"');
    // With helm -n the same --namespace agrees with the chart and only fills in the others.
    const ok = sb.sh('helm template web ./chart -n apps --post-renderer privreg-fix --post-renderer-args post-render --post-renderer-args=--namespace=apps');
    expect(ok.code, ok.stderr).toBe(0);
    expect(podSpecs(ok.stdout).size).toBe(4);
  });
});

describe('Helm 4 post-renderer plugin (the real Helm 4.1.4)', () => {
  it('installs from the checkout and runs the README commands: every pod spec gets the secret', (ctx) => {
    const sb = new HelmSandbox(helmOrSkip(ctx, 4));
    const [install, template] = readmeCommands('helm4-post-render');
    const installed = sb.sh(install as string);
    expect(installed.code, installed.stderr).toBe(0);
    expect(sb.sh('helm plugin list').stdout).toMatch(/privreg-fix\s+0\.1\.0\s+postrenderer\/v1/);
    const r = sb.sh(template as string);
    expect(r.code, r.stderr).toBe(0);
    expectAllFixed(r.stdout);
    // Helm 4 turns its annotation back into `# Source:` and keeps the template's comments.
    expect(r.stdout).toContain('# Source: chart-app/templates/job.yaml\n# A one-off migration');
    expect(r.stdout).not.toContain('postrenderer.helm.sh/postrender-filename');
    expect(sb.read('privreg-fix-report.txt')).toMatch(/missing-pull-secret.*\(from chart-app\/templates\/cronjob\.yaml\)|\(from chart-app\/templates\/cronjob\.yaml\).*missing-pull-secret/);
  });

  it('an invalid object fails the release; Helm shows nothing of it, the --output report has the schema finding', (ctx) => {
    const sb = new HelmSandbox(helmOrSkip(ctx, 4));
    const [install, template] = readmeCommands('helm4-post-render');
    expect(sb.sh(install as string).code).toBe(0);
    const r = sb.sh(`${template ?? ''} --set replicaCount=many --post-renderer-args=--format=json`);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('plugin "privreg-fix" exited with error');
    expect(r.stderr).not.toContain('spec.replicas');
    const report = JSON.parse(sb.read('privreg-fix-report.txt')) as { files: { findings: { ruleId: string; message: string }[] }[] };
    const schema = report.files.flatMap((f) => f.findings).filter((f) => f.ruleId === 'schema');
    expect(schema.map((f) => f.message)).toEqual(['spec.replicas: must be integer, got string "many" (from chart-app/templates/deployment.yaml)']);
  });

  it('without --output the report is kept in the cache directory, since Helm 4 discards stderr', (ctx) => {
    const sb = new HelmSandbox(helmOrSkip(ctx, 4));
    expect(sb.sh('helm plugin install node_modules/privreg-fix/helm-plugin').code).toBe(0);
    const r = sb.sh('helm template web ./chart -n apps --set replicaCount=many --post-renderer privreg-fix --post-renderer-args=--pull-secret=regcred');
    expect(r.code).not.toBe(0);
    const report = path.join(sb.env.PRIVREG_FIX_CACHE_DIR as string, 'helm-post-render-report.txt');
    expect(existsSync(report)).toBe(true);
    expect(readFileSync(report, 'utf8')).toContain('spec.replicas: must be integer');
  });

  it('the plugin has the package version', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(readFileSync(path.join(ROOT, 'helm-plugin/plugin.yaml'), 'utf8')).toContain(`\nversion: ${pkg.version}\n`);
  });
});
