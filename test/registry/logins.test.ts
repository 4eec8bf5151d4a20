import { describe, expect, it } from 'vitest';
import { CredentialsError, LoginStore, parseDockerConfig } from '../../src/registry/logins.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');

describe('parseDockerConfig', () => {
  it('reads auths entries with base64 auth or username/password', () => {
    const entries = parseDockerConfig(JSON.stringify({
      auths: {
        'reg.example.com:5000': { auth: b64('alice:pa:ss') },
        'ghcr.io': { username: 'bob', password: 'tok' },
      },
    }), 'cfg');
    expect(entries).toEqual([
      { key: 'reg.example.com:5000', login: { username: 'alice', password: 'pa:ss', source: 'cfg' } },
      { key: 'ghcr.io', login: { username: 'bob', password: 'tok', source: 'cfg' } },
    ]);
  });

  it('notes entries it cannot use: identity tokens, credential helpers and stores', () => {
    const entries = parseDockerConfig(JSON.stringify({
      auths: { 'a.example.com': { identitytoken: 'x' }, 'b.example.com': {} },
      credHelpers: { 'c.example.com': 'ecr-login' },
    }), 'cfg');
    expect(entries.map((e) => [e.key, e.login, e.note])).toEqual([
      ['a.example.com', undefined, 'it holds an identity token, which privreg-fix (like a kubelet) does not use'],
      ['b.example.com', undefined, 'it has no username and password'],
      ['c.example.com', undefined, 'its login is kept by the credential helper docker-credential-ecr-login, which privreg-fix does not run'],
    ]);
    const store = parseDockerConfig(JSON.stringify({ auths: { 'd.example.com': {} }, credsStore: 'desktop' }), 'cfg');
    expect(store[0]?.note).toContain('docker-credential-desktop');
  });

  it('reads a legacy .dockercfg (the auths map itself)', () => {
    expect(parseDockerConfig(JSON.stringify({ 'reg.example.com': { auth: b64('u:p') } }), 'cfg', true)[0]?.login?.username).toBe('u');
  });

  it('never quotes the file in its errors (JSON.parse would)', () => {
    const secret = '{"auths":{"r":{"auth":"c2VjcmV0OnNlY3JldA=="}}';
    expect(() => parseDockerConfig(`${secret} oops`, 'cfg')).toThrow(CredentialsError);
    try {
      parseDockerConfig(`${secret} oops`, 'cfg');
    } catch (e) {
      expect((e as Error).message).toBe('cfg: not valid JSON');
    }
    expect(() => parseDockerConfig('[]', 'cfg')).toThrow('cfg: not a JSON object');
    expect(() => parseDockerConfig('{"auths":[]}', 'cfg')).toThrow('"auths" is not an object');
  });
});

describe('LoginStore', () => {
  const store = new LoginStore();
  store.add(parseDockerConfig(JSON.stringify({
    auths: {
      'https://index.docker.io/v1/': { auth: b64('hub:1') },
      'reg.example.com:5000': { auth: b64('whole:2') },
      'reg.example.com:5000/team': { auth: b64('team:3') },
      'REG.example.org': { auth: b64('org:4') },
    },
  }), 'first'));
  store.add(parseDockerConfig(JSON.stringify({ auths: { 'reg.example.com:5000': { auth: b64('later:5') } } }), 'second'));

  it('matches by host and port, Docker Hub aliases, and the longest path prefix', () => {
    expect(store.loginFor('docker.io', 'library/nginx')?.username).toBe('hub');
    expect(store.loginFor('reg.example.com:5000', 'library/nginx')?.username).toBe('whole');
    expect(store.loginFor('reg.example.com:5000', 'team/app')?.username).toBe('team');
    expect(store.loginFor('reg.example.com:5000', 'teamwork/app')?.username).toBe('whole');
    expect(store.loginFor('reg.example.org', 'x/y')?.username).toBe('org');
  });

  it('a port is part of the host; the first source added wins', () => {
    expect(store.loginFor('reg.example.com', 'library/nginx')).toBeUndefined();
    expect(store.loginFor('reg.example.com:5000', 'library/nginx')?.source).toBe('first');
  });

  it('explains a registry whose only entry holds no login', () => {
    const s = new LoginStore();
    s.add(parseDockerConfig(JSON.stringify({ credHelpers: { 'q.example.com': 'gcloud' } }), 'cfg'));
    expect(s.loginFor('q.example.com', 'a/b')).toBeUndefined();
    expect(s.noteFor('q.example.com', 'a/b')).toContain('docker-credential-gcloud');
    expect(s.size).toBe(0);
  });
});
