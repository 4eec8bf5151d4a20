import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import type { TextEdit } from '../../src/core/types.js';
import { RULES } from '../../src/rules/catalog.js';
import { artifactLocation } from '../../src/report/artifact-uri.js';
import type { Region } from 'sarif';
import { buildSarif, formatSarif } from '../../src/report/sarif.js';
import { addFormats } from './ajv-helpers.js';
import { applyEdits, DEPLOY, sampleRun } from './fixtures.js';

// Vendored (test/schemas/README.md): the SARIF checks run in every clone.
const sarifSchemaPath = fileURLToPath(new URL('../schemas/sarif-schema-2.1.0.json', import.meta.url));

/** Offset of a 1-based line/column in text (naive, independent of the code under test). */
function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += lines[i]!.length + 1;
  return offset + column - 1;
}

describe('SARIF schema validation', () => {
  const ajv = new Ajv04.default({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(sarifSchemaPath, 'utf8')) as object);

  it.each(['check', 'diff', 'write'] as const)('validates in %s mode', (mode) => {
    const log = JSON.parse(formatSarif(sampleRun(mode))) as unknown;
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('validates with a write error, absolute paths and an empty run', () => {
    const run = sampleRun('write');
    run.files[1]!.writeError = 'EACCES';
    run.files[2]!.path = '/elsewhere/odd name#1.yaml';
    expect(validate(buildSarif(run, { cwd: '/repo' })), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(buildSarif({ mode: 'check', files: [], durationMs: 0 }))).toBe(true);
  });

  it('rejects a broken log (the validator is not vacuous)', () => {
    const log = buildSarif(sampleRun()) as unknown as { runs: Array<{ results: Array<{ level: string }> }> };
    log.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(log)).toBe(false);
  });
});

describe('SARIF content', () => {
  const log = buildSarif(sampleRun('check'));
  const run = log.runs[0]!;

  it('describes the tool and every rule once', () => {
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver.name).toBe('privreg-fix');
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    expect(run.tool.driver.rules!.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(run.tool.driver.rules!.find((r) => r.id === 'unknown-kind')?.defaultConfiguration?.level).toBe('note');
    for (const rule of run.tool.driver.rules!) {
      const meta = RULES.find((r) => r.id === rule.id)!;
      expect(rule.shortDescription?.text, rule.id).toBe(meta.description);
      expect(rule.properties?.fixable, rule.id).toBe(meta.fixable);
      expect(rule.helpUri, rule.id).toBe(`${run.tool.driver.informationUri}#rules`);
    }
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('points regions at the findings and indexes rules', () => {
    const findings = sampleRun('check').files.flatMap((f) => f.findings);
    expect(run.results!).toHaveLength(findings.length);
    run.results!.forEach((result, i) => {
      const f = findings[i]!;
      const region = result.locations![0]!.physicalLocation!.region!;
      expect(region).toEqual({ startLine: f.startPos.line, startColumn: f.startPos.column, endLine: f.endPos.line, endColumn: f.endPos.column });
      expect(run.tool.driver.rules![result.ruleIndex!]!.id).toBe(f.ruleId);
      expect(result.level).toBe(f.severity === 'warning' ? 'warning' : 'error');
    });
    expect(run.results![0]!.locations![0]!.physicalLocation!.region).toEqual({ startLine: 3, startColumn: 1, endLine: 3, endColumn: 9 });
    expect(run.results![0]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'apps/web.yaml', uriBaseId: '%SRCROOT%' });
  });

  it('carries fixes whose replacements reproduce the output', () => {
    const fixed = run.results!.filter((r) => r.fixes);
    expect(fixed.map((r) => r.ruleId)).toEqual(['missing-namespace', 'missing-pull-secret']);
    const edits: TextEdit[] = fixed.flatMap((r) => r.fixes![0]!.artifactChanges[0]!.replacements.map((rep) => {
      const d = rep.deletedRegion as Required<Region>;
      return { start: offsetOf(DEPLOY, d.startLine, d.startColumn), end: offsetOf(DEPLOY, d.endLine, d.endColumn), text: rep.insertedContent?.text ?? '' };
    }));
    expect(applyEdits(DEPLOY, edits)).toBe(sampleRun().files[0]!.output);
    const insertion = fixed[0]!.fixes![0]!.artifactChanges[0]!.replacements[0]!.deletedRegion;
    expect(insertion).toEqual({ startLine: 4, startColumn: 1, endLine: 4, endColumn: 1 });
  });

  it('leaves out findings fixed by --write', () => {
    const results = buildSarif(sampleRun('write')).runs[0]!.results!;
    expect(results.map((r) => r.ruleId)).toEqual(['namespace-mismatch', 'template-skipped']);
  });

  it('appends unknown rule ids to the rules so ruleIndex stays valid', () => {
    const r = sampleRun();
    r.files[0]!.findings[2]!.ruleId = 'brand-new';
    const out = buildSarif(r).runs[0]!;
    const res = out.results!.find((x) => x.ruleId === 'brand-new')!;
    expect(out.tool.driver.rules![res.ruleIndex!]!.id).toBe('brand-new');
  });
});

describe('artifactLocation', () => {
  it('makes relative URIs with forward slashes and encoding', () => {
    expect(artifactLocation('./a b/c#1.yaml')).toEqual({ uri: 'a%20b/c%231.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('/repo/x/y.yaml', '/repo')).toEqual({ uri: 'x/y.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('/other/y.yaml', '/repo')).toEqual({ uri: 'file:///other/y.yaml' });
    expect(artifactLocation('-')).toEqual({ uri: 'stdin' });
  });
});
