/** applyPatches: the intended data of a fix, made without changing the original data. */
import { describe, expect, it } from 'vitest';
import { applyPatches } from '../../src/engine/verify.js';

describe('applyPatches', () => {
  it('sets each path, creating maps, and leaves the original data as it was', () => {
    const data = [
      { kind: 'Deployment', metadata: { name: 'a' }, spec: { template: { spec: { containers: [{ image: 'x' }] } } } },
      { kind: 'Service', metadata: { name: 'b', labels: { k: 'v' } } },
      null,
    ];
    const before = structuredClone(data);
    const out = applyPatches(data, [
      { documentIndex: 0, path: ['metadata', 'namespace'], value: 'team' },
      { documentIndex: 0, path: ['spec', 'template', 'spec', 'imagePullSecrets'], value: [{ name: 'regcred' }] },
      { documentIndex: 0, path: ['spec', 'template', 'spec', 'containers', 0, 'image'], value: 'registry.example.com/x' },
      { documentIndex: 0, path: ['metadata', 'annotations', 'a'], value: 'b' },
      { documentIndex: 1, path: ['metadata', 'namespace'], value: 'team' },
    ]);
    expect(data).toEqual(before);
    expect(out).toEqual([
      {
        kind: 'Deployment',
        metadata: { name: 'a', namespace: 'team', annotations: { a: 'b' } },
        spec: { template: { spec: { containers: [{ image: 'registry.example.com/x' }], imagePullSecrets: [{ name: 'regcred' }] } } },
      },
      { kind: 'Service', metadata: { name: 'b', labels: { k: 'v' }, namespace: 'team' } },
      null,
    ]);
    // What no patch touches is shared, not copied.
    expect((out[1] as typeof data[1])?.metadata.labels).toBe(data[1]?.metadata.labels);
    expect(out[2]).toBe(null);
  });

  it('keeps an own __proto__ key a key, and a patched value apart from the patch', () => {
    const data: unknown[] = [JSON.parse('{"metadata": {"__proto__": {"x": 1}}}')];
    const value = { list: [1] };
    const out = applyPatches(data, [{ documentIndex: 0, path: ['metadata', 'y'], value }]);
    const meta = (out[0] as { metadata: Record<string, unknown> }).metadata;
    expect(Object.getPrototypeOf(meta)).toBe(Object.prototype);
    expect(Object.keys(meta)).toEqual(['__proto__', 'y']);
    expect(meta.y).toEqual(value);
    expect(meta.y).not.toBe(value);
  });
});
