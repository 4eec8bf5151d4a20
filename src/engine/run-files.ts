import type { DiscoveredFile } from '../io/discover.js';
import { readText, ReadError } from '../io/read-text.js';
import { writeAtomic } from '../io/write-atomic.js';
import { fixText } from './fix-text.js';
import { learnCrds, learnIndex, mayHoldCrds, type LearningEngine } from './learn-input.js';
import type { FixOptions } from './options.js';
import type { FileResult, Finding } from './types.js';

/** What to do with each file once fixed. */
export type RunMode = 'diff' | 'write' | 'check';

function errorFinding(ruleId: string, message: string): Finding {
  return { ruleId, severity: 'error', message, start: 0, end: 0, startPos: { line: 1, column: 1 }, endPos: { line: 1, column: 1 } };
}

async function processFile(file: DiscoveredFile, options: FixOptions, engine: LearningEngine, mode: RunMode): Promise<FileResult> {
  let text: string;
  try {
    text = await readText(file.absolute);
  } catch (e) {
    const message = `cannot read: ${e instanceof ReadError ? e.message : String(e)}`;
    return { path: file.display, absolutePath: file.absolute, source: '', output: '', skipped: true, findings: [errorFinding('read-error', message)] };
  }
  const result = fixText(file.display, text, options, engine, mode !== 'check');
  result.absolutePath = file.absolute;
  if (mode === 'write' && result.output !== result.source) {
    try {
      await writeAtomic(file.absolute, result.output);
      result.written = true;
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      result.written = false;
      result.writeError = err.code ?? err.message;
      result.findings.push(errorFinding('write-error', `cannot write (${result.writeError}); the file is unchanged`));
    }
  }
  return result;
}

/**
 * Processes files and yields their results in the order given (sorted by the caller), one at a
 * time so that a large tree is never held in memory. A cheap pre-pass finds the files that
 * define CRDs and records ServiceAccounts and registry Secrets; the CRD files are then fixed
 * first (their parse teaches the run their kinds and schemas, so they are parsed only once) and
 * their results held back until their turn. Each file's failure is its own; the run goes on.
 */
export async function* runFiles(
  files: readonly DiscoveredFile[],
  optionsFor: (file: DiscoveredFile) => FixOptions,
  engine: LearningEngine,
  mode: RunMode,
): AsyncGenerator<FileResult> {
  const crdFiles = new Set<DiscoveredFile>();
  for (const file of files) {
    const text = await readText(file.absolute).catch(() => undefined);
    if (text === undefined) continue;
    if (mayHoldCrds(text)) crdFiles.add(file);
    learnIndex(text, optionsFor(file), engine);
  }
  const early = new Map<DiscoveredFile, FileResult>();
  const learning: LearningEngine = { ...engine, onParsed: (parsed) => learnCrds(parsed, engine) };
  for (const file of crdFiles) early.set(file, await processFile(file, optionsFor(file), learning, mode));
  for (const file of files) {
    const held = early.get(file);
    if (held) {
      early.delete(file);
      yield held;
    } else {
      yield await processFile(file, optionsFor(file), engine, mode);
    }
  }
}
