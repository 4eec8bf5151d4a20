import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './cli.js';

function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { code: number | null; out: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/**
 * This repository as pre-commit sees a hook repository: a git repository at one commit. Like
 * `pre-commit try-repo`, it holds the working tree as it is (uncommitted changes included), so
 * the test checks the code under test, not the last commit.
 */
function hookRepository(): { dir: string; rev: string } {
  const dir = tempDir();
  const listed = sh('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], ROOT);
  for (const file of listed.out.split('\0').filter(Boolean)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(dir, file), { verbatimSymlinks: true });
  }
  sh('git', ['init', '-q'], dir);
  sh('git', ['add', '-A'], dir);
  sh('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-q', '-m', 'hooks'], dir);
  return { dir, rev: sh('git', ['rev-parse', 'HEAD'], dir).out.trim() };
}

// The hooks exactly as a user gets them: a .pre-commit-config.yaml names this repository at a
// commit; pre-commit installs it as a node package (npm install, npm pack, npm install -g) once,
// into PRE_COMMIT_HOME, and every later run of either hook reuses that environment.
describe('pre-commit hooks (real pre-commit)', () => {
  it('the check hook fails on a missing pull secret, the fix hook fixes it, then the check passes', (ctx) => {
    ctx.skip(spawnSync('pre-commit', ['--version']).status !== 0, 'pre-commit is not installed');
    const hooks = hookRepository();
    const repo = tempDir();
    const env = { PRE_COMMIT_HOME: tempDir() };
    sh('git', ['init', '-q'], repo);
    writeFileSync(
      path.join(repo, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${hooks.dir}\n    rev: ${hooks.rev}\n    hooks:\n      - id: privreg-fix\n      - id: privreg-fix-check\n`,
    );
    writeFileSync(path.join(repo, '.privreg-fix.yaml'), 'namespace: demo\npullSecrets: [regcred]\n');
    writeFileSync(path.join(repo, 'deploy.yaml'), readFileSync(path.join(ROOT, 'fixtures/demo/deployment.yaml')));
    sh('git', ['add', '-A'], repo);

    const check = sh('pre-commit', ['run', 'privreg-fix-check', '--files', 'deploy.yaml'], repo, env);
    expect(check.code, check.out).toBe(1);
    expect(check.out).toMatch(/deploy\.yaml:19:7\s+error\s+.*missing imagePullSecrets "regcred"\s+missing-pull-secret/);

    const fix = sh('pre-commit', ['run', 'privreg-fix', '--files', 'deploy.yaml'], repo, env);
    expect(fix.code, fix.out).toBe(1);
    expect(fix.out).toContain('files were modified by this hook');
    const fixed = readFileSync(path.join(repo, 'deploy.yaml'), 'utf8');
    expect(fixed).toContain('  namespace: demo\n');
    expect(fixed).toContain('      imagePullSecrets:\n        - name: regcred\n');

    const again = sh('pre-commit', ['run', 'privreg-fix-check', '--files', 'deploy.yaml'], repo, env);
    expect(again.code, again.out).toBe(0);
    // The environment was installed once, by the first run.
    expect(`${fix.out}${again.out}`).not.toContain('Installing environment');
    expect(check.out).toContain('Installing environment');
    // The one install (npm install of this package, its build, npm pack) takes about 30 s on an
    // idle 2-core machine, several times that under load.
  }, 600_000);
});
