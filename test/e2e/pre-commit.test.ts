import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './cli.js';

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;

function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { code: number | null; out: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

// The hooks exactly as a user gets them: pre-commit installs this repository as a node package
// (npm install, npm pack, npm install -g) and runs the hook on the files it is given.
describe.skipIf(!hasPreCommit)('pre-commit hooks (real pre-commit, try-repo)', () => {
  it('the check hook fails on a missing pull secret, the fix hook fixes it, then the check passes', () => {
    const repo = tempDir();
    const home = tempDir();
    const env = { PRE_COMMIT_HOME: home };
    sh('git', ['init', '-q'], repo);
    sh('git', ['config', 'user.email', 'dev@example.com'], repo);
    sh('git', ['config', 'user.name', 'dev'], repo);
    writeFileSync(path.join(repo, '.privreg-fix.yaml'), 'namespace: demo\npullSecrets: [regcred]\n');
    writeFileSync(path.join(repo, 'deploy.yaml'), readFileSync(path.join(ROOT, 'fixtures/demo/deployment.yaml')));
    sh('git', ['add', '-A'], repo);

    const check = sh('pre-commit', ['try-repo', ROOT, 'privreg-fix-check', '--files', 'deploy.yaml'], repo, env);
    expect(check.code, check.out).toBe(1);
    expect(check.out).toMatch(/deploy\.yaml:19:7\s+error\s+.*missing imagePullSecrets "regcred"\s+missing-pull-secret/);

    const fix = sh('pre-commit', ['try-repo', ROOT, 'privreg-fix', '--files', 'deploy.yaml'], repo, env);
    expect(fix.out).toContain('files were modified by this hook');
    const fixed = readFileSync(path.join(repo, 'deploy.yaml'), 'utf8');
    expect(fixed).toContain('  namespace: demo\n');
    expect(fixed).toContain('      imagePullSecrets:\n        - name: regcred\n');

    const again = sh('pre-commit', ['try-repo', ROOT, 'privreg-fix-check', '--files', 'deploy.yaml'], repo, env);
    expect(again.code, again.out).toBe(0);
    // pre-commit installs the package from the npm registry and builds it: about 260 s alone on
    // the shared 2-core machine, more while the rest of the suite runs.
  }, 600_000);
});
