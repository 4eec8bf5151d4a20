import type { RunSettings } from '../config/resolve.js';
import type { DiscoveredFile } from '../io/discover.js';
import { readText } from '../io/read-text.js';
import { learnCrds, learnIndex, mayHoldCrds, type LearningEngine } from './learn-input.js';
import type { FixOptions } from './options.js';
import { runParallel } from './parallel-run.js';
import { processFile, releaseTexts, type RunMode } from './process-file.js';
import type { FileResult } from './types.js';
import { WorkerPool } from './worker-pool.js';

export type { RunMode } from './process-file.js';

/** How a run over files is carried out. */
export interface RunFilesOptions {
  /** Worker threads (1: all in this thread). Small runs use this thread whatever the number. */
  jobs?: number;
  /** The run-wide settings, which workers build their engine from (needed for `jobs` > 1). */
  settings?: RunSettings;
  /** Whether results keep `source` and `output` (default true); else see `releaseTexts`. */
  keepTexts?: boolean;
}

/** Fewer files than this, or less text, are not worth starting worker threads for. */
const PARALLEL_MIN_FILES = 8;
const PARALLEL_MIN_BYTES = 512 * 1024;

/**
 * Processes files and yields their results in the order given (sorted by the caller), one at a
 * time so that a large tree is never held in memory. A cheap pre-pass finds the files that
 * define CRDs and records ServiceAccounts and registry Secrets; the CRD files are then fixed
 * first (their parse teaches the run their kinds and schemas, so they are parsed only once) and
 * their results held back until their turn. Each file's failure is its own; the run goes on.
 * With `jobs` > 1 the files are spread over worker threads, with the same results.
 */
export async function* runFiles(
  files: readonly DiscoveredFile[],
  optionsFor: (file: DiscoveredFile) => FixOptions,
  engine: LearningEngine,
  mode: RunMode,
  run: RunFilesOptions = {},
): AsyncGenerator<FileResult> {
  const jobs = Math.min(run.jobs ?? 1, files.length);
  // Started before the pre-pass, so that the workers load while this thread reads.
  let pool = jobs > 1 && run.settings && files.length >= PARALLEL_MIN_FILES
    ? new WorkerPool(jobs, run.settings, mode, run.keepTexts ?? true)
    : undefined;
  try {
    const crdFiles = new Set<DiscoveredFile>();
    let bytes = 0;
    for (const file of files) {
      const text = await readText(file.absolute).catch(() => undefined);
      if (text === undefined) continue;
      bytes += text.length;
      if (mayHoldCrds(text)) crdFiles.add(file);
      learnIndex(text, optionsFor(file), engine);
    }
    if (pool && bytes < PARALLEL_MIN_BYTES) {
      await pool.close();
      pool = undefined;
    }
    if (pool) {
      pool.start(engine.index.toData());
      const dedupeNotes = run.settings?.validate === true && !run.settings.strictKinds;
      yield* runParallel(files, optionsFor, pool, crdFiles, dedupeNotes);
      return;
    }
    const finish = run.keepTexts === false ? releaseTexts : (r: FileResult): FileResult => r;
    const early = new Map<DiscoveredFile, FileResult>();
    const learning: LearningEngine = { ...engine, onParsed: (parsed) => learnCrds(parsed, engine) };
    for (const file of crdFiles) early.set(file, finish(await processFile(file, optionsFor(file), learning, mode)));
    for (const file of files) {
      const held = early.get(file);
      if (held) {
        early.delete(file);
        yield held;
      } else {
        yield finish(await processFile(file, optionsFor(file), engine, mode));
      }
    }
  } finally {
    await pool?.close();
  }
}
