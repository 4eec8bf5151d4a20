import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadLogins, secretFileLogins } from '../../src/images/credentials.js';
import { CredentialsError } from '../../src/registry/logins.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const dockerconfig = (auths: object): string => b64(JSON.stringify({ auths }));

const SECRET = (name: string, auths: object, type = 'kubernetes.io/dockerconfigjson'): string =>
  `apiVersion: v1\nkind: Secret\nmetadata: {name: ${name}, namespace: shop}\ntype: ${type}\ndata:\n  .dockerconfigjson: ${dockerconfig(auths)}\n`;

describe('secretFileLogins', () => {
  it('reads every dockerconfigjson Secret of a file (also inside a List), naming the Secret as the source', () => {
    const text = `${SECRET('regcred', { 'reg.example.com': { auth: b64('ci:pw') } })}---\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Secret\n    metadata: {name: other}\n    type: kubernetes.io/dockerconfigjson\n    stringData:\n      .dockerconfigjson: '{"auths":{"ghcr.io":{"username":"u","password":"p"}}}'\n`;
    const entries = secretFileLogins(text, 'sec.yaml');
    expect(entries.map((e) => [e.key, e.login?.username, e.login?.source])).toEqual([
      ['reg.example.com', 'ci', '--secret-file sec.yaml (Secret shop/regcred)'],
      ['ghcr.io', 'u', '--secret-file sec.yaml (Secret other)'],
    ]);
  });

  it('reads legacy kubernetes.io/dockercfg Secrets', () => {
    const text = `apiVersion: v1\nkind: Secret\nmetadata: {name: old}\ntype: kubernetes.io/dockercfg\ndata:\n  .dockercfg: ${b64(JSON.stringify({ 'reg.example.com': { auth: b64('a:b') } }))}\n`;
    expect(secretFileLogins(text, 's.yaml')[0]?.login?.username).toBe('a');
  });

  it('errors name the file and position, never the content', () => {
    expect(() => secretFileLogins('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n', 's.yaml')).toThrow('--secret-file s.yaml holds no Secret of type kubernetes.io/dockerconfigjson');
    expect(() => secretFileLogins('a: [\n', 's.yaml')).toThrow(/--secret-file s\.yaml:\d+:\d+: invalid YAML/);
    const broken = 'apiVersion: v1\nkind: Secret\nmetadata: {name: x}\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: ' + b64('{"auths": {"r": {"auth": "hunter2hunter2"}} oops') + '\n';
    try {
      secretFileLogins(broken, 's.yaml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CredentialsError);
      expect((e as Error).message).toBe('--secret-file s.yaml (Secret x): not valid JSON');
    }
  });
});

describe('loadLogins', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'privreg-fix-logins-'));
  const io = (env: NodeJS.ProcessEnv = {}, input = ''): { cwd: string; env: NodeJS.ProcessEnv; stdin: NodeJS.ReadableStream } => ({ cwd: dir, env, stdin: Readable.from([input]) });
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ auths: { 'reg.example.com': { auth: b64('from-config:1') } } }));
  writeFileSync(path.join(dir, 'secret.yaml'), SECRET('regcred', { 'reg.example.com': { auth: b64('from-secret:2') } }));
  const none = { secretFiles: [], passwordStdin: false };

  it('reads the default docker config ($DOCKER_CONFIG) only when no other source is given', async () => {
    expect((await loadLogins(none, undefined, io({ DOCKER_CONFIG: dir }))).loginFor('reg.example.com', 'a/b')?.username).toBe('from-config');
    const withSecret = await loadLogins({ ...none, secretFiles: ['secret.yaml'] }, undefined, io({ DOCKER_CONFIG: dir }));
    expect(withSecret.loginFor('reg.example.com', 'a/b')?.username).toBe('from-secret');
    expect(withSecret.size).toBe(1);
    expect((await loadLogins(none, undefined, io({ DOCKER_CONFIG: path.join(dir, 'nowhere') }))).size).toBe(0);
    expect((await loadLogins({ ...none, dockerConfig: '.' }, undefined, io())).loginFor('reg.example.com', 'a/b')?.username).toBe('from-config');
  });

  it('password flags win over a Secret, which wins over --docker-config', async () => {
    const flags = { secretFiles: ['secret.yaml'], dockerConfig: 'config.json', passwordStdin: true, dockerUsername: 'typed' };
    const store = await loadLogins(flags, 'reg.example.com/team', io({}, 'pw\n'));
    expect(store.loginFor('reg.example.com', 'a/b')).toEqual({ username: 'typed', password: 'pw', source: '--password-stdin' });
    const env = await loadLogins({ ...none, passwordEnv: 'PW', dockerUsername: 'u', dockerServer: 'other.example.com' }, undefined, io({ PW: 'x' }));
    expect(env.loginFor('other.example.com', 'a/b')?.source).toBe('--password-env');
  });

  it('explains missing pieces without echoing values', async () => {
    await expect(loadLogins({ ...none, passwordStdin: true, dockerUsername: 'u' }, undefined, io({}, 'pw'))).rejects.toThrow('--docker-server is required');
    await expect(loadLogins({ ...none, passwordStdin: true }, 'r.example.com', io({}, 'pw'))).rejects.toThrow('--docker-username is required');
    await expect(loadLogins({ ...none, dockerConfig: 'missing.json' }, undefined, io())).rejects.toThrow(/--docker-config .*missing\.json does not exist/);
    await expect(loadLogins({ ...none, passwordEnv: 'my-secret-pw', dockerUsername: 'u' }, 'r.example.com', io())).rejects.toThrow('takes the NAME of an environment variable');
  });
});
