import { setImmediate as setImmediatePromise } from 'node:timers/promises';
import type { DiscoveredFile } from '../io/discover.js';
import { readText, ReadError } from '../io/read-text.js';
import { fixText, type Engine } from '../engine/fix-text.js';
import { chartResult, isChartFile } from './helm-chart.js';
import type { FixOptions } from '../core/options.js';
import type { ManifestFile } from '../yaml/parse.js';
import type { FileResult, RunMode } from '../core/types.js';
import { failedResult, writeResult } from './results.js';

export type { RunMode };
export { errorFinding, failedResult, releaseTexts, writeResult } from './results.js';

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
