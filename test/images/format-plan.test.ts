import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatCrane, formatSkopeoSync, yamlScalar } from '../../src/images/format-plan.js';
import { InventoryBuilder, type Inventory } from '../../src/images/inventory.js';

/** An inventory of (value, rewritten) pairs, each at a made-up place. */
function inventory(pairs: [string, string][]): Inventory {
  const b = new InventoryBuilder();
  b.files = 1;
  pairs.forEach(([value, rewritten], i) => b.add({
    file: 'x.yaml', start: i, end: i, startPos: { line: i + 1, column: 1 }, endPos: { line: i + 1, column: 2 },
    fieldPath: `spec.containers[${i}].image`, object: { apiVersion: 'v1', kind: 'Pod', name: 'p', documentIndex: 0 }, value, rewritten,
  }));
  return b.build();
}

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('formatSkopeoSync', () => {
  it('keys by source registry with Docker Hub normalised; the YAML parses to what skopeo sync reads', () => {
    const out = formatSkopeoSync(inventory([['nginx:1.25', 'nginx:1.25'], ['quay.io/prometheus/node-exporter:v1.8.0', 'quay.io/prometheus/node-exporter:v1.8.0']]));
    expect(parse(out)).toEqual({
      'docker.io': { images: { 'library/nginx': ['1.25'] } },
      'quay.io': { images: { 'prometheus/node-exporter': ['v1.8.0'] } },
    });
  });

  it('gathers tags per repository, copies tag@digest by digest, untagged as latest (never an empty list)', () => {
    const out = formatSkopeoSync(inventory([
      ['nginx:1.25', 'r.example.com/library/nginx:1.25'],
      ['docker.io/library/nginx:1.26', 'r.example.com/library/nginx:1.26'],
      [`nginx:1.27@${DIGEST}`, `r.example.com/library/nginx:1.27@${DIGEST}`],
      ['busybox', 'r.example.com/library/busybox'],
      ['127.0.0.1:5000/a/b:7', '127.0.0.1:5000/a/b:7'],
    ]));
    expect(parse(out)).toEqual({
      '127.0.0.1:5000': { images: { 'a/b': ['7'] } },
      'docker.io': { images: { 'library/busybox': ['latest'], 'library/nginx': ['1.25', '1.26', DIGEST] } },
    });
    expect(out).toContain('#   skopeo sync --all --src yaml --dest docker PLAN.yaml r.example.com/library   # docker.io/library/busybox, docker.io/library/nginx\n');
    expect(out).toContain('library/nginx: ["1.25", "1.26", "sha256:');
    expect(out).toContain('# -> r.example.com/library/nginx\n');
  });

  it('says when destinations need several runs, and points renames at crane', () => {
    const out = formatSkopeoSync(inventory([
      ['nginx:1', 'r.example.com/library/nginx:1'],
      ['quay.io/a/b:1', 'r.example.com/quay/a/b:1'],
      ['ghcr.io/x/y:1', 'r.example.com/z:1'],
    ]));
    expect(out).toContain('these images go to 2 destination directories');
    expect(out).toContain('# skopeo sync cannot rename ghcr.io/x/y -> r.example.com/z: copy it with --format crane');
  });

  it('an empty inventory is an empty map', () => {
    expect(parse(formatSkopeoSync(inventory([])))).toEqual({});
  });

  it('quotes what YAML would not read as the same string', () => {
    expect(['1.25', '7', 'v1.8.0', 'latest', 'yes', 'on', 'null', 'sha256:ab', '127.0.0.1:5000', 'docker.io', 'library/nginx', '1e3'].map(yamlScalar))
      .toEqual(['"1.25"', '"7"', 'v1.8.0', 'latest', '"yes"', '"on"', '"null"', '"sha256:ab"', '"127.0.0.1:5000"', 'docker.io', 'library/nginx', '"1e3"']);
  });
});

describe('formatCrane', () => {
  it('one crane copy per image that moves, by digest when pinned; images that stay as comments', () => {
    expect(formatCrane(inventory([
      ['nginx:1.25', 'r.example.com/library/nginx:1.25'],
      [`redis:7@${DIGEST}`, `r.example.com/library/redis:7@${DIGEST}`],
      ['busybox', 'r.example.com/library/busybox'],
      ['quay.io/a/b:1', 'quay.io/a/b:1'],
    ]))).toBe([
      '# 3 image(s) to copy, from privreg-fix images --format crane.',
      'crane copy docker.io/library/busybox:latest r.example.com/library/busybox:latest',
      'crane copy docker.io/library/nginx:1.25 r.example.com/library/nginx:1.25',
      `crane copy docker.io/library/redis@${DIGEST} r.example.com/library/redis@${DIGEST}`,
      '# not rewritten, nothing to copy: quay.io/a/b:1',
      '',
    ].join('\n'));
  });
});
