import { isChanged, type FileResult } from './types.js';

const FAILURES = new Set(['read-error', 'write-error', 'internal-error']);

/**
 * The exit code of a run. Check mode fails when any file needs a change or has an error.
 * Diff and write modes fail when a file could not be processed or errors remain that the fix
 * does not remove (like eslint --fix).
 */
export function exitCodeFor(results: readonly FileResult[], mode: 'diff' | 'write' | 'check'): 0 | 1 {
  for (const r of results) {
    if (r.skipped) return 1;
    for (const f of r.findings) {
      if (FAILURES.has(f.ruleId)) return 1;
      if (f.severity !== 'error') continue;
      if (mode === 'check' || !f.fix) return 1;
    }
    if (mode === 'check' && isChanged(r)) return 1;
  }
  return 0;
}
