import { isChanged, type FileResult, type Finding, type RunResult } from '../core/types.js';

/** Totals over a run; the CLI uses them for the exit code and `--max-warnings`. */
export interface RunCounts {
  /** Files looked at, skipped ones included. */
  files: number;
  /** Files not processed (invalid YAML, templates, unreadable). */
  skipped: number;
  /** Files whose fixed text differs from the original. */
  changed: number;
  /** Files written back (write mode). */
  written: number;
  /** Files that had to be written but could not be. */
  writeFailed: number;
  /** Outstanding findings by severity (fixed findings excluded). */
  errors: number;
  warnings: number;
  infos: number;
  /** Outstanding findings that carry a fix. */
  fixable: number;
  /** Findings whose fix was written (write mode). */
  fixed: number;
}

/**
 * Whether a finding no longer stands: only in write mode, only when its file was written and
 * the finding carried a fix. In diff and check mode nothing on disk changed, so nothing is fixed.
 */
export function isFixed(run: RunResult, file: FileResult, finding: Finding): boolean {
  return run.mode === 'write' && file.written === true && finding.fix !== undefined;
}

/** Whether a file needs an extra error line for its `writeError` (no `write-error` finding). */
export function hasUnreportedWriteError(file: FileResult): boolean {
  return file.writeError !== undefined && !file.findings.some((f) => f.ruleId === 'write-error');
}

const ORIGIN = Object.freeze({ line: 1, column: 1 });
const tallies = new Map<string, Finding>();

/**
 * A finding reduced to what `countRun` and the exit code read (rule, severity, whether it has a
 * fix), shared between all findings alike: a long streamed run keeps one small record per file.
 */
function tallyOf(finding: Finding): Finding {
  const key = `${finding.ruleId}\0${finding.severity}\0${finding.fix ? 1 : 0}`;
  let tally = tallies.get(key);
  if (tally === undefined) {
    tally = { ruleId: finding.ruleId, severity: finding.severity, message: '', start: 0, end: 0, startPos: ORIGIN, endPos: ORIGIN };
    if (finding.fix) tally.fix = [];
    tallies.set(key, Object.freeze(tally));
  }
  return tally;
}

/**
 * A result that still counts (and gives the exit code) the same, without texts, messages,
 * positions or edits: what a run that has already printed a file keeps of it.
 */
export function countsOnly(file: FileResult): FileResult {
  return { ...file, changed: isChanged(file), source: '', output: '', findings: file.findings.map(tallyOf) };
}

/** Counts files and outstanding findings of a run. */
export function countRun(run: RunResult): RunCounts {
  const c: RunCounts = {
    files: run.files.length, skipped: 0, changed: 0, written: 0, writeFailed: 0,
    errors: 0, warnings: 0, infos: 0, fixable: 0, fixed: 0,
  };
  for (const file of run.files) {
    if (file.skipped) c.skipped++;
    if (isChanged(file)) c.changed++;
    if (file.written === true) c.written++;
    if (file.writeError !== undefined) c.writeFailed++;
    if (hasUnreportedWriteError(file)) c.errors++;
    for (const finding of file.findings) {
      if (isFixed(run, file, finding)) {
        c.fixed++;
        continue;
      }
      if (finding.severity === 'error') c.errors++;
      else if (finding.severity === 'warning') c.warnings++;
      else c.infos++;
      if (finding.fix) c.fixable++;
    }
  }
  return c;
}
