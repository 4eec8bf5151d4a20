import type { DiscoveredFile } from '../io/discover.js';
import { writeAtomic } from '../io/write-atomic.js';
import { isChanged, type FileResult, type Finding } from '../core/types.js';

/**
 * Results a run makes without fixing anything (a failure, a held or stored result written or
 * stripped of its texts), apart from `processFile`, which loads the engine.
 */

/** A finding about the whole file (placed at its start). */
export function errorFinding(ruleId: string, message: string): Finding {
  return { ruleId, severity: 'error', message, start: 0, end: 0, startPos: { line: 1, column: 1 }, endPos: { line: 1, column: 1 } };
}

/** A result for a file that could not be processed at all. */
export function failedResult(file: DiscoveredFile, ruleId: string, message: string): FileResult {
  return { path: file.display, absolutePath: file.absolute, source: '', output: '', skipped: true, findings: [errorFinding(ruleId, message)] };
}

/**
 * The result without its texts (`changed` keeps whether the fix changes the file): what a
 * report that prints findings only needs, so that held-back results stay small.
 */
export function releaseTexts(result: FileResult): FileResult {
  return { ...result, changed: isChanged(result), source: '', output: '' };
}

/**
 * Writes a fixed file when its output differs from its source (what `processFile` does in write
 * mode, for a result computed in diff mode). A write failure is a finding.
 */
export async function writeResult(result: FileResult): Promise<FileResult> {
  if (result.output === result.source || result.absolutePath === undefined) return result;
  try {
    await writeAtomic(result.absolutePath, result.output);
    result.written = true;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    result.written = false;
    result.writeError = err.code ?? err.message;
    result.findings.push(errorFinding('write-error', `cannot write (${result.writeError}); the file is unchanged`));
  }
  return result;
}
