/**
 * The text report a run with `--cache` records for the next one over the same tree (see
 * `ResultCache.record` and `src/run/run-record.ts`): what it printed before its summary, the
 * facts of the summary (its time is the replaying run's) and the exit code.
 */
import type { RunMode } from '../core/types.js';
import { isRecord } from '../core/data.js';
import type { SummaryFacts } from '../report/secret-namespaces.js';

/** Characters of report a record holds at most (a larger report is not recorded). */
export const RECORDED_REPORT_LIMIT = 16 * 1024 * 1024;

/** A recorded text report: everything printed before the summary lines is the record's text. */
export interface RecordedReport {
  summary: SummaryFacts;
  exitCode: 0 | 1;
}

const COUNTS = ['files', 'skipped', 'changed', 'written', 'writeFailed', 'errors', 'warnings', 'infos', 'fixable', 'fixed'] as const;
const MODES: readonly RunMode[] = ['check', 'diff', 'write'];

/** Whether a run's text report may be recorded: a check, or a write that had nothing to write. */
export function mayRecord(summary: SummaryFacts): boolean {
  const c = summary.counts;
  return summary.mode === 'check' || (summary.mode === 'write' && c.changed === 0 && c.written === 0 && c.writeFailed === 0);
}

/** The report of a record (see `ResultCache.replay`), when it has the shape of one. */
export function recordedReportOf(data: unknown): RecordedReport | undefined {
  if (!isRecord(data) || (data.exitCode !== 0 && data.exitCode !== 1) || !isRecord(data.summary)) return undefined;
  const { mode, counts, secretLines } = data.summary;
  if (!MODES.includes(mode as RunMode) || !isRecord(counts) || !COUNTS.every((k) => typeof counts[k] === 'number')) return undefined;
  if (!Array.isArray(secretLines) || !secretLines.every((l) => typeof l === 'string')) return undefined;
  return data as unknown as RecordedReport;
}
