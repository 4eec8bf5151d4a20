/**
 * A run given a `LazyEngine` makes the engine only when a file is to be read or fixed: a run
 * whose every result comes from the cache makes none (the CLI then loads neither the engine nor
 * the YAML parser), and its results are those of the run that stored them.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRun } from '../../src/api/options.js';
import { createEngine } from '../../src/engine/create-engine.js';
import type { FileResult, RunMode } from '../../src/core/types.js';
import { ResultCache } from '../../src/run/result-cache.js';
import { runFiles, type LazyEngine } from '../../src/run/run-files.js';
import { discoverManifests } from '../../src/run/discover-manifests.js';
import { tempDir } from '../e2e/cli.js';
import { widgetCrd, WIDGET } from '../fixtures-support/crds.js';

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.27\n';
const ACCOUNT = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n';

async function run(dir: string, mode: RunMode): Promise<{ results: FileResult[]; loads: number }> {
  const resolved = await resolveRun({ cwd: dir, namespace: 'team', pullSecrets: ['regcred'], registry: 'registry.example.com' });
  let loads = 0;
  const engine: LazyEngine = {
    load: () => {
      loads++;
      return createEngine(resolved.settings);
    },
    notValidatedNotes: true,
  };
  const cache = new ResultCache(path.join(dir, '.cache', 'results.json'), { build: 'test', settings: resolved.settings });
  const files = await discoverManifests(['.'], dir, resolved.config);
  const results: FileResult[] = [];
  for await (const r of runFiles(files, (f) => resolved.optionsFor(f.absolute), engine, mode, { cache })) results.push(r);
  return { results, loads };
}

const findings = (results: FileResult[]) => results.map((r) => ({ path: r.path, output: r.output, findings: r.findings }));

describe('a lazily made engine', () => {
  it('is made once for a run that fixes files, never for one whose results are all stored', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'crd.yaml'), widgetCrd());
    writeFileSync(path.join(dir, 'widget.yaml'), WIDGET);
    writeFileSync(path.join(dir, 'app.yaml'), `${DEPLOYMENT}---\n${ACCOUNT}`);
    const first = await run(dir, 'check');
    expect(first.loads).toBe(1);
    expect(first.results.map((r) => r.path)).toEqual(['app.yaml', 'crd.yaml', 'widget.yaml']);
    expect(first.results[0]?.findings.some((f) => f.ruleId === 'missing-pull-secret')).toBe(true);

    const second = await run(dir, 'check');
    expect(second.loads).toBe(0);
    expect(findings(second.results)).toEqual(findings(first.results));

    // One file edited: the engine is made again, to fix it (and only it).
    writeFileSync(path.join(dir, 'widget.yaml'), WIDGET.replace('size: 3', 'size: 4'));
    const third = await run(dir, 'check');
    expect(third.loads).toBe(1);
    expect(third.results[2]?.output).toContain('size: 4');
    expect(findings(third.results.slice(0, 2))).toEqual(findings(first.results.slice(0, 2)));
  }, 60_000);
});
