import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import Ajv04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { defaultFixOptions, type FixOptions } from '../../src/core/options.js';
import { runSecretNamespaces } from '../../src/report/secret-namespaces.js';
import type { RunResult } from '../../src/core/types.js';
import { buildJsonReport } from '../../src/report/json.js';
import { buildSarif } from '../../src/report/sarif.js';
import { formatReport } from '../../src/report/index.js';
import { runFix } from '../fixtures-support/golden.js';
import { addFormats } from './ajv-helpers.js';

const pod = (name: string, namespace?: string, secrets: string[] = []): string => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
${secrets.length ? `  imagePullSecrets: [${secrets.map((s) => `{name: ${s}}`).join(', ')}]\n` : ''}  containers: [{name: c, image: "nginx:1"}]
`;

const options = (over: Partial<FixOptions> = {}): FixOptions => ({ ...defaultFixOptions(), namespace: 'shop', pullSecrets: ['regcred'], ...over });

function run(files: [string, string, FixOptions?][]): RunResult {
  return { mode: 'check', durationMs: 5, files: files.map(([path, text, o]) => runFix(text, o ?? options(), path)) };
}

describe('pull secrets and their namespaces', () => {
  it('each file records the secrets its pods use once fixed, in the namespaces they will have', () => {
    const [a] = run([['a.yaml', `${pod('a')}---\n${pod('b', 'longhorn-system', ['legacy'])}`]]).files;
    expect(a?.pullSecretNamespaces).toEqual({ legacy: ['longhorn-system'], regcred: ['longhorn-system', 'shop'] });
  });

  it('nothing is recorded for kinds without pods, objects left alone, or a rule turned off', () => {
    const ignored = pod('x').replace('  name: x\n', '  name: x\n  annotations: {privreg-fix.io/ignore: all}\n');
    const r = run([
      ['cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n'],
      ['ignored.yaml', ignored],
      ['off.yaml', pod('y', 'apps', ['own']), options({ rules: { 'missing-pull-secret': 'off' } })],
      ['none.yaml', pod('z'), options({ pullSecrets: [] })],
    ]);
    expect(r.files.map((f) => f.pullSecretNamespaces)).toEqual([undefined, undefined, { own: ['apps'] }, undefined]);
  });

  it('a run merges them by secret, sorted, and "" stands for pods left to kubectl\'s namespace', () => {
    const r = run([['b.yaml', pod('b', 'zeta')], ['a.yaml', pod('a', undefined)], ['c.yaml', pod('c'), options({ namespace: undefined })]]);
    expect(runSecretNamespaces(r.files)).toEqual([{ name: 'regcred', namespaces: ['', 'shop', 'zeta'] }]);
  });

  it('the text report lists them before the summary line', () => {
    const r = run([['a.yaml', pod('a')], ['b.yaml', pod('b', 'longhorn-system')], ['c.yaml', pod('c', 'x'), options({ namespace: undefined, pullSecrets: ['other'] })]]);
    const lines = formatReport('text', r).trimEnd().split('\n');
    expect(lines.slice(-3, -1)).toEqual([
      'pull secret "other" is used in namespace x',
      'pull secret "regcred" is used in namespaces longhorn-system, shop',
    ]);
    expect(lines.at(-1)).toMatch(/^3 files scanned/);
    const noNs = run([['a.yaml', pod('a'), options({ namespace: undefined })]]);
    expect(formatReport('text', noNs)).toContain('pull secret "regcred" is used in namespace (no namespace: the one kubectl applies to)\n');
  });

  it('no line when no pod uses a pull secret', () => {
    const r = run([['a.yaml', pod('a'), options({ pullSecrets: [] })]]);
    expect(formatReport('text', r)).not.toContain('pull secret');
  });

  it('the JSON report lists them and validates against its schema', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const report = buildJsonReport(run([['a.yaml', pod('a')], ['b.yaml', pod('b', 'apps', ['legacy'])]]));
    expect(report.pullSecrets).toEqual([{ name: 'legacy', namespaces: ['apps'] }, { name: 'regcred', namespaces: ['apps', 'shop'] }]);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...report, pullSecrets: [{ name: 'x' }] })).toBe(false);
  });

  it('SARIF carries them in the run properties and stays valid SARIF 2.1.0', () => {
    const ajv = new Ajv04.default({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(fileURLToPath(new URL('../schemas/sarif-schema-2.1.0.json', import.meta.url)), 'utf8')) as object);
    const log = buildSarif(run([['a.yaml', pod('a')]]));
    expect(log.runs[0]?.properties).toEqual({ pullSecrets: [{ name: 'regcred', namespaces: ['shop'] }] });
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(buildSarif(run([['a.yaml', pod('a'), options({ pullSecrets: [] })]])).runs[0]?.properties).toBeUndefined();
  });
});
