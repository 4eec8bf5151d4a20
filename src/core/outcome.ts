import { isChanged, type FileResult, type RunMode } from './types.js';

const FAILURES = new Set(['read-error', 'write-error', 'internal-error']);

/**
 * Whether a run succeeded: the one definition behind the CLI's exit codes, the library's `ok`
 * (`fixText`, `check`), the KRM function's and the Helm post-renderer's. Check mode fails when
 * any file needs a change or has an error, or when there are more warnings than `maxWarnings`
 * (`--max-warnings`, check mode only, as eslint counts warnings left to fix). Diff and write
 * modes fail when a file could not be processed or errors remain that the fix does not remove
 * (like eslint --fix).
 */
export function runSucceeded(results: readonly FileResult[], mode: RunMode, maxWarnings?: number): boolean {
  let warnings = 0;
  for (const r of results) {
    if (r.skipped) return false;
    for (const f of r.findings) {
      if (FAILURES.has(f.ruleId)) return false;
      if (f.severity === 'warning') warnings++;
      if (f.severity !== 'error') continue;
      if (mode === 'check' || !f.fix) return false;
    }
    if (mode === 'check' && isChanged(r)) return false;
  }
  return mode !== 'check' || maxWarnings === undefined || warnings <= maxWarnings;
}

/** The exit code of a run: 0 when it succeeded (see `runSucceeded`), else 1. */
export function exitCodeFor(results: readonly FileResult[], mode: RunMode, maxWarnings?: number): 0 | 1 {
  return runSucceeded(results, mode, maxWarnings) ? 0 : 1;
}
