import { describe, expect, it } from 'vitest';
import { findPlaintextRegistryCredentials, isPlaceholderValue } from '../../src/credentials/index.js';

/** A fake but non-placeholder password: detection must treat it as real. */
const REALISH = 'k7Qw-test-only-9vLm';
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

function dockerConfigSecret(auths: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'regcred' },
    type: 'kubernetes.io/dockerconfigjson',
    data: { '.dockerconfigjson': b64(JSON.stringify({ auths })) },
    ...extra,
  };
}

describe('findPlaintextRegistryCredentials', () => {
  it('reports a kubectl-style secret by registry, without the credential', () => {
    const secret = dockerConfigSecret({
      'reg.example.com:5000': { username: 'ci', password: REALISH, auth: b64(`ci:${REALISH}`) },
    });
    const found = findPlaintextRegistryCredentials(secret);
    expect(found).toEqual({ registries: ['reg.example.com:5000'] });
    expect(JSON.stringify(found)).not.toContain(REALISH);
    expect(JSON.stringify(found)).not.toContain('ci');
  });

  it('counts an auth field alone, and tokens', () => {
    const secret = dockerConfigSecret({
      'a.example.com': { auth: b64(`ci:${REALISH}`) },
      'b.example.com': { identitytoken: REALISH },
      'c.example.com': { username: 'only-a-user' },
    });
    expect(findPlaintextRegistryCredentials(secret)).toEqual({ registries: ['a.example.com', 'b.example.com'] });
  });

  it('reads stringData and base64 wrapped over several lines', () => {
    const json = JSON.stringify({ auths: { 'ghcr.io': { auth: b64(`bot:${REALISH}`) } } });
    expect(
      findPlaintextRegistryCredentials({ kind: 'Secret', type: 'kubernetes.io/dockerconfigjson', stringData: { '.dockerconfigjson': json } }),
    ).toEqual({ registries: ['ghcr.io'] });
    const wrapped = b64(json).replace(/(.{20})/g, '$1\n');
    expect(
      findPlaintextRegistryCredentials({ kind: 'Secret', type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': wrapped } }),
    ).toEqual({ registries: ['ghcr.io'] });
  });

  it('understands the legacy dockercfg format', () => {
    const cfg = JSON.stringify({ 'https://index.docker.io/v1/': { auth: b64(`me:${REALISH}`), email: 'me@example.com' } });
    const secret = { apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/dockercfg', data: { '.dockercfg': b64(cfg) } };
    expect(findPlaintextRegistryCredentials(secret)).toEqual({ registries: ['https://index.docker.io/v1/'] });
  });

  it.each([
    ['empty password', { username: 'u', password: '' }],
    ['angle placeholder', { auth: '<base64>' }],
    ['substitution', { password: '${REGISTRY_PASSWORD}' }],
    ['shell variable', { password: '$REGISTRY_PASSWORD' }],
    ['template', { password: '{{ .Values.password }}' }],
    ['REPLACE_ME', { username: 'u', password: 'REPLACE_ME' }],
    ['changeme in auth', { auth: b64('admin:changeme') }],
    ['your-password in auth', { auth: b64('user:your-password') }],
    ['stars', { password: '******' }],
    ['xxx', { auth: b64('user:xxxxxxxx') }],
    ['fake test value', { password: 'not-a-real-password' }],
  ])('ignores placeholders: %s', (_label, entry) => {
    expect(findPlaintextRegistryCredentials(dockerConfigSecret({ 'reg.example.com': entry }))).toBeUndefined();
  });

  it.each([
    ['not a secret', { kind: 'ConfigMap', data: { '.dockerconfigjson': 'x' } }],
    ['opaque secret', { kind: 'Secret', type: 'Opaque', data: { password: b64(REALISH) } }],
    ['other apiVersion', { apiVersion: 'v2', kind: 'Secret', type: 'kubernetes.io/dockerconfigjson' }],
    ['no data', { kind: 'Secret', type: 'kubernetes.io/dockerconfigjson' }],
    ['placeholder data', { kind: 'Secret', type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': '<base64-encoded-json>' } }],
    ['not JSON', { kind: 'Secret', type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': b64('{oops') } }],
    ['null', null],
    ['array', []],
    ['string', 'Secret'],
  ])('returns undefined for %s', (_label, obj) => {
    expect(findPlaintextRegistryCredentials(obj)).toBeUndefined();
  });
});

describe('isPlaceholderValue', () => {
  it.each(['', '  ', '<password>', '${PASS}', '$(PASS)', '{{ pass }}', '%PASS%', '__PASS__', 'changeme', 'Change-Me', 'REPLACE_ME', 'replace-with-token', 'TODO', 'xxx', '...', 'your_password_here', 'password', 'not-a-real-password', 'dummy-token'])(
    'placeholder: %j',
    (value) => {
      expect(isPlaceholderValue(value)).toBe(true);
    },
  );

  it.each([REALISH, 'hunter2', 'Puttering9', 'opaque-token-for-tests-0001', 'correct horse battery staple', 'Tr0ub4dor&3'])('real: %j', (value) => {
    expect(isPlaceholderValue(value)).toBe(false);
  });
});
