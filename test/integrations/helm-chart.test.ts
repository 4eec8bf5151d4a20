import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers.js';
import { CHART_APP, HelmSandbox, helmOrSkip, podSpecs, readmeCommands } from './helm-support.js';

const FIXED_VALUES = `# Default values for chart-app.

# The web front end.
replicaCount: 1
image:
  registry: reg.example.com   # where the image comes from
  repository: library/nginx
  tag: "1.27.0"

# Secrets for pulling images from a private registry.
imagePullSecrets: [{name: regcred}]

# A report every ten minutes.
cronjob:
  schedule: "*/10 * * * *"
  image:
    repository: reg.example.com/library/busybox
    tag: '1.36'

# The vendored subchart (charts/worker).
worker:
  replicas: 1
  imagePullSecrets:
    - name: regcred
  image:
    repository: reg.example.com/library/redis
`;

/** Every file below `dir`, relative, with its bytes. */
function tree(dir: string, base = dir): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) for (const [k, v] of tree(file, base)) out.set(k, v);
    else out.set(path.relative(base, file), readFileSync(file, 'latin1'));
  }
  return out;
}

/** The Job's two errors, at the lines of templates/job.yaml concerned. */
function expectJobErrors(stderr: string): void {
  expect(stderr).toMatch(/chart\/templates\/job\.yaml:10:7 +error +Job "release-name-chart-app-migrate" pod spec \(spec\.template\.spec\) gets imagePullSecrets from no value of the chart; add to the template, beside "containers:", \{\{- with \.Values\.imagePullSecrets \}\} imagePullSecrets: \{\{- toYaml \. \| nindent 8 \}\} \{\{- end \}\}/);
  expect(stderr).toMatch(/chart\/templates\/job\.yaml:12:18 +error +image "busybox:1\.36" of Job "release-name-chart-app-migrate" is not taken from any value of the chart; write "reg\.example\.com\/library\/busybox:1\.36" in the template/);
}

describe('privreg-fix chart (the real Helm)', () => {
  it('prints the proven values as a diff of values.yaml and changes nothing (Helm 3)', (ctx) => {
    const sb = new HelmSandbox(helmOrSkip(ctx, 3));
    const before = tree(sb.chart);
    const r = sb.sh(readmeCommands('chart-mode')[0] as string);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout.startsWith('--- a/chart/values.yaml\n+++ b/chart/values.yaml\n')).toBe(true);
    expect(r.stdout).toContain('-  registry: docker.io   # where the image comes from\n+  registry: reg.example.com   # where the image comes from\n');
    expect(r.stdout).toContain('-imagePullSecrets: []\n+imagePullSecrets: [{name: regcred}]\n');
    // The diff applies to the fixture and gives the file --write writes.
    const patched = sb.run('patch', ['-p1', '-o', '-', 'chart/values.yaml'], r.stdout);
    expect(patched.stdout).toBe(FIXED_VALUES);
    expect(tree(sb.chart)).toEqual(before);
    expect(r.stderr).toMatch(/chart\/values\.yaml:11:19 +error +set imagePullSecrets: \[\{"name":"regcred"\}\]: gives Deployment "release-name-chart-app" \(chart-app\/templates\/deployment\.yaml\) and CronJob "release-name-chart-app-report" \(chart-app\/templates\/cronjob\.yaml\) the pull secret "regcred" +missing-pull-secret +\(fixable with --write\)/);
    expect(r.stderr).toContain('set worker.imagePullSecrets: [{"name":"regcred"}]: gives Deployment "release-name-worker" (chart-app/charts/worker/templates/deployment.yaml)');
    expectJobErrors(r.stderr);
  });

  it('--write edits only values.yaml, keeping its comments; helm template then passes --check but for the Job (Helm 4)', (ctx) => {
    const sb = new HelmSandbox(helmOrSkip(ctx, 4));
    const [, write, check] = readmeCommands('chart-mode');
    const before = tree(sb.chart);
    const r = sb.sh(write as string);
    // As for the main command, --write prints the report on stdout.
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/set image\.registry: "reg\.example\.com": .* +image-not-from-registry +\(fixed\)/);
    expect(r.stdout).toContain('1 fixed, 2 errors');
    expectJobErrors(r.stdout);
    const after = tree(sb.chart);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [file, text] of after) if (file !== 'values.yaml') expect(text, file).toBe(before.get(file));
    expect(after.get('values.yaml')).toBe(FIXED_VALUES);

    const checked = sb.sh(check as string);
    expect(checked.code).toBe(1);
    // Errors only: the warning that "default" (where helm template renders) lacks the Secret stays.
    const findings = checked.stderr.split('\n').filter((l) => /^<stdin>:\d+:\d+\s+error/.test(l));
    expect(findings).toHaveLength(2);
    const specs = podSpecs(sb.sh('helm template web ./chart').stdout);
    for (const [name, spec] of specs) {
      const fixed = name !== 'Job/web-chart-app-migrate';
      expect(spec.secrets, name).toEqual(fixed ? ['regcred'] : []);
      for (const image of spec.images) expect(image.startsWith('reg.example.com/library/'), name).toBe(fixed);
    }
    // A second run has nothing to change.
    const again = sb.sh(write as string);
    expect(again.code).toBe(1);
    expect(sb.read('chart/values.yaml')).toBe(FIXED_VALUES);
    expect(again.stdout).not.toContain('values.yaml:');
    expect(again.stdout).toContain('0 fixed, 2 errors');
  });

  it('edits the last --values file, and reads a packaged (.tgz) subchart', (ctx) => {
    const sb = new HelmSandbox(helmOrSkip(ctx, 3));
    expect(sb.run(sb.helm, ['package', 'chart/charts/worker', '-d', 'chart/charts']).code).toBe(0);
    rmSync(path.join(sb.chart, 'charts/worker'), { recursive: true });
    const prod = '# production overrides\nreplicaCount: 3\nworker: {replicas: 2}\n';
    writeFileSync(path.join(sb.dir, 'prod.yaml'), prod);
    const r = sb.sh('privreg-fix chart ./chart -f prod.yaml -s regcred --registry reg.example.com --write');
    expect(r.code, r.stderr).toBe(1);
    expect(sb.read('chart/values.yaml')).toBe(readFileSync(path.join(ROOT, CHART_APP, 'values.yaml'), 'utf8'));
    expect(sb.read('prod.yaml')).toBe(`# production overrides
replicaCount: 3
worker: {replicas: 2, imagePullSecrets: [{name: regcred}], image: {repository: reg.example.com/library/redis}}
imagePullSecrets:
  - name: regcred
image:
  registry: reg.example.com
cronjob:
  image:
    repository: reg.example.com/library/busybox
`);
    const specs = podSpecs(sb.sh('helm template web ./chart -f prod.yaml').stdout);
    expect(specs.get('Deployment/web-worker')).toEqual({ secrets: ['regcred'], images: ['reg.example.com/library/redis:7.2'] });
  });

  it('follows a chart\'s globals, and refuses a value that would move images it must not (Helm 3)', (ctx) => {
    const sb = new HelmSandbox(helmOrSkip(ctx, 3), 'fixtures/helm/chart-globals');
    const r = sb.sh('privreg-fix chart ./chart -s regcred --registry reg.example.com --write');
    expect(r.code, r.stderr).toBe(0);
    // global.imageRegistry would also move the quay.io sidecar, which --registry leaves alone;
    // the chart ranges over names, so the secret is written as a name.
    const values = sb.read('chart/values.yaml');
    expect(values).toContain('  imageRegistry: ""\n');
    expect(values).toContain('  imagePullSecrets: [regcred]\n');
    expect(values).toContain('image:\n  registry: reg.example.com\n');
    expect(values).toContain('    registry: quay.io\n');
    expect(podSpecs(sb.sh('helm template web ./chart').stdout).get('Deployment/web-web')).toEqual({
      secrets: ['regcred'], images: ['reg.example.com/bitnami/nginx:1.27.0', 'quay.io/prometheus/nginx-exporter:v1.3.0'],
    });
  });

  it('finds Helm through $HELM_BIN, and says so clearly when there is none', (ctx) => {
    const sb = new HelmSandbox(helmOrSkip(ctx, 3));
    const env = { PATH: path.dirname(process.execPath) };
    const r = sb.sh(`"${process.execPath}" "${BIN}" chart ./chart -s regcred`, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('privreg-fix chart: Helm not found (looked for "helm" on the PATH): install Helm 3 or 4, or pass --helm PATH\n');
    const viaEnv = sb.sh(`"${process.execPath}" "${BIN}" chart ./chart -s regcred --check`, { ...env, HELM_BIN: sb.helm });
    expect(viaEnv.code).toBe(1);
    expect(viaEnv.stdout).toContain('set imagePullSecrets');
    const flag = sb.sh(`"${process.execPath}" "${BIN}" chart ./chart -s regcred --helm ./nope`, env);
    expect([flag.code, flag.stderr]).toEqual([2, 'privreg-fix chart: Helm not found (looked for --helm ./nope): install Helm 3 or 4, or pass --helm PATH\n']);
  });

  it('reports a chart that does not render with Helm\'s error', (ctx) => {
    const sb = new HelmSandbox(helmOrSkip(ctx, 4));
    writeFileSync(path.join(sb.chart, 'templates/broken.yaml'), '{{ .Values.nope.deeper }}\n');
    const r = sb.sh('privreg-fix chart ./chart -s regcred');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('privreg-fix chart: helm template ./chart failed:');
    expect(r.stderr).toContain('nil pointer evaluating interface {}.deeper');
  });
});
