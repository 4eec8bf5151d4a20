import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../src/config/types.js';
import { collectImages } from '../../src/images/collect.js';
import { formatImage, type Inventory } from '../../src/images/inventory.js';

function files(contents: Record<string, string>): { dir: string; list: { display: string; absolute: string }[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'privreg-fix-images-'));
  const list = Object.entries(contents).map(([name, text]) => {
    writeFileSync(path.join(dir, name), text);
    return { display: name, absolute: path.join(dir, name) };
  });
  return { dir, list };
}

const pairs = (inv: Inventory): string[] => inv.images.map((i) => `${formatImage(i.source)} -> ${formatImage(i.destination)}`);

const CRONJOB = `apiVersion: batch/v1
kind: CronJob
metadata: {name: backup}
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
            - {name: init, image: "busybox"}
          containers:
            - name: backup
              image: nginx:1.25
          volumes:
            - name: data
              image: {reference: quay.io/acme/data:v1}
`;

describe('collectImages', () => {
  it('lists every image of every pod spec, with position, object and its destination; deduplicated', async () => {
    const { list } = files({
      'a.yaml': CRONJOB,
      'b.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: a, image: docker.io/library/nginx:1.25}\n  ephemeralContainers:\n    - {name: dbg, image: "reg.example.com:5000/tools/debug:1"}\n',
    });
    const inv = await collectImages(list, { config: undefined, flags: { registry: 'reg.example.com:5000', registryMap: { 'quay.io': 'reg.example.com:5000/quay' } } });
    expect(pairs(inv)).toEqual([
      'docker.io/library/busybox:latest -> reg.example.com:5000/library/busybox:latest',
      'docker.io/library/nginx:1.25 -> reg.example.com:5000/library/nginx:1.25',
      'quay.io/acme/data:v1 -> reg.example.com:5000/quay/acme/data:v1',
      'reg.example.com:5000/tools/debug:1 -> reg.example.com:5000/tools/debug:1',
    ]);
    const nginx = inv.images[1];
    expect(nginx?.locations.map((l) => [l.file, l.startPos.line, l.startPos.column, l.fieldPath, l.object.kind, l.value, l.rewritten])).toEqual([
      ['a.yaml', 14, 22, 'spec.jobTemplate.spec.template.spec.containers[0].image', 'CronJob', 'nginx:1.25', 'reg.example.com:5000/library/nginx:1.25'],
      ['b.yaml', 6, 24, 'spec.containers[0].image', 'Pod', 'docker.io/library/nginx:1.25', 'reg.example.com:5000/library/nginx:1.25'],
    ]);
    expect(inv.images[3]?.moved).toBe(false);
    expect(inv.files).toBe(2);
  });

  it('without --registry nothing moves; the ignore annotation and rules: off keep an image where it is', async () => {
    const pod = (name: string, extra = ''): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${extra}spec:\n  containers:\n    - {name: a, image: redis:7.2}\n`;
    const { list } = files({ 'p.yaml': `${pod('plain')}---\n${pod('kept', '  annotations: {privreg-fix.io/ignore: image-not-from-registry}\n')}` });
    expect(pairs(await collectImages(list, { config: undefined, flags: {} }))).toEqual(['docker.io/library/redis:7.2 -> docker.io/library/redis:7.2']);
    const both = await collectImages(list, { config: undefined, flags: { registry: 'r.example.com' } });
    expect(pairs(both)).toEqual(['docker.io/library/redis:7.2 -> docker.io/library/redis:7.2', 'docker.io/library/redis:7.2 -> r.example.com/library/redis:7.2']);
    expect(both.images[0]?.locations[0]?.object.name).toBe('kept');
  });

  it('per-file settings of the config decide the destination, as for --write', async () => {
    const { dir, list } = files({ 'billing.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: nginx}]\n' });
    const config: ConfigFile = { path: path.join(dir, '.privreg-fix.yaml'), dir, settings: { registry: 'one.example.com', overrides: [{ files: 'billing.yaml', registry: 'two.example.com' }] } } as ConfigFile;
    expect(pairs(await collectImages(list, { config, flags: {} }))).toEqual(['docker.io/library/nginx:latest -> two.example.com/library/nginx:latest']);
  });

  it('well-known custom resources: image fields outside pod specs, and pod specs a CRD in the input declares', async () => {
    const { list } = files({
      'prom.yaml': 'apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: k8s}\nspec:\n  image: quay.io/prometheus/prometheus:v2.54.1\n  containers:\n    - {name: sidecar, image: "ghcr.io/acme/sidecar:1"}\n',
      'wf.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: w}\nspec:\n  templates:\n    - name: main\n      container: {image: alpine:3.20}\n    - name: s\n      script: {image: "python:3.12", source: "print(1)"}\n',
      'crd.yaml': 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec:\n  group: example.com\n  scope: Namespaced\n  names: {kind: Widget, plural: widgets}\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n          properties:\n            spec:\n              type: object\n              properties:\n                pod:\n                  type: object\n                  properties:\n                    containers: {type: array, items: {type: object}}\n                    imagePullSecrets: {type: array, items: {type: object}}\n',
      'widget.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  pod:\n    containers: [{name: a, image: "memcached:1.6"}]\n',
    });
    const inv = await collectImages(list, { config: undefined, flags: {} });
    expect(inv.images.map((i) => `${formatImage(i.source)} @ ${i.locations[0]?.fieldPath}`)).toEqual([
      'docker.io/library/alpine:3.20 @ spec.templates[0].container.image',
      'docker.io/library/memcached:1.6 @ spec.pod.containers[0].image',
      'docker.io/library/python:3.12 @ spec.templates[1].script.image',
      'ghcr.io/acme/sidecar:1 @ spec.containers[0].image',
      'quay.io/prometheus/prometheus:v2.54.1 @ spec.image',
    ]);
  });

  it('reports what it cannot list: non-literal references, invalid YAML, templates', async () => {
    const { list } = files({
      'env.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: "$(IMAGE)"}]\n',
      'bad.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, name: q}\n',
      'chart.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n',
    });
    const inv = await collectImages(list, { config: undefined, flags: {} });
    expect(inv.images).toEqual([]);
    expect(inv.unresolved.map((l) => [l.file, l.value])).toEqual([['env.yaml', '$(IMAGE)']]);
    expect(inv.problems.map((p) => [p.file, p.startPos?.line, p.message.split(' (')[0]])).toEqual([
      ['bad.yaml', 3, 'invalid YAML'],
      ['chart.yaml', 4, 'template syntax'],
    ]);
  });
});
