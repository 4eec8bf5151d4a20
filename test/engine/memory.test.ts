/**
 * A long run keeps only what it needs of the files it is done with. Strings read from YAML are
 * slices of their file's text in V8, so one name kept in a run-wide table keeps a whole file
 * alive; CRD files, processed first and reported in their turn, are the big ones. This test
 * measures the heap (after a full collection) once every CRD file has been processed and held:
 * what they keep must be far smaller than their texts.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString, getHeapStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { resolveRun } from '../../src/api/options.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { PREREAD_BUDGET } from '../../src/run/preread-texts.js';
import { runFiles } from '../../src/run/run-files.js';
import { discoverManifests } from '../../src/run/discover-manifests.js';
import { countsOnly } from '../../src/report/counts.js';
import type { FileResult } from '../../src/core/types.js';
import { tempDir } from '../e2e/cli.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const CRD_FILES = 20;
const PROPERTIES = 50;
const BLOB_LINES = 20_000;

/**
 * A CRD, one of its resources (unless `resource` is false) and a ConfigMap holding a large text
 * (about 1.2 MB in all).
 */
function crdFile(n: number, blobLines: number, resource: boolean): string {
  const properties = Object.fromEntries(Array.from({ length: PROPERTIES }, (_, i) =>
    [`field${n}x${i}`, { type: 'string', pattern: `^value-${n}-${i}-[a-z]+$`, enum: [`first-${n}-${i}`, `second-${n}-${i}`] }]));
  const crd = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `widgets${n}.example${n}.com` },
    spec: {
      group: `example${n}.com`,
      names: { kind: `Widget${n}`, plural: `widgets${n}` },
      scope: 'Namespaced',
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties } } } } }],
    },
  };
  const widget = `apiVersion: example${n}.com/v1
kind: Widget${n}
metadata:
  name: widget-number-${n}-with-a-long-name
spec:
  field${n}x1: value-${n}-1-abc
---
`;
  return `${stringify(crd)}---
${resource ? widget : ''}apiVersion: v1
kind: ConfigMap
metadata:
  name: settings-number-${n}-with-a-long-name
data:
  blob: |
${Array.from({ length: blobLines }, (_, i) => `    line ${i} of file ${n}: ${'x'.repeat(40)}`).join('\n')}
`;
}

const heap = (): number => {
  gc();
  return getHeapStatistics().used_heap_size;
};

/** Writes the tree (CRD files named to come last: learned before the first file is fixed). */
function makeTree(blobLines: number, resource: boolean): { dir: string; crdBytes: number } {
  const dir = tempDir();
  let crdBytes = 0;
  for (let n = 0; n < CRD_FILES; n++) {
    const text = crdFile(n, blobLines, resource);
    crdBytes += text.length;
    writeFileSync(path.join(dir, `z-crd-${n}.yaml`), text);
  }
  writeFileSync(path.join(dir, 'a-first.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\n');
  return { dir, crdBytes };
}

/** Checks a tree on one thread; returns the heap growth once the first result comes. */
async function run(dir: string): Promise<{ during: number; results: FileResult[] }> {
  const resolved = await resolveRun({ cwd: dir, namespace: 'team', pullSecrets: ['regcred'] });
  const engine = await createEngine(resolved.settings);
  const files = await discoverManifests(['.'], dir, resolved.config);
  const before = heap();
  let during = 0;
  const results: FileResult[] = [];
  for await (const r of runFiles(files, (f) => resolved.optionsFor(f.absolute), engine, 'check', { keepTexts: false })) {
    // The first result comes once every CRD of the input has been learned.
    if (results.length === 0) during = heap() - before;
    results.push(countsOnly(r));
  }
  return { during, results };
}

describe('memory of a long run', () => {
  it('does not keep the texts of the CRD files it holds back', async () => {
    // The same kinds once on small files first: validators and schemas loaded once per process
    // are not what this test is about.
    await run(makeTree(10, false).dir);
    const { dir, crdBytes } = makeTree(BLOB_LINES, false);
    const { during, results } = await run(dir);
    expect(results).toHaveLength(CRD_FILES + 1);
    expect(results.filter((r) => r.changed)).toHaveLength(CRD_FILES + 1);
    expect(crdBytes).toBeGreaterThan(20_000_000);
    // Files of CRDs and built-in kinds are fixed from the parse that taught the run their CRDs
    // and held until their turn. Learned schemas, compiled validators and held findings stay;
    // the texts (over 20 MB) must not, through strings they share with them.
    expect(during).toBeLessThan(crdBytes / 2);
  }, 120_000);

  it('keeps no more of the texts of CRD files that use their own kinds than the pre-read budget', async () => {
    await run(makeTree(10, true).dir);
    const { dir, crdBytes } = makeTree(BLOB_LINES, true);
    const { during, results } = await run(dir);
    expect(results.filter((r) => r.changed)).toHaveLength(CRD_FILES + 1);
    expect(crdBytes).toBeGreaterThan(PREREAD_BUDGET + 8_000_000);
    // Such files are fixed at their turn, their texts kept from the pre-pass up to the budget.
    expect(during).toBeLessThan(PREREAD_BUDGET + (crdBytes - PREREAD_BUDGET) / 2);
  }, 120_000);
});
