import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CrdStore, ranked } from '../../src/run/crd-store.js';
import type { CrdBatch } from '../../src/engine/learn-input.js';

const BATCH: CrdBatch = {
  crds: [
    { groupKind: 'example.com/Widget', kind: { kind: 'example.com/Widget', scope: 'Namespaced' }, source: { rank: [0, 3, 1], documentIndex: 1, file: 'crds.yaml' } },
    {
      groupKind: 'example.com/Gadget', kind: { kind: 'example.com/Gadget', scope: 'Cluster' }, source: { rank: [0, 3, 2], documentIndex: 2, file: 'crds.yaml' },
      schemas: [{ key: 'example.com/v1/Gadget', schema: { type: 'object', properties: { spec: { type: 'object' } } } }],
    },
  ],
};

const storeFile = (): string => path.join(mkdtempSync(path.join(tmpdir(), 'privreg-fix-crds-')), 'cache.crds');

describe('the CRD store beside the result cache', () => {
  it('gives back a batch stored under the same key, in a later run', () => {
    const file = storeFile();
    const store = new CrdStore(file);
    expect(store.get('/t/crds.yaml', 'k1')).toBeUndefined();
    store.set('/t/crds.yaml', 'k1', BATCH);
    store.save(() => true);
    const later = new CrdStore(file);
    expect(later.get('/t/crds.yaml', 'k1')).toEqual(BATCH);
    expect(later.get('/t/crds.yaml', 'k2')).toBeUndefined();
    expect(later.get('/t/other.yaml', 'k1')).toBeUndefined();
    // Schemas are kept as JSON text, parsed when first read.
    expect(readFileSync(file, 'utf8')).toContain('"schema":"{\\"type\\":\\"object\\"');
    expect(later.get('/t/crds.yaml', 'k1')?.crds[1]?.schemas?.[0]?.schema).toEqual({ type: 'object', properties: { spec: { type: 'object' } } });
  });

  it('drops the batches of paths not kept, and ignores a corrupt, foreign or shared file', () => {
    const file = storeFile();
    const store = new CrdStore(file);
    store.set('/t/a.yaml', 'k', BATCH);
    store.set('/t/b.yaml', 'k', BATCH);
    store.save((p) => p !== '/t/b.yaml');
    const later = new CrdStore(file);
    expect(later.get('/t/a.yaml', 'k')).toEqual(BATCH);
    expect(later.get('/t/b.yaml', 'k')).toBeUndefined();
    if (process.platform !== 'win32') {
      chmodSync(file, 0o666);
      expect(new CrdStore(file).get('/t/a.yaml', 'k')).toBeUndefined();
    }
    writeFileSync(file, '{"format": "something else", "batches": {}}', { mode: 0o600 });
    chmodSync(file, 0o600);
    expect(new CrdStore(file).get('/t/a.yaml', 'k')).toBeUndefined();
    writeFileSync(file, '{not json');
    expect(new CrdStore(file).get('/t/a.yaml', 'k')).toBeUndefined();
  });

  it('ranks a stored batch as the CRD file of this run it is', () => {
    expect(ranked(BATCH, 7).crds[0]?.source.rank).toEqual([0, 7, 1]);
    expect(BATCH.crds[0]?.source.rank).toEqual([0, 3, 1]);
  });
});
