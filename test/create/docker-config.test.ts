import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeDockerConfig, FAKE_PASSWORD, runWith } from './fake-io.js';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
let home = '';

beforeAll(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'privreg-docker-'));
  await mkdir(path.join(home, '.docker'));
  await writeFile(
    path.join(home, '.docker', 'config.json'),
    JSON.stringify({
      auths: {
        'reg.example.com:5000': { auth: b64(`ci-bot:${FAKE_PASSWORD}`) },
        'https://index.docker.io/v1/': { auth: b64(`hub-user:${FAKE_PASSWORD}`), email: 'hub@example.com' },
        'ghcr.io': { username: 'gh-user', password: FAKE_PASSWORD },
        'helper.example.com': {},
        'token.example.com': { identitytoken: FAKE_PASSWORD },
      },
      credHelpers: { 'helper.example.com': 'ecr-login' },
    }),
  );
  await writeFile(path.join(home, 'broken.json'), `{"auths": {"x": {"auth": "${FAKE_PASSWORD}"`);
});
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

type Auths = Record<string, Record<string, string>>;
const authsOf = (stdout: string): Auths => (decodeDockerConfig(parse(stdout) as { data?: Record<string, string> }) as { auths: Auths }).auths;
const env = (): NodeJS.ProcessEnv => ({ HOME: home, PATH: process.env['PATH'] });
const create = ['secret', 'docker-registry', 'regcred'];

describe('create secret docker-registry --from-docker-config', () => {
  it('reuses the docker login for --docker-server from ~/.docker/config.json', async () => {
    const run = await runWith([...create, '--from-docker-config', '--docker-server', 'reg.example.com:5000'], { env: env() });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(authsOf(run.stdout)).toEqual({
      'reg.example.com:5000': { username: 'ci-bot', password: FAKE_PASSWORD, auth: b64(`ci-bot:${FAKE_PASSWORD}`) },
    });
  });

  it('finds Docker Hub by its legacy key and keeps the stored email', async () => {
    const run = await runWith([...create, '--from-docker-config'], { env: env() });
    expect(authsOf(run.stdout)['https://index.docker.io/v1/']).toMatchObject({ username: 'hub-user', email: 'hub@example.com' });
    const alias = await runWith([...create, '--from-docker-config', '--docker-server', 'docker.io', '--docker-email', 'me@example.com'], { env: env() });
    expect(authsOf(alias.stdout)['docker.io']).toMatchObject({ username: 'hub-user', email: 'me@example.com' });
  });

  it('reads username/password entries, an explicit FILE and $DOCKER_CONFIG', async () => {
    const file = path.join(home, '.docker', 'config.json');
    const explicit = await runWith([...create, `--from-docker-config=${file}`, '--docker-server', 'https://ghcr.io/'], { env: env() });
    expect(authsOf(explicit.stdout)['https://ghcr.io/']).toMatchObject({ username: 'gh-user', password: FAKE_PASSWORD });
    const tilde = await runWith([...create, '--from-docker-config=~/.docker/config.json', '--docker-server', 'ghcr.io'], { env: env() });
    expect(tilde.code).toBe(0);
    const viaEnv = await runWith([...create, '--from-docker-config', '--docker-server', 'ghcr.io'], {
      env: { DOCKER_CONFIG: path.join(home, '.docker'), HOME: '/nonexistent' },
    });
    expect(viaEnv.code).toBe(0);
  });

  it.each([
    [['--docker-server', 'quay.io'], 1, /has no login for "quay.io"; it has entries for: reg.example.com:5000, /],
    [['--docker-server', 'helper.example.com'], 1, /credential helper "docker-credential-ecr-login"/],
    [['--docker-server', 'token.example.com'], 1, /identity token/],
    [['--docker-username', 'u'], 2, /drop --docker-username/],
    [['--password-stdin'], 2, /only one of/],
  ])('fails clearly for %j without printing the credential', async (extra, code, message) => {
    const run = await runWith([...create, '--from-docker-config', ...extra], { env: env() });
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain(FAKE_PASSWORD);
    expect(run.stdout).toBe('');
  });

  it('reports a broken or missing file without quoting it', async () => {
    const broken = await runWith([...create, `--from-docker-config=${path.join(home, 'broken.json')}`], { env: env() });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/is not valid JSON/);
    expect(broken.stderr).not.toContain(FAKE_PASSWORD);
    const missing = await runWith([...create, '--from-docker-config=nope.json'], { env: env(), cwd: home });
    expect(missing.stderr).toMatch(/nope\.json does not exist/);
  });

  it('asks for "=" when FILE is given as a separate word', async () => {
    const run = await runWith([...create, '--from-docker-config', 'config.json'], { env: env() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--from-docker-config=FILE/);
  });
});
