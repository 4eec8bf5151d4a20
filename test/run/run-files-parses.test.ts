/**
 * How often a run parses a file: an operator's install bundle (CRDs, a ServiceAccount, RBAC and
 * a Deployment in one file) is read by the index pre-pass and by the CRD phase, a file with a
 * ServiceAccount by the pre-pass and when it is fixed; the text of each must be parsed once (its
 * fixed text is parsed again, to verify it), and give the result a write run gives.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { resolveRun } from '../../src/api/options.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { runFiles } from '../../src/run/run-files.js';
import { discoverManifests } from '../../src/run/discover-manifests.js';
import type { FileResult, RunMode } from '../../src/core/types.js';
import { tempDir } from '../e2e/cli.js';
import { widgetCrd, WIDGET } from '../fixtures-support/crds.js';

const parsed: string[] = [];
vi.mock('../../src/yaml/parse.js', async (original) => {
  const actual = await original<typeof import('../../src/yaml/parse.js')>();
  return { ...actual, parseManifest: (file: string, text: string) => (parsed.push(text), actual.parseManifest(file, text)) };
});

const BUNDLE = `${widgetCrd()}---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: widget-operator
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: widget-operator
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: widget-operator}
subjects:
- kind: ServiceAccount
  name: widget-operator
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: widget-operator
spec:
  selector:
    matchLabels: {app: widget-operator}
  template:
    metadata:
      labels: {app: widget-operator}
    spec:
      serviceAccountName: widget-operator
      containers:
      - name: operator
        image: docker.io/example/widget-operator:1.0
`;

/** A file the pre-pass parses too (it holds a ServiceAccount), without CRDs. */
const ACCOUNTS = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  serviceAccountName: app\n  containers:\n  - name: app\n    image: docker.io/library/nginx:1.27\n';

async function run(dir: string, mode: RunMode): Promise<FileResult[]> {
  const resolved = await resolveRun({ cwd: dir, namespace: 'team', pullSecrets: ['regcred'], registry: 'registry.example.com' });
  const engine = await createEngine(resolved.settings);
  const files = await discoverManifests(['.'], dir, resolved.config);
  const results: FileResult[] = [];
  for await (const r of runFiles(files, (f) => resolved.optionsFor(f.absolute), engine, mode)) results.push(r);
  return results;
}

describe('parses of a run', () => {
  it('parses a file of CRDs and ServiceAccounts once for the pre-pass and the CRDs, one of ServiceAccounts once for the pre-pass and its fix', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'a'));
    writeFileSync(path.join(dir, 'a', 'bundle.yaml'), BUNDLE);
    writeFileSync(path.join(dir, 'widget.yaml'), WIDGET);
    writeFileSync(path.join(dir, 'accounts.yaml'), ACCOUNTS);
    parsed.length = 0;
    const checked = await run(dir, 'check');
    expect(parsed.filter((t) => t === BUNDLE)).toHaveLength(1);
    expect(parsed.filter((t) => t === ACCOUNTS)).toHaveLength(1);

    // Write mode reads each file again before fixing it: nothing of the pre-pass is kept.
    const copy = tempDir();
    mkdirSync(path.join(copy, 'a'));
    copyFileSync(path.join(dir, 'a', 'bundle.yaml'), path.join(copy, 'a', 'bundle.yaml'));
    copyFileSync(path.join(dir, 'widget.yaml'), path.join(copy, 'widget.yaml'));
    copyFileSync(path.join(dir, 'accounts.yaml'), path.join(copy, 'accounts.yaml'));
    parsed.length = 0;
    const written = await run(copy, 'write');
    expect(parsed.filter((t) => t === BUNDLE)).toHaveLength(2);
    expect(parsed.filter((t) => t === ACCOUNTS)).toHaveLength(2);

    const strip = (results: FileResult[]) => results.map((r) => ({ path: r.path, output: r.output, findings: r.findings }));
    expect(strip(checked)).toEqual(strip(written));
    const [bundle, accounts, widget] = checked;
    expect(bundle?.path).toBe('a/bundle.yaml');
    expect(readFileSync(path.join(copy, 'a', 'bundle.yaml'), 'utf8')).toBe(bundle?.output);
    expect(bundle?.output).toContain('  name: widget-operator\n  namespace: team\n');
    expect(bundle?.output).toContain('      imagePullSecrets:\n      - name: regcred\n');
    expect(readFileSync(path.join(copy, 'accounts.yaml'), 'utf8')).toBe(accounts?.output);
    expect(accounts?.output).toContain('  imagePullSecrets:\n  - name: regcred\n');
    expect(widget?.findings.some((f) => f.ruleId === 'unknown-kind')).toBe(false);
  }, 60_000);
});
