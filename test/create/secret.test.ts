import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { decodeDockerConfig, FAKE_PASSWORD, runWith } from './fake-io.js';

const base = ['secret', 'docker-registry', 'regcred', '--docker-server', 'reg.example.com:5000', '--docker-username', 'ci-bot'];
const env = { REG_PASSWORD: FAKE_PASSWORD, PATH: process.env['PATH'] };

function configOf(stdout: string): unknown {
  return decodeDockerConfig(parse(stdout) as { data?: Record<string, string> });
}

const expectedConfig = (password: string, extra: Record<string, string> = {}) => ({
  auths: {
    'reg.example.com:5000': {
      username: 'ci-bot',
      password,
      ...extra,
      auth: Buffer.from(`ci-bot:${password}`).toString('base64'),
    },
  },
});

describe('create secret docker-registry', () => {
  it('prints a clean Secret, password from the environment', async () => {
    const run = await runWith([...base, '--password-env', 'REG_PASSWORD', '-n', 'team-a'], { env });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const obj = parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(obj)).toEqual(['apiVersion', 'kind', 'metadata', 'type', 'data']);
    expect(obj['metadata']).toEqual({ name: 'regcred', namespace: 'team-a' });
    expect(obj['type']).toBe('kubernetes.io/dockerconfigjson');
    expect(configOf(run.stdout)).toEqual(expectedConfig(FAKE_PASSWORD));
  });

  it('reads --password-stdin and strips one trailing newline', async () => {
    for (const [input, password] of [
      [`${FAKE_PASSWORD}\n`, FAKE_PASSWORD],
      [`${FAKE_PASSWORD}\r\n`, FAKE_PASSWORD],
      [FAKE_PASSWORD, FAKE_PASSWORD],
      [`${FAKE_PASSWORD}\n\n`, `${FAKE_PASSWORD}\n`],
    ] as const) {
      const run = await runWith([...base, '--password-stdin', '--docker-email', 'ci@example.com'], { stdin: input });
      expect(run.code).toBe(0);
      expect(configOf(run.stdout)).toEqual(expectedConfig(password, { email: 'ci@example.com' }));
    }
  });

  it('accepts --docker-password with a warning that does not repeat it', async () => {
    const run = await runWith([...base, `--docker-password=${FAKE_PASSWORD}`]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: --docker-password .*shell history and process/);
    expect(run.stderr).not.toContain(FAKE_PASSWORD);
    expect(configOf(run.stdout)).toEqual(expectedConfig(FAKE_PASSWORD));
  });

  it('defaults the server to Docker Hub like kubectl', async () => {
    const run = await runWith(['secret', 'docker-registry', 'hub', '--docker-username', 'u', '--password-env', 'REG_PASSWORD'], { env });
    expect(Object.keys((configOf(run.stdout) as { auths: object }).auths)).toEqual(['https://index.docker.io/v1/']);
  });

  it('prints JSON with -o json and accepts --dry-run=client', async () => {
    const run = await runWith([...base, '--password-env', 'REG_PASSWORD', '--dry-run=client', '-o', 'json'], { env });
    expect(run.code).toBe(0);
    expect(configOf(run.stdout)).toEqual(expectedConfig(FAKE_PASSWORD));
  });

  it.each([
    [[...base], 2, /--password-stdin or --password-env/],
    [[...base, '--password-stdin', '--password-env', 'REG_PASSWORD'], 2, /only one of/],
    [[...base, '--password-stdin', FAKE_PASSWORD], 2, /extra words are not shown/],
    [[...base, '--password-env', FAKE_PASSWORD], 2, /NAME of an environment variable/],
    [[...base, '--password-env', `${FAKE_PASSWORD}!`], 2, /NAME of an environment variable/],
    [[...base, '--password-env', 'UNSET_VAR'], 1, /environment variable UNSET_VAR is not set/],
    [[...base, '--password-stdin'], 1, /stdin was empty/],
    [['secret', 'docker-registry', 'regcred', '--password-env', 'REG_PASSWORD'], 2, /--docker-username is required/],
    [['secret', 'docker-registry', '--docker-username', 'u', '--password-env', 'REG_PASSWORD'], 2, /missing secret NAME/],
    [['secret', 'docker-registry', 'Reg_Cred', '--docker-username', 'u', '--password-env', 'REG_PASSWORD'], 2, /invalid secret name/],
    [[...base, '--password-env', 'REG_PASSWORD', '-n', 'Bad'], 2, /invalid --namespace/],
    [[...base, '--password-env', 'REG_PASSWORD', '--force'], 2, /--force only applies/],
    [[...base, `--docker-pasword=${FAKE_PASSWORD}`], 2, /unknown option '--docker-pasword' \(did you mean '--docker-password'\?\)/],
    [[...base, `--password-stdin=${FAKE_PASSWORD}`], 2, /does not take an argument/],
    [['secret', 'generic', 'x'], 2, /"generic" secrets are not supported/],
    [['secret', FAKE_PASSWORD], 2, /that secret type is not supported/],
  ])('fails %j without leaking the password', async (args, code, message) => {
    const run = await runWith(args, { env });
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain(FAKE_PASSWORD);
  });

  it('does not echo a password-like word given as the variable name', async () => {
    const typedPassword = 'notARealPassword';
    const run = await runWith([...base, '--password-env', typedPassword], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/environment variable named by --password-env is not set/);
    expect(run.stderr).not.toContain(typedPassword);
  });

  it('shows help', async () => {
    const run = await runWith(['secret', 'docker-registry', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--password-stdin/);
    expect(run.stdout).toMatch(/--from-docker-config\[=FILE\]/);
  });
});
