import { describe, expect, it } from 'vitest';
import {
  explainInvalidRegistryTarget,
  isValidRegistryTarget,
  parseRegistryKey,
  registryKeyMatches,
  secretsForImage,
} from '../../src/image/index.js';

describe('isValidRegistryTarget', () => {
  it.each(['reg.example.com', 'reg.example.com:5000', 'reg.example.com:5000/team/mirror', 'localhost:5000', 'localhost', 'ghcr.io/acme/', '[::1]:5000'])(
    'accepts %s',
    (value) => {
      expect(isValidRegistryTarget(value)).toBe(true);
    },
  );

  it.each([
    ['', /empty/],
    ['https://reg.example.com', /scheme/],
    ['myregistry', /"\." or ":"/],
    ['myregistry/prefix', /"\." or ":"/],
    ['Reg.Example.com', /lowercase/],
    ['reg.example.com/Team', /path prefix/],
    ['reg.example.com/app@sha256:abc', /digest/],
    ['reg example.com', /whitespace/],
    ['-bad-.com', /invalid host/],
  ])('rejects %j with a reason', (value, reason) => {
    expect(isValidRegistryTarget(value)).toBe(false);
    expect(explainInvalidRegistryTarget(value)).toMatch(reason);
  });
});

describe('parseRegistryKey', () => {
  it('understands schemes, trailing slashes and the Docker Hub API key', () => {
    expect(parseRegistryKey('https://index.docker.io/v1/')).toEqual({ host: 'docker.io', prefix: '' });
    expect(parseRegistryKey('https://reg.example.com:5000/')).toEqual({ host: 'reg.example.com:5000', prefix: '' });
    expect(parseRegistryKey('GHCR.io/acme')).toEqual({ host: 'ghcr.io', prefix: 'acme' });
    expect(parseRegistryKey('myreg')).toEqual({ host: 'myreg', prefix: '' });
    expect(parseRegistryKey('')).toBeUndefined();
    expect(parseRegistryKey('reg.example.com/Bad')).toBeUndefined();
  });
});

describe('registryKeyMatches', () => {
  it.each([
    ['reg.example.com:5000/app:1', 'reg.example.com:5000', true],
    ['reg.example.com:5000/app:1', 'reg.example.com', false],
    ['reg.example.com/app:1', 'reg.example.com:5000', false],
    ['ghcr.io/acme/app', 'ghcr.io/acme', true],
    ['ghcr.io/acme', 'ghcr.io/acme', true],
    ['ghcr.io/acmecorp/app', 'ghcr.io/acme', false],
    ['nginx', 'docker.io', true],
    ['nginx', 'index.docker.io', true],
    ['nginx', 'https://index.docker.io/v1/', true],
    ['bitnami/redis', 'docker.io/bitnami', true],
    ['nginx', 'docker.io/library', true],
    ['quay.io/x/y', 'docker.io', false],
    ['{{ .Values.image }}', 'docker.io', false],
  ])('%s under %s: %s', (ref, key, expected) => {
    expect(registryKeyMatches(ref, key)).toBe(expected);
  });
});

describe('secretsForImage', () => {
  const registries = {
    'reg.example.com:5000': 'regcred',
    'ghcr.io/acme': 'ghcr-cred',
    'ghcr.io': 'ghcr-public',
    'docker.io': 'hub-cred',
    'index.docker.io': 'hub-legacy',
  };

  it('picks the longest matching key', () => {
    expect(secretsForImage('reg.example.com:5000/app:1', registries)).toEqual(['regcred']);
    expect(secretsForImage('ghcr.io/acme/app', registries)).toEqual(['ghcr-cred']);
    expect(secretsForImage('ghcr.io/other/app', registries)).toEqual(['ghcr-public']);
  });

  it('merges keys that are aliases of each other', () => {
    expect(secretsForImage('nginx:1.25', registries)).toEqual(['hub-cred', 'hub-legacy']);
  });

  it('returns nothing for unmatched or non-literal images', () => {
    expect(secretsForImage('quay.io/org/app', registries)).toEqual([]);
    expect(secretsForImage('${IMAGE}', registries)).toEqual([]);
  });

  it('accepts lists of secret names and deduplicates', () => {
    expect(secretsForImage('reg.example.com/app', { 'reg.example.com': ['a', 'b'], 'REG.example.com': 'a' })).toEqual(['a', 'b']);
  });
});
