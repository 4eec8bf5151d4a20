import { describe, expect, it } from 'vitest';
import { imageInText } from '../../src/image/index.js';

describe('imageInText', () => {
  it.each([
    ['docker.io/longhornio/longhorn-engine:v1.7.2', 'docker.io/longhornio/longhorn-engine:v1.7.2'],
    ['--engine-image=longhornio/longhorn-engine:v1.7.2', 'longhornio/longhorn-engine:v1.7.2'],
    ['CSI_ATTACHER_IMAGE=registry.k8s.io/sig-storage/csi-attacher:v4.7.0', 'registry.k8s.io/sig-storage/csi-attacher:v4.7.0'],
    ['quay.io/app/x@sha256:' + 'a'.repeat(64), 'quay.io/app/x@sha256:' + 'a'.repeat(64)],
  ])('finds the image in %s', (text, image) => {
    expect(imageInText(text)?.value).toBe(image);
  });

  it.each([
    'localhost:8080', '--listen=0.0.0.0:9090', 'http://example.com/a:b', '--config=/etc/app/config.yaml',
    'nginx:1.25', 'library/nginx', 'a b/c:d', '--tmpl={{ .Image }}/x:1', 'key=value', '',
  ])('finds none in %j', (text) => {
    expect(imageInText(text)).toBeUndefined();
  });
});
