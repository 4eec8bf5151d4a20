import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildJsonReport, formatJson } from '../../src/report/json.js';
import { addFormats } from './ajv-helpers.js';
import { applyEdits, sampleRun } from './fixtures.js';

const schema = JSON.parse(readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8')) as object;
const validate = (() => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(schema);
})();

describe('JSON report', () => {
  it.each(['check', 'diff', 'write'] as const)('validates against schemas/report.schema.json in %s mode', (mode) => {
    const doc = JSON.parse(formatJson(sampleRun(mode))) as unknown;
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it('validates with a write error and an empty run', () => {
    const run = sampleRun('write');
    run.files[1]!.writeError = 'EACCES';
    expect(validate(buildJsonReport(run)), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(buildJsonReport({ mode: 'check', files: [], durationMs: 0 }))).toBe(true);
  });

  it('has the documented shape', () => {
    const report = buildJsonReport(sampleRun('check'));
    expect(report.version).toBe(1);
    expect(report.tool.name).toBe('privreg-fix');
    expect(report.summary).toMatchObject({ files: 3, changed: 1, errors: 3, warnings: 1, fixable: 2, durationMs: 84 });
    const [ns, secret, mismatch] = report.files[0]!.findings;
    expect(ns).toMatchObject({
      ruleId: 'missing-namespace', severity: 'error', line: 3, column: 1, endLine: 3, endColumn: 9,
      fieldPath: 'metadata', fixable: true, fixed: false,
      object: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', documentIndex: 0 },
    });
    expect(ns!.fix).toEqual([{ start: 47, end: 47, line: 4, column: 1, endLine: 4, endColumn: 1, text: '  namespace: shop\n' }]);
    expect(secret!.fix![0]).toMatchObject({ line: 8, column: 1 });
    expect(mismatch).toMatchObject({ fixable: false, fix: null });
    expect(report.files[1]).toEqual({ path: 'apps/ok.yaml', skipped: false, changed: false, written: null, writeError: null, findings: [] });
  });

  it('carries edits that reproduce the output', () => {
    const run = sampleRun('check');
    const file = run.files[0]!;
    const edits = buildJsonReport(run).files[0]!.findings.flatMap((f) => f.fix ?? []);
    expect(applyEdits(file.source, edits)).toBe(file.output);
  });

  it('ends with a newline and marks fixed findings in write mode', () => {
    const text = formatJson(sampleRun('write'));
    expect(text.endsWith('}\n')).toBe(true);
    const report = JSON.parse(text) as ReturnType<typeof buildJsonReport>;
    expect(report.files[0]!.findings.map((f) => f.fixed)).toEqual([true, true, false]);
    expect(report.summary).toMatchObject({ fixed: 2, errors: 1, written: 1 });
  });
});
