import type { Document } from 'yaml';
import { applyEdits } from '../fix/text-edits.js';
import type { KindRegistry } from '../kinds/registry.js';
import { findObjects } from '../manifest/objects.js';
import { parseManifest, type ManifestFile } from '../manifest/parse.js';
import { findTemplateMarker } from '../manifest/templates.js';
import { ruleMeta } from '../rules/catalog.js';
import type { DataPatch, Rule, RuleReport } from '../rules/rule.js';
import { lintObjects } from './lint-objects.js';
import type { FixOptions } from './options.js';
import type { FileResult, Finding, Severity } from './types.js';
import { checkData, documentsData } from './verify.js';

/** The shared, per-run parts of the engine. */
export interface Engine {
  rules: readonly Rule[];
  kinds: KindRegistry;
  /** Optional per-object extra checks (schema validation) over original and fixed documents. */
  validate?: (file: ManifestFile, fixed: ManifestFile | undefined) => RuleReport[];
}

const MAX_PASSES = 3;

/**
 * Lints and fixes one file's text: parse once, let the rules report (with edits), apply the
 * edits as text splices, and verify the result independently before offering it.
 */
export function fixText(path: string, text: string, options: FixOptions, engine: Engine): FileResult {
  const file = parseManifest(path, text);
  const skip = skipReason(file);
  if (skip) return result(file, text, skip, true, options);

  const objects = findObjects(file.docs);
  const reports = lintObjects(text, objects, engine.rules, engine.kinds, options).filter((r) => enabled(r, options));
  let output = text;
  let fixed: ManifestFile | undefined;
  const fixable = reports.filter((r) => r.fix);
  if (fixable.length > 0) {
    const outcome = applyAndVerify(file, fixable, options, engine);
    if ('error' in outcome) {
      reports.push({
        ruleId: 'internal-error',
        message: `could not fix this file safely (${outcome.error}); it is left unchanged. Please report this as a bug`,
        start: 0,
        end: 0,
      });
    } else {
      output = outcome.text;
      fixed = outcome.file;
    }
  }
  if (engine.validate) reports.push(...engine.validate(file, fixed));
  return result(file, output, reports, false, options);
}

function skipReason(file: ManifestFile): RuleReport[] | undefined {
  const marker = findTemplateMarker(file.text, file.docs, file.errors.length > 0);
  if (marker) {
    return [{
      ruleId: 'template-skipped',
      message: 'template syntax ({{ }} or {% %}) outside quoted strings: this is a template, not YAML; render it first (e.g. helm template) and fix the output',
      start: marker.start,
      end: marker.end,
    }];
  }
  if (file.errors.length > 0) {
    // The parser often reports one mistake several times at the same place; keep the first.
    const seen = new Set<number>();
    return file.errors.filter((e) => !seen.has(e.start) && seen.add(e.start)).map((e) => ({
      ruleId: 'yaml-syntax',
      message: `${e.message} (${e.code}); the file is left unchanged`,
      start: e.start,
      end: e.end,
    }));
  }
  return undefined;
}

type Outcome = { text: string; file: ManifestFile } | { error: string };

function applyAndVerify(file: ManifestFile, first: RuleReport[], options: FixOptions, engine: Engine): Outcome {
  let current = file;
  let pending = first;
  const patches: DataPatch[] = [];
  for (let pass = 1; pending.length > 0; pass++) {
    if (pass > MAX_PASSES) return { error: `edits still pending after ${MAX_PASSES} passes` };
    const applied = applyEdits(current.text, pending.map((r) => r.fix ?? []));
    pending.forEach((r, i) => {
      if (!applied.skipped.has(i)) patches.push(...(r.patches ?? []));
    });
    current = parseManifest(file.path, applied.text);
    if (current.errors.length > 0) {
      const e = current.errors[0];
      return { error: `the fixed text does not parse: ${e?.message ?? 'unknown error'}` };
    }
    pending = lintObjects(current.text, findObjects(current.docs), engine.rules, engine.kinds, options)
      .filter((r) => r.fix && enabled(r, options));
  }
  const problem = dataProblem(file.docs, patches, current.docs);
  if (problem) return { error: problem };
  return { text: current.text, file: current };
}

function dataProblem(before: Document.Parsed[], patches: DataPatch[], after: Document.Parsed[]): string | undefined {
  try {
    return checkData(documentsData(before), patches, documentsData(after));
  } catch (e) {
    return `could not compare the data: ${(e as Error).message}`;
  }
}

function enabled(r: RuleReport, options: FixOptions): boolean {
  return options.rules[r.ruleId] !== 'off';
}

function severityOf(r: RuleReport, options: FixOptions): Severity {
  const configured = options.rules[r.ruleId];
  if (configured && configured !== 'off') return configured;
  return r.severity ?? ruleMeta(r.ruleId)?.defaultSeverity ?? 'error';
}

function result(file: ManifestFile, output: string, reports: RuleReport[], skipped: boolean, options: FixOptions): FileResult {
  const findings: Finding[] = reports.map((r) => {
    const s = file.lineCounter.linePos(r.start);
    const e = file.lineCounter.linePos(r.end);
    const f: Finding = {
      ruleId: r.ruleId,
      severity: severityOf(r, options),
      message: r.message,
      start: r.start,
      end: r.end,
      startPos: { line: s.line, column: s.col },
      endPos: { line: e.line, column: e.col },
    };
    if (r.fieldPath !== undefined) f.fieldPath = r.fieldPath;
    if (r.object) f.object = r.object;
    if (r.fix && output !== file.text) f.fix = r.fix;
    return f;
  });
  findings.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
  return { path: file.path, source: file.text, output, findings, skipped };
}
