import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FUNCTION_CONFIG_KEYS } from '../../src/krm/function-config.js';
import { DEPLOYMENT, ROOT, tempDir, writeWrapper } from './helpers.js';

const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;

describe('schemas/krm-function-config.schema.json', () => {
  const config = readJson('schemas/config.schema.json');
  const krm = readJson('schemas/krm-function-config.schema.json');
  const ajv = new Ajv({ strict: true, allowUnionTypes: true });
  ajv.addSchema(config);
  const validate = ajv.compile(krm);

  it('accepts the documented example and rejects bad values', () => {
    const docs = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const example = /<!-- test: krm-typed-config -->\n```yaml\n([\s\S]*?)```/.exec(docs)?.[1];
    expect(example).toBeDefined();
    expect(validate(parse(example ?? ''))).toBe(true);
    expect(validate({ apiVersion: 'privreg-fix.dev/v1alpha1', kind: 'PrivregFix', namespace: 'Apps' })).toBe(false);
    expect(validate({ apiVersion: 'privreg-fix.dev/v1alpha1', kind: 'PrivregFix', include: ['**'] })).toBe(false);
  });

  it('has exactly the keys the function reads, all of them config keys', () => {
    const keys = Object.keys(krm.properties as object).filter((k) => !['apiVersion', 'kind', 'metadata'].includes(k));
    expect(keys.sort()).toEqual([...FUNCTION_CONFIG_KEYS].sort());
    for (const key of keys) expect(Object.keys(config.properties as object)).toContain(key);
  });
});

describe('action.yml', () => {
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    runs: { using: string; steps: { id?: string; run?: string; uses?: string; env?: Record<string, string> }[] };
  };

  it('is a composite action with the documented inputs that uploads SARIF', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual(
      ['config', 'namespace', 'paths', 'pull-secrets', 'registry', 'sarif-file', 'upload-sarif', 'version', 'working-directory'].sort());
    expect(action.runs.steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))).toBe(true);
    // Inputs reach scripts through env only (no expression injection into the script text).
    for (const step of action.runs.steps) expect(step.run ?? '').not.toContain('${{');
  });

  it('runs privreg-fix --check with the inputs and writes the SARIF report', () => {
    const step = action.runs.steps.find((s) => s.id === 'check');
    const dir = tempDir();
    writeFileSync(path.join(dir, 'web.yaml'), DEPLOYMENT);
    // A fake npx that runs the built bin instead of downloading `privreg-fix@VERSION`.
    const bin = tempDir();
    writeFileSync(path.join(bin, 'npx-args'), '');
    writeWrapper(path.join(bin, 'privreg-fix-local'), []);
    writeFileSync(path.join(bin, 'npx'), `#!/bin/sh\necho "$@" > '${bin}/npx-args'\nshift 2\nexec '${bin}/privreg-fix-local' "$@"\n`, { mode: 0o755 });
    const output = path.join(dir, 'github-output');
    writeFileSync(output, '');
    const env = {
      ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, GITHUB_OUTPUT: output, NO_COLOR: '1',
      PRIVREG_PATHS: 'web.yaml', PRIVREG_NAMESPACE: 'apps', PRIVREG_PULL_SECRETS: 'regcred, mirror', PRIVREG_REGISTRY: '',
      PRIVREG_CONFIG: '', PRIVREG_SARIF: 'out.sarif', PRIVREG_VERSION: '1.2.3', PRIVREG_WORKDIR: '.',
    };
    const r = spawnSync('bash', ['-e', '-c', step?.run ?? 'exit 9'], { cwd: dir, env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(path.join(bin, 'npx-args'), 'utf8').trim())
      .toBe('--yes privreg-fix@1.2.3 --check --format sarif --output out.sarif --namespace apps --pull-secret regcred --pull-secret mirror -- web.yaml');
    expect(readFileSync(output, 'utf8')).toBe('exit-code=1\nsarif-file=./out.sarif\n');
    const sarif = JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]?.results.map((x) => x.ruleId).sort()).toEqual(['missing-namespace', 'missing-pull-secret']);
  });
});
