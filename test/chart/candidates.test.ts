import { describe, expect, it } from 'vitest';
import { findCandidates } from '../../src/chart/candidates.js';
import type { PodSpecState, Target } from '../../src/chart/render-state.js';
import { withSubcharts } from '../../src/chart/values.js';
import { defaultFixOptions, type FixOptions } from '../../src/core/options.js';

const options = (o: Partial<FixOptions>): FixOptions => ({ ...defaultFixOptions(), ...o });

function targets(images: string[], missing: string[] = ['regcred']): Target[] {
  const podSpec: PodSpecState = {
    key: 'k', ref: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', documentIndex: 0 }, fieldPath: 'spec.template.spec', secrets: [], missing, images: [],
  };
  return [
    ...(missing.length > 0 ? [{ key: 'secret|k', kind: 'secret' as const, podSpec }] : []),
    ...images.map((value, i) => ({ key: `image|${i}`, kind: 'image' as const, podSpec, image: { key: String(i), fieldPath: 'x', value, expected: `reg.example.com/${value}` } })),
  ];
}

describe('findCandidates (the values conventions)', () => {
  it('image maps: registry kept apart where the chart has one, the whole repository where not', () => {
    const values = { image: { registry: 'docker.io', repository: 'nginx', tag: '1' }, job: { image: { repository: 'busybox' } }, other: { image: { repository: 'redis' } } };
    const found = findCandidates(values, targets(['docker.io/library/nginx:1', 'busybox:1.36'], []), options({ registry: 'reg.example.com' }));
    expect(found.map((c) => [c.path.join('.'), c.variants, c.declared])).toEqual([
      ['image', [[{ path: ['image', 'registry'], value: 'reg.example.com' }, { path: ['image', 'repository'], value: 'library/nginx' }]], true],
      ['job.image', [[{ path: ['job', 'image', 'repository'], value: 'reg.example.com/library/busybox' }]], true],
      // `other.image` (redis) names no image of the render: not tried.
      ['global.imageRegistry', [[{ path: ['global', 'imageRegistry'], value: 'reg.example.com' }]], false],
    ]);
  });

  it('keeps the repository when only the registry changes; maps other registries with --registry-map', () => {
    const values = { image: { registry: 'quay.io', repository: 'prometheus/prometheus' }, global: { imageRegistry: '' } };
    const found = findCandidates(values, targets(['quay.io/prometheus/prometheus:v3'], []), options({ registry: 'reg.example.com', registryMap: { 'quay.io': 'reg.example.com/quay' } }));
    expect(found.map((c) => c.variants[0])).toEqual([
      [{ path: ['image', 'registry'], value: 'reg.example.com/quay' }],
      [{ path: ['global', 'imageRegistry'], value: 'reg.example.com' }],
    ]);
  });

  it('pull-secret lists: {name} entries first, then names; in the style of the entries already there', () => {
    const values = { imagePullSecrets: [], worker: { imagePullSecrets: ['old'] }, image: { repository: 'x', pullSecrets: [{ name: 'old' }] } };
    const found = findCandidates(values, targets([]), options({ pullSecrets: ['regcred'] }));
    expect(found.map((c) => [c.path.join('.'), c.variants.map((v) => v[0]?.value), c.declared])).toEqual([
      ['imagePullSecrets', [[{ name: 'regcred' }], ['regcred']], true],
      ['worker.imagePullSecrets', [['old', 'regcred']], true],
      ['image.pullSecrets', [[{ name: 'old' }, { name: 'regcred' }]], true],
      ['global.imagePullSecrets', [[{ name: 'regcred' }], ['regcred']], false],
    ]);
  });

  it('a subchart\'s defaults are under its key, its globals under the parent\'s', () => {
    const values = withSubcharts({ worker: { replicas: 2 } }, [{
      key: 'worker', name: 'redis', location: 'charts/redis', subcharts: [],
      values: { imagePullSecrets: [], global: { imagePullSecrets: [] }, image: { repository: 'redis' } },
    }]);
    expect(values).toEqual({ worker: { imagePullSecrets: [], image: { repository: 'redis' }, replicas: 2 }, global: { imagePullSecrets: [] } });
    const found = findCandidates(values, targets(['redis:7']), options({ pullSecrets: ['regcred'], registry: 'reg.example.com' }));
    expect(found.map((c) => c.path.join('.'))).toEqual(['worker.imagePullSecrets', 'worker.image', 'global.imagePullSecrets', 'imagePullSecrets', 'global.imageRegistry']);
  });
});
