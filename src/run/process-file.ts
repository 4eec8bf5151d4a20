import { setImmediate as setImmediatePromise } from 'node:timers/promises';
import type { DiscoveredFile } from '../io/discover.js';
import { readText, ReadError } from '../io/read-text.js';
import { writeAtomic } from '../io/write-atomic.js';
import { fixText, type Engine } from '../engine/fix-text.js';
import { chartResult, isChartFile } from './helm-chart.js';
import type { FixOptions } from '../core/options.js';
import type { ManifestFile } from '../yaml/parse.js';
import { isChanged, type FileResult, type Finding, type RunMode } from '../core/types.js';

export type { RunMode };

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
 * Reads, fixes and (in write mode) writes one file. Read and write failures are findings.
 * `preread` is the file's text when the run has already read it (see `PrereadTexts`), `parsed`
 * its parse when the run has already made it.
 */
export async function processFile(file: DiscoveredFile, options: FixOptions, engine: Engine, mode: RunMode, preread?: string, parsed?: ManifestFile): Promise<FileResult> {
  let text: string;
  try {
    if (preread === undefined) text = await readText(file.absolute);
    else {
      // Give the event loop a turn, as a read would: signals (an interrupt stops a run between
      // files) and output are handled there.
      await setImmediatePromise();
      text = preread;
    }
  } catch (e) {
    return failedResult(file, 'read-error', `cannot read: ${e instanceof ReadError ? e.message : String(e)}`);
  }
  if (isChartFile(file.absolute)) return chartResult(file.display, file.absolute, text, options);
  const result = fixText(file.display, text, options, engine, parsed?.text === text ? parsed : undefined);
  result.absolutePath = file.absolute;
  return mode === 'write' ? writeResult(result) : result;
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
