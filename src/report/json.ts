import { isChanged, type FileResult, type Finding, type ObjectRef, type RunResult, type Severity, type TextEdit } from '../core/types.js';
import { countRun, hasUnreportedWriteError, isFixed, type RunCounts } from './counts.js';
import { createPositionMapper, type PositionMapper } from '../yaml/positions.js';
import { toolInfo } from './tool-info.js';
import { runSecretNamespaces, type SecretNamespaces } from './secret-namespaces.js';

/** Version of the JSON report shape; bumped only on incompatible changes. */
export const JSON_REPORT_VERSION = 1;

/** An edit of a fix, located in the original file. Columns are 1-based UTF-16 code units. */
export interface JsonEdit {
  /** UTF-16 offsets into the original text, end exclusive. */
  start: number;
  end: number;
  line: number;
  column: number;
  /** Position just after the replaced range (exclusive); equals line/column for an insertion. */
  endLine: number;
  endColumn: number;
  text: string;
}

/** A finding in the JSON report. */
export interface JsonFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fieldPath: string | null;
  object: ObjectRef | null;
  fixable: boolean;
  /** True once `--write` wrote the fix. */
  fixed: boolean;
  /** The edits of the fix, or null when the finding has none. */
  fix: JsonEdit[] | null;
}

/** One file in the JSON report. */
export interface JsonFile {
  path: string;
  skipped: boolean;
  /** Whether the fixed text differs from the original. */
  changed: boolean;
  /** Write mode: whether the file was written; null in other modes or when nothing was attempted. */
  written: boolean | null;
  writeError: string | null;
  findings: JsonFinding[];
}

/** The whole JSON report (see `schemas/report.schema.json`). */
export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  tool: { name: string; version: string };
  mode: RunResult['mode'];
  files: JsonFile[];
  /** Every pull secret the pods use once fixed, with the namespaces it must exist in. */
  pullSecrets: SecretNamespaces[];
  summary: RunCounts & { durationMs: number };
}

/** Builds the JSON report object; every key is always present (null when it does not apply). */
export function buildJsonReport(run: RunResult): JsonReport {
  const tool = toolInfo();
  return {
    version: JSON_REPORT_VERSION,
    tool: { name: tool.name, version: tool.version },
    mode: run.mode,
    files: run.files.map((file) => jsonFile(run, file)),
    pullSecrets: runSecretNamespaces(run.files),
    summary: { ...countRun(run), durationMs: Math.round(run.durationMs) },
  };
}

/** The JSON report as text, two-space indented, ending in a newline. */
export function formatJson(run: RunResult): string {
  return `${JSON.stringify(buildJsonReport(run), null, 2)}\n`;
}

function jsonFile(run: RunResult, file: FileResult): JsonFile {
  const mapper = createPositionMapper(file.source);
  const findings = file.findings.map((f) => jsonFinding(mapper, isFixed(run, file, f), f));
  if (hasUnreportedWriteError(file)) {
    findings.push({
      ruleId: 'write-error', severity: 'error', message: `could not write the file: ${file.writeError ?? ''}`,
      line: 1, column: 1, endLine: 1, endColumn: 1,
      fieldPath: null, object: null, fixable: false, fixed: false, fix: null,
    });
  }
  return {
    path: file.path,
    skipped: file.skipped,
    changed: isChanged(file),
    written: file.written ?? null,
    writeError: file.writeError ?? null,
    findings,
  };
}

function jsonFinding(mapper: PositionMapper, fixed: boolean, f: Finding): JsonFinding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    line: f.startPos.line,
    column: f.startPos.column,
    endLine: f.endPos.line,
    endColumn: f.endPos.column,
    fieldPath: f.fieldPath ?? null,
    object: f.object ?? null,
    fixable: f.fix !== undefined,
    fixed,
    fix: f.fix ? f.fix.map((e) => jsonEdit(mapper, e)) : null,
  };
}

/** Locates an edit in the original text. */
export function jsonEdit(mapper: PositionMapper, edit: TextEdit): JsonEdit {
  const start = mapper.positionAt(edit.start);
  const end = mapper.positionAt(edit.end);
  return {
    start: edit.start, end: edit.end,
    line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
    text: edit.text,
  };
}
