import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeDockerConfig, FAKE_PASSWORD, runWith } from './fake-io.js';

function hasGit(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let root = '';
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'privreg-secret-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const env = (): NodeJS.ProcessEnv => ({ PATH: process.env['PATH'], HOME: root, REG_PASSWORD: FAKE_PASSWORD });
const secretArgs = (file: string): string[] => [
  'secret',
  'docker-registry',
  'regcred',
  '--docker-server',
  'reg.example.com',
  '--docker-username',
  'ci-bot',
  '--password-env',
  'REG_PASSWORD',
  '-o',
  file,
];

describe('create secret -o FILE', () => {
  it('writes the Secret with mode 0600, atomically, and leaves no temp file', async () => {
    const dir = path.join(root, 'plain');
    await mkdir(dir);
    const file = path.join(dir, 'regcred.yaml');
    await writeFile(file, 'old content', { mode: 0o644 });
    const run = await runWith(secretArgs(file), { env: env() });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/wrote Secret regcred to .*regcred\.yaml \(mode 0600\)/);
    expect(run.stderr).not.toContain(FAKE_PASSWORD);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const text = await readFile(file, 'utf8');
    expect(text.startsWith('# Holds a registry password in base64')).toBe(true);
    const config = decodeDockerConfig(parse(text) as { data?: Record<string, string> }) as { auths: Record<string, { password: string }> };
    expect(config.auths['reg.example.com']?.password).toBe(FAKE_PASSWORD);
    expect(await readdir(dir)).toEqual(['regcred.yaml']);
  });

  it('resolves a relative FILE against cwd', async () => {
    const dir = path.join(root, 'relative');
    await mkdir(dir);
    const run = await runWith(secretArgs('out.yaml'), { env: env(), cwd: dir });
    expect(run.code).toBe(0);
    expect((await stat(path.join(dir, 'out.yaml'))).mode & 0o777).toBe(0o600);
  });

  it('fails clearly when the directory does not exist', async () => {
    const run = await runWith(secretArgs(path.join(root, 'missing', 'x.yaml')), { env: env() });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no such directory/);
  });

  describe.skipIf(!hasGit())('inside a git work tree', () => {
    let repo = '';
    beforeAll(async () => {
      repo = path.join(root, 'repo');
      await mkdir(path.join(repo, 'deploy'), { recursive: true });
      execFileSync('git', ['init', '-q'], { cwd: repo });
    });

    it('refuses, explaining that a committed Secret leaks the password', async () => {
      const file = path.join(repo, 'deploy', 'regcred.yaml');
      const run = await runWith(secretArgs(file), { env: env() });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/refusing to write the Secret .* inside a git work tree/);
      expect(run.stderr).toMatch(/committed Secret leaks the registry password/);
      expect(run.stderr).toMatch(/--force/);
      expect(run.stderr).not.toContain(FAKE_PASSWORD);
      await expect(stat(file)).rejects.toThrow();
      expect(await readdir(path.join(repo, 'deploy'))).toEqual([]);
    });

    it('writes with --force', async () => {
      const file = path.join(repo, 'deploy', 'regcred.yaml');
      const run = await runWith([...secretArgs(file), '--force'], { env: env() });
      expect(run.code).toBe(0);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
    });

    it('treats a missing git as "not in a work tree"', async () => {
      const file = path.join(repo, 'deploy', 'nogit.yaml');
      const run = await runWith(secretArgs(file), { env: { ...env(), PATH: path.join(root, 'empty-path') } });
      expect(run.code).toBe(0);
    });
  });
});
