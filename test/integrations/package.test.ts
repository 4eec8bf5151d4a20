import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEPLOYMENT, ROOT, tempDir } from './helpers.js';
import { CHART_APP, HELM_BINARIES } from './helm-support.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function sh(cmd: string, args: string[], cwd: string, input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' }, timeout: 180_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm package', () => {
  // One slow test: pack, inspect, install into a clean directory, and use it as users would.
  it('packs only what users need, installs cleanly and works through npx, Helm and import', () => {
    const out = tempDir();
    // dist/ is built by the global setup; --ignore-scripts keeps `prepare` from rebuilding it under other tests.
    const packed = JSON.parse(execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', out], { cwd: ROOT, encoding: 'utf8' })) as
      { filename: string; files: { path: string }[] }[];
    const files = packed[0]?.files.map((f) => f.path) ?? [];
    const tarball = path.join(out, packed[0]?.filename ?? '');

    expect(files).toContain('package.json');
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('dist/bundle/bin.js');
    expect(files).toContain('schemas/config.schema.json');
    expect(files).toContain('schemas/krm-function-config.schema.json');
    for (const doc of ['README.md', 'CHANGELOG.md']) if (existsSync(path.join(ROOT, doc))) expect(files).toContain(doc);
    expect(files).toContain('helm-plugin/plugin.yaml');
    expect(files).toContain('helm-plugin/post-render.mjs');
    const stray = files.filter((f) => !/^(dist|schemas|helm-plugin)\//.test(f) && !/^(package\.json|README\.md|CHANGELOG\.md|LICENSE)$/.test(f));
    expect(stray).toEqual([]);
    expect(files.filter((f) => /^(test|fixtures|src|bench|scripts)\//.test(f) || (/\.ts$/.test(f) && !f.endsWith('.d.ts')))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /(^|\/)(\.npmrc|\.env[^/]*|[^/]*\.(pem|key|tgz)|\.docker\/config\.json)$/.test(f))).toEqual([]);

    const app = tempDir();
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    const install = sh(npm, ['install', '--no-audit', '--no-fund', tarball], app);
    expect(install.code, install.stderr).toBe(0);

    expect(sh('npx', ['privreg-fix', '--version'], app)).toMatchObject({ code: 0, stdout: `${version}\n` });
    const fixed = sh('npx', ['privreg-fix', '-n', 'apps', '-s', 'regcred', '-'], app, DEPLOYMENT);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stdout).toContain('  name: web # keep this comment\n  namespace: apps\n');

    // Helm execs the post-renderer binary directly (no shell): do the same with the installed bin.
    const bin = path.join(app, 'node_modules/.bin/privreg-fix');
    const helm = sh(bin, ['post-render', '--namespace=apps', '--pull-secret=regcred'], app, `---\n# Source: web/templates/deployment.yaml\n${DEPLOYMENT}`);
    expect(helm.code, helm.stderr).toBe(0);
    expect(helm.stdout.startsWith('---\n# Source: web/templates/deployment.yaml\n# the web front end\n')).toBe(true);

    // Helm 4: the plugin shipped in the package, installed from node_modules as the README says.
    const helm4 = HELM_BINARIES[4];
    if (existsSync(helm4) || process.env.PRIVREG_FIX_REQUIRE_HELM) {
      const homes = { HELM_DATA_HOME: path.join(app, '.helm/data'), HELM_CONFIG_HOME: path.join(app, '.helm/config'), HELM_CACHE_HOME: path.join(app, '.helm/cache') };
      const run4 = (args: string[]): ReturnType<typeof sh> => {
        const r = spawnSync(helm4, args, { cwd: app, encoding: 'utf8', env: { ...process.env, ...homes }, timeout: 120_000 });
        return { code: r.status, stdout: r.stdout, stderr: r.stderr };
      };
      const installed = run4(['plugin', 'install', 'node_modules/privreg-fix/helm-plugin']);
      expect(installed.code, installed.stderr).toBe(0);
      const rendered = run4(['template', 'web', path.join(ROOT, CHART_APP), '-n', 'apps', '--post-renderer', 'privreg-fix',
        '--post-renderer-args=--pull-secret=regcred', '--post-renderer-args=--output=report.txt']);
      expect(rendered.code, rendered.stderr).toBe(0);
      expect(rendered.stdout.match(/imagePullSecrets:\n\s+- name: regcred/g)).toHaveLength(4);
      expect(readFileSync(path.join(app, 'report.txt'), 'utf8')).toContain('missing-pull-secret');
    }

    // The README's library example, pasted as is, runs and type-checks against the installed package.
    const docs = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const example = /<!-- test: library-example -->\n```ts\n([\s\S]*?)```/.exec(docs)?.[1] ?? '';
    expect(example).toContain("from 'privreg-fix'");
    writeFileSync(path.join(app, 'example.mjs'), example);
    writeFileSync(path.join(app, 'example.mts'), example);
    writeFileSync(path.join(app, 'web.yaml'), DEPLOYMENT);
    const ran = sh(process.execPath, ['example.mjs'], app);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toContain('namespace: apps');
    expect(ran.stdout).toContain("apps [ { name: 'regcred' } ]");
    const tsc = sh(process.execPath, [
      path.join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--module', 'nodenext', '--target', 'es2022',
      '--skipLibCheck', '--typeRoots', path.join(ROOT, 'node_modules/@types'), '--types', 'node', 'example.mts',
    ], app);
    expect(tsc.code, tsc.stdout + tsc.stderr).toBe(0);
  }, 300_000);
});
