import { describe, expect, it } from 'vitest';
import { parseImageReference } from '../../src/image/index.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('parseImageReference', () => {
  it.each([
    ['nginx', { registry: 'docker.io', path: 'library/nginx', explicitRegistry: false }],
    ['nginx:1.25', { registry: 'docker.io', path: 'library/nginx', tag: '1.25', explicitRegistry: false }],
    ['bitnami/redis', { registry: 'docker.io', path: 'bitnami/redis', explicitRegistry: false }],
    ['docker.io/nginx', { registry: 'docker.io', path: 'library/nginx', explicitRegistry: true }],
    ['index.docker.io/library/nginx:1', { registry: 'docker.io', path: 'library/nginx', tag: '1', explicitRegistry: true }],
    ['registry-1.docker.io/bitnami/redis', { registry: 'docker.io', path: 'bitnami/redis', explicitRegistry: true }],
    ['quay.io/prometheus/node-exporter:v1.8.0', { registry: 'quay.io', path: 'prometheus/node-exporter', tag: 'v1.8.0', explicitRegistry: true }],
    ['localhost/app', { registry: 'localhost', path: 'app', explicitRegistry: true }],
    ['localhost:5000/app:dev', { registry: 'localhost:5000', path: 'app', tag: 'dev', explicitRegistry: true }],
    ['reg.example.com:5000/team/app', { registry: 'reg.example.com:5000', path: 'team/app', explicitRegistry: true }],
    ['[::1]:5000/app', { registry: '[::1]:5000', path: 'app', explicitRegistry: true }],
    ['MyHost/app', { registry: 'MyHost', path: 'app', explicitRegistry: true }],
    ['a/b/c/d', { registry: 'docker.io', path: 'a/b/c/d', explicitRegistry: false }],
    ['my_org/my-app__x.y', { registry: 'docker.io', path: 'my_org/my-app__x.y', explicitRegistry: false }],
  ])('parses %s', (ref, expected) => {
    expect(parseImageReference(ref)).toEqual(expected);
  });

  it('keeps tag and digest together', () => {
    expect(parseImageReference(`nginx:1.25@${DIGEST}`)).toEqual({
      registry: 'docker.io',
      path: 'library/nginx',
      tag: '1.25',
      digest: DIGEST,
      explicitRegistry: false,
    });
    expect(parseImageReference(`ghcr.io/acme/app@${DIGEST}`)?.digest).toBe(DIGEST);
  });

  it('reads a bare host:port as a Docker Hub name with a tag, as Docker does', () => {
    expect(parseImageReference('localhost:5000')).toEqual({
      registry: 'docker.io',
      path: 'library/localhost',
      tag: '5000',
      explicitRegistry: false,
    });
  });

  it.each([
    '',
    ' nginx',
    'nginx 1.25',
    '{{ .Values.image }}',
    'repo/{{ .Values.name }}:1',
    '${IMAGE}',
    '$(IMAGE)',
    '<image>',
    'Nginx',
    'nginx:',
    'nginx:-bad',
    'nginx@sha256:short',
    'nginx@',
    '/nginx',
    'nginx/',
    'a//b',
    'reg.example.com:port/app',
    `${'a'.repeat(256)}`,
    'nginx:' + 't'.repeat(129),
  ])('rejects %j', (ref) => {
    expect(parseImageReference(ref)).toBeUndefined();
  });
});
