import type { FixOptions } from '../core/options.js';
import type { FileResult } from '../core/types.js';
import { crdBatchOf, learnCrdBatch, learnIndex, mayHoldCrds, type CrdBatch, type LearningEngine } from '../engine/learn-input.js';
import type { DiscoveredFile } from '../io/discover.js';
import { readText } from '../io/read-text.js';
import { detach } from '../yaml/detach.js';
import { parseManifest } from '../yaml/parse.js';
import { noteFilter } from './note-filter.js';
import { PrereadTexts } from './preread-texts.js';
import { processFile, releaseTexts, type RunMode } from './process-file.js';
import { readAhead } from './read-ahead.js';
import { ResultCache, type CacheEntry } from './result-cache.js';

export type { RunMode } from './process-file.js';

/** How a run over files is carried out. */
export interface RunFilesOptions {
  /** Whether results keep `source` and `output` (default true); else see `releaseTexts`. */
  keepTexts?: boolean;
  /** The result cache (`--cache`). */
  cache?: ResultCache;
}

/**
 * Processes files on this thread and yields their results in the order given (sorted by the
 * caller), one at a time so that a large tree is never held in memory. Three phases:
 *
 * 1. A pre-pass reads every file (keeping texts up to a budget, see `PrereadTexts`), records the
 *    ServiceAccounts and registry Secrets of the input and notes which files may define CRDs.
 * 2. The CRDs of the input are learned, in path order (from the cache when it has them), so that
 *    every file is fixed knowing all of them: a result never depends on the order files are met.
 * 3. Each file is fixed (and written, in write mode) in turn, or its result taken from the cache.
 *
 * Each file's failure is its own; the run goes on. Worker threads were measured and removed:
 * see docs/PERFORMANCE.md.
 */
export async function* runFiles(
  files: readonly DiscoveredFile[],
  optionsFor: (file: DiscoveredFile) => FixOptions,
  engine: LearningEngine,
  mode: RunMode,
  run: RunFilesOptions = {},
): AsyncGenerator<FileResult> {
  const { cache } = run;
  const keepTexts = run.keepTexts ?? true;
  // Write mode reads each file right before fixing and writing it: a text read in the pre-pass
  // could be older than the file by then (an editor saved it meanwhile), and writing a fix of
  // it would lose that change.
  const texts = new PrereadTexts(mode === 'write' ? 0 : undefined);
  try {
    const crdFiles: DiscoveredFile[] = [];
    for await (const [file, text] of readAhead(files)) {
      if (text === undefined) continue;
      texts.offer(file, text);
      const crd = mayHoldCrds(text);
      cache?.noteText(file, text, crd);
      if (crd) crdFiles.push(file);
      if (cache) cache.learnIndex(file, text, optionsFor(file), engine);
      else learnIndex(text, optionsFor(file), engine);
    }
    cache?.seal(engine.index.toData());
    const hits = new Map<DiscoveredFile, CacheEntry>();
    if (cache) {
      for (const file of files) {
        const entry = cache.lookup(file, optionsFor(file), mode);
        if (entry) hits.set(file, entry);
      }
    }
    // Only needed when some file is to be fixed: a fully cached run learns nothing.
    if (hits.size < files.length) await learnCrds(crdFiles, engine, texts, hits, cache);
    // Each file makes its own "not validated" notes; the filter keeps the first of each, in order.
    const filter = noteFilter(engine.validation !== undefined && !engine.validation.strictKinds);
    for (const file of files) {
      const result = filter(await resultOf(file, hits.get(file), optionsFor(file), engine, mode, texts, cache, keepTexts));
      yield keepTexts ? result : releaseTexts(result);
    }
    cache?.save();
  } finally {
    texts.clear();
  }
}

/** Phase 2 of `runFiles`: every CRD of the input, in path order, taught to `engine`. */
async function learnCrds(
  crdFiles: readonly DiscoveredFile[], engine: LearningEngine, texts: PrereadTexts,
  hits: ReadonlyMap<DiscoveredFile, CacheEntry>, cache: ResultCache | undefined,
): Promise<void> {
  for (const [rank, file] of crdFiles.entries()) {
    let batch: CrdBatch | undefined = hits.get(file)?.crds;
    if (!batch) {
      const text = texts.peek(file) ?? await readText(file.absolute).catch(() => undefined);
      if (text === undefined) continue;
      batch = crdBatchOf(parseManifest(file.display, text), rank, engine.validation !== undefined);
      // Kept with the file's result: copied off the file's text (see `detach`).
      cache?.noteBatch(file, detach(batch));
    }
    learnCrdBatch(batch, engine);
  }
}

/** Phase 3 of `runFiles` for one file: its stored result when valid, else the file fixed now. */
async function resultOf(
  file: DiscoveredFile, entry: CacheEntry | undefined, options: FixOptions, engine: LearningEngine,
  mode: RunMode, texts: PrereadTexts, cache: ResultCache | undefined, keepTexts: boolean,
): Promise<FileResult> {
  const preread = texts.take(file);
  if (entry && cache) {
    // A report of findings alone needs no text: the stored result is the file's.
    if (!keepTexts) return ResultCache.resultOf(file, entry, undefined);
    const text = preread ?? await readText(file.absolute).catch(() => undefined);
    // Changed since the pre-pass (or now unreadable): processed as it is now.
    if (text !== undefined && cache.sameText(file, text)) return ResultCache.resultOf(file, entry, text);
    return processFile(file, options, engine, mode, text);
  }
  const result = await processFile(file, options, engine, mode, preread);
  cache?.store(file, result);
  return result;
}
