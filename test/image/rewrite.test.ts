import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseImageReference, rewriteImageReference } from '../../src/image/index.js';

const HOST = 'reg.example.com:5000';
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const plain = { registry: HOST, registryMap: {} };

describe('rewriteImageReference', () => {
  it.each([
    ['nginx:1.25', `${HOST}/library/nginx:1.25`],
    ['nginx', `${HOST}/library/nginx`],
    ['bitnami/redis', `${HOST}/bitnami/redis`],
    ['docker.io/bitnami/redis:7.2', `${HOST}/bitnami/redis:7.2`],
    ['index.docker.io/library/busybox', `${HOST}/library/busybox`],
    [`nginx@${DIGEST}`, `${HOST}/library/nginx@${DIGEST}`],
    [`nginx:1.25@${DIGEST}`, `${HOST}/library/nginx:1.25@${DIGEST}`],
  ])('moves Docker Hub image %s', (ref, expected) => {
    expect(rewriteImageReference(ref, plain)).toBe(expected);
  });

  it('puts Docker Hub images under the target prefix', () => {
    expect(rewriteImageReference('nginx:1.25', { registry: `${HOST}/mirror/`, registryMap: {} })).toBe(
      `${HOST}/mirror/library/nginx:1.25`,
    );
  });

  it.each([
    `${HOST}/library/nginx:1.25`,
    `${HOST}/anything/else`,
    'quay.io/prometheus/node-exporter:v1',
    'ghcr.io/acme/app:1',
    'localhost:5000/app',
    '{{ .Values.image }}',
    '',
  ])('leaves %j alone without a map entry', (ref) => {
    expect(rewriteImageReference(ref, plain)).toBeUndefined();
  });

  it('treats the target host case-insensitively', () => {
    expect(rewriteImageReference('REG.example.com:5000/app', plain)).toBeUndefined();
  });

  it('leaves images already under the target prefix alone', () => {
    const target = { registry: 'ghcr.io/acme', registryMap: {} };
    expect(rewriteImageReference('ghcr.io/acme/app:1', target)).toBeUndefined();
    expect(rewriteImageReference('ghcr.io/acmecorp/app:1', target)).toBeUndefined();
    expect(rewriteImageReference('redis', target)).toBe('ghcr.io/acme/library/redis');
  });

  it('treats a Docker Hub target as already holding its own namespace', () => {
    const target = { registry: 'docker.io/myorg', registryMap: {} };
    expect(rewriteImageReference('myorg/app:1', target)).toBeUndefined();
    expect(rewriteImageReference('nginx', target)).toBe('docker.io/myorg/library/nginx');
  });

  it('moves other registries only through the map, keeping their path', () => {
    const target = { registry: HOST, registryMap: { 'quay.io': `${HOST}/quay`, 'ghcr.io/acme': `${HOST}/acme-mirror` } };
    expect(rewriteImageReference('quay.io/prometheus/node-exporter:v1.8.0', target)).toBe(
      `${HOST}/quay/prometheus/node-exporter:v1.8.0`,
    );
    expect(rewriteImageReference(`ghcr.io/acme/tools/app@${DIGEST}`, target)).toBe(`${HOST}/acme-mirror/tools/app@${DIGEST}`);
    expect(rewriteImageReference('ghcr.io/acmecorp/app', target)).toBeUndefined();
    expect(rewriteImageReference('ghcr.io/other/app', target)).toBeUndefined();
  });

  it('uses the longest map prefix', () => {
    const target = { registry: HOST, registryMap: { 'ghcr.io': `${HOST}/ghcr`, 'ghcr.io/acme': `${HOST}/acme` } };
    expect(rewriteImageReference('ghcr.io/acme/app', target)).toBe(`${HOST}/acme/app`);
    expect(rewriteImageReference('ghcr.io/other/app', target)).toBe(`${HOST}/ghcr/other/app`);
  });

  it('lets the map override Docker Hub handling', () => {
    const target = { registry: HOST, registryMap: { 'docker.io': `${HOST}/hub`, 'docker.io/bitnami': `${HOST}/bitnami-mirror` } };
    expect(rewriteImageReference('nginx', target)).toBe(`${HOST}/hub/library/nginx`);
    expect(rewriteImageReference('bitnami/redis:7', target)).toBe(`${HOST}/bitnami-mirror/redis:7`);
  });

  it('maps an exact image path onto the target name', () => {
    const target = { registry: HOST, registryMap: { 'quay.io/org/tool': `${HOST}/tool` } };
    expect(rewriteImageReference('quay.io/org/tool:2', target)).toBe(`${HOST}/tool:2`);
  });

  it('throws on an invalid target, which callers must validate first', () => {
    expect(() => rewriteImageReference('nginx', { registry: 'https://reg.example.com', registryMap: {} })).toThrow(TypeError);
    expect(() => rewriteImageReference('quay.io/a/b', { registry: HOST, registryMap: { 'quay.io': 'nodots' } })).toThrow(TypeError);
  });

  it('is idempotent and keeps tag and digest (property)', () => {
    // Docker Hub names: the first component has no "." (that would make it a registry host).
    const first = fc.stringMatching(/^[a-z0-9]{1,8}(?:[-_][a-z0-9]{1,8})?$/);
    const component = fc.stringMatching(/^[a-z0-9]{1,8}(?:[-._][a-z0-9]{1,8})?$/);
    const tag = fc.option(fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,10}$/), { nil: undefined });
    const digest = fc.option(fc.stringMatching(/^[0-9a-f]{64}$/).map((h) => `sha256:${h}`), { nil: undefined });
    fc.assert(
      fc.property(first, fc.array(component, { maxLength: 2 }), tag, digest, (head, tail, t, d) => {
        const ref = [head, ...tail].join('/') + (t !== undefined ? `:${t}` : '') + (d !== undefined ? `@${d}` : '');
        const once = rewriteImageReference(ref, plain);
        expect(once).toBeDefined();
        const parsed = parseImageReference(once ?? '');
        expect(parsed?.registry).toBe(HOST);
        expect(parsed?.tag).toBe(t);
        expect(parsed?.digest).toBe(d);
        expect(rewriteImageReference(once ?? '', plain)).toBeUndefined();
      }),
    );
  });
});
