import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discover } from '../../src/io/discover.js';

describe('directory scans find JSON manifests', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'privreg-json-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const put = (name: string, text: string): void => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  };
  put('deploy.json', JSON.stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' } }, null, 2));
  put('list.json', '\uFEFF{"kind": "List", "items": []}');
  put('k8s/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\n');
  put('package.json', '{"name": "app", "version": "1.0.0"}');
  put('tsconfig.json', '{"compilerOptions": {}, // comments are not JSON\n}');
  put('array.json', '[{"apiVersion": "v1", "kind": "ConfigMap"}]');
  put('kindless.json', '{"apiVersion": "v1"}');

  it('takes JSON files holding a Kubernetes object or a List, and no other JSON', async () => {
    const found = (await discover([dir], dir)).map((f) => f.display);
    expect(found).toEqual(['deploy.json', 'k8s/cm.yaml', 'list.json']);
  });

  it('always takes a JSON file named explicitly', async () => {
    const found = (await discover([path.join(dir, 'package.json')], dir)).map((f) => f.display);
    expect(found).toEqual(['package.json']);
  });
});
