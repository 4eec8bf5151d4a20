import picocolors from 'picocolors';
import type { RunMode, RunResult } from '../core/types.js';
import { countRun, type RunCounts } from './counts.js';

/** Options of the summary line. */
export interface SummaryOptions {
  /** Use ANSI colours (see `shouldUseColor`). */
  color?: boolean;
}

/**
 * One line closing every text report. Wording by mode:
 * - check and diff: `12 files scanned, 3 would be fixed, 2 errors, 1 warning in 84 ms`
 *   (a file would be fixed when its output differs from its source);
 * - write: `12 files scanned, 3 fixed, 2 errors, 1 warning in 84 ms`, plus `, 1 not written`
 *   when writes failed.
 * `, N skipped` follows the file count and `, N info` the warnings, only when non-zero.
 * Errors and warnings count what is still outstanding: findings fixed by `--write` are not counted.
 */
export function formatSummary(run: RunResult, opts: SummaryOptions = {}): string {
  return formatCounts(countRun(run), run.mode, run.durationMs, opts);
}

/** The summary line of a run's counts (see `formatSummary`). */
export function formatCounts(c: RunCounts, mode: RunMode, durationMs: number, opts: SummaryOptions = {}): string {
  const pc = picocolors.createColors(opts.color ?? false);
  const parts = [plural(c.files, 'file') + ' scanned'];
  if (c.skipped > 0) parts.push(`${c.skipped} skipped`);
  if (mode === 'write') {
    parts.push(`${c.written} fixed`);
    if (c.writeFailed > 0) parts.push(pc.red(`${c.writeFailed} not written`));
  } else {
    parts.push(`${c.changed} would be fixed`);
  }
  const errors = plural(c.errors, 'error');
  const warnings = plural(c.warnings, 'warning');
  parts.push(c.errors > 0 ? pc.red(errors) : errors);
  parts.push(c.warnings > 0 ? pc.yellow(warnings) : warnings);
  if (c.infos > 0) parts.push(`${c.infos} info`);
  return `${parts.join(', ')} in ${formatDuration(durationMs)}`;
}

/** `84 ms` below a second, `1.2 s` from there on. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
