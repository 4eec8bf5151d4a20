import type { FixOptions } from '../core/options.js';
import type { FileResult, RunMode } from '../core/types.js';
import { mayHoldCrds } from '../engine/input-hints.js';
import type { LearningEngine } from '../engine/learn-input.js';
import type { DiscoveredFile } from '../io/discover.js';
import { readText } from '../io/read-text.js';
import { InputIndex } from '../rules/index-data.js';
import { noteFilter } from './note-filter.js';
import { PrereadTexts } from './preread-texts.js';
import { releaseTexts, writeResult } from './results.js';
import { readAhead } from './read-ahead.js';
import { resultOfEntry } from './cache-file.js';
import type { ResultCache } from './result-cache.js';
import { takeParse, type FixingRun, type Run } from './run-state.js';

export type { RunMode } from '../core/types.js';

/** How a run over files is carried out. */
export interface RunFilesOptions {
  /** Whether results keep `source` and `output` (default true); else see `releaseTexts`. */
  keepTexts?: boolean;
  /** The result cache (`--cache`). */
  cache?: ResultCache;
}

/**
 * An engine made on the run's first file to read or fix: a run whose every result comes from
 * the cache loads neither the engine nor the YAML parser, the rules or the validator.
 */
export interface LazyEngine {
  /** Makes the engine (called once at most); the run gives it its index. */
  load(): Promise<LearningEngine>;
  /** Whether the engine will make "not validated" notes (validation on, `strictKinds` off). */
  notValidatedNotes: boolean;
}

type FixPhase = typeof import('./fix-phase.js');

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
 * Each file is fixed once, when everything its result depends on is known. Each file's failure
 * is its own; the run goes on. Worker threads were measured and removed (docs/PERFORMANCE.md).
 */
export async function* runFiles(
  files: readonly DiscoveredFile[],
  optionsFor: (file: DiscoveredFile) => FixOptions,
  engine: LearningEngine | LazyEngine,
  mode: RunMode,
  options: RunFilesOptions = {},
): AsyncGenerator<FileResult> {
  const { cache } = options;
  // Write mode reads each file right before fixing and writing it: a text read in the pre-pass
  // could be older than the file by then (an editor saved it meanwhile), and writing a fix of
  // it would lose that change.
  const texts = new PrereadTexts(mode === 'write' ? 0 : undefined);
  const lazy = 'load' in engine ? engine : undefined;
  const made = 'load' in engine ? undefined : engine;
  const run: Run = {
    engine: made, index: made?.index ?? new InputIndex(), mode, optionsFor, texts, keepTexts: options.keepTexts ?? true, cache,
    hits: new Set(), held: new Map(), heldChars: 0, parses: new Map(), parseChars: 0,
  };
  let phase: FixPhase | undefined;
  /** The fixing part and the engine, loaded and made on first use. */
  const fixing = async (): Promise<[FixPhase, FixingRun]> => {
    phase ??= await import('./fix-phase.js');
    if (!run.engine && lazy) {
      const loaded = await lazy.load();
      loaded.index = run.index;
      run.engine = loaded;
    }
    return [phase, run as FixingRun];
  };
  try {
    const crdFiles: DiscoveredFile[] = [];
    // With a cache, a file that stats as when it was last read is not read (see `known`).
    for await (const [file, read, known] of readAhead(files, cache && ((f) => cache.known(f)))) {
      if (known && cache?.learnIndex(file, optionsFor(file), run.index)) {
        if (cache.mayDefineCrds(file)) crdFiles.push(file);
        continue;
      }
      // Known, but what it adds to the index is not stored for these options: read after all.
      const text = known ? await readText(file.absolute).catch(() => undefined) : read;
      if (text === undefined) {
        cache?.forget(file);
        continue;
      }
      texts.offer(file, text);
      const crd = mayHoldCrds(text);
      cache?.noteText(file, text, crd);
      if (crd) crdFiles.push(file);
      const [fix, fixingRun] = await fixing();
      fix.learnText(file, text, fixingRun);
    }
    cache?.seal(run.index.toData());
    for (const file of cache ? files : []) {
      const entry = cache?.lookup(file, optionsFor(file), mode);
      if (entry) run.hits.add(file);
    }
    // Only needed when some file is to be fixed: a fully cached run learns nothing, and neither
    // does one whose files to fix cannot depend on CRDs (see `needNoCrds`).
    if (run.hits.size < files.length) {
      const [fix, fixingRun] = await fixing();
      if (!fix.needNoCrds(files, crdFiles, fixingRun)) await fix.learnCrds(crdFiles, fixingRun);
    }
    // Each file makes its own "not validated" notes; the filter keeps the first of each, in order.
    const notes = lazy ? lazy.notValidatedNotes : made?.validation !== undefined && !made.validation.strictKinds;
    const filter = noteFilter(notes);
    for (const file of files) {
      const result = filter(await resultOf(file, run, fixing));
      yield run.keepTexts ? result : releaseTexts(result);
    }
    cache?.save();
  } finally {
    texts.clear();
    run.parses.clear();
  }
}

/** Phase 3 of `runFiles` for one file: its stored result when valid, else the file fixed now. */
async function resultOf(file: DiscoveredFile, run: Run, fixing: () => Promise<[FixPhase, FixingRun]>): Promise<FileResult> {
  const { cache, mode } = run;
  const held = run.held.get(file);
  if (held) {
    run.held.delete(file);
    run.heldChars -= held.source.length + held.output.length;
    const result = mode === 'write' ? await writeResult(held) : held;
    cache?.store(file, result);
    return result;
  }
  const preread = run.texts.take(file);
  const parsed = takeParse(file, preread, run);
  const options = run.optionsFor(file);
  const entry = run.hits.has(file) ? cache?.hit(file) : undefined;
  if (entry && cache) {
    // A report of findings alone needs no text: the stored result is the file's.
    if (!run.keepTexts) return resultOfEntry(file, entry, undefined);
    const text = preread ?? await readText(file.absolute).catch(() => undefined);
    // Changed since the pre-pass (or now unreadable): processed as it is now, and the run is
    // not recorded (its report is not the one of the stamped text: see `ResultCache.record`).
    if (text !== undefined && cache.sameText(file, text)) return resultOfEntry(file, entry, text);
    cache.forget(file);
    const [fix, { engine }] = await fixing();
    return fix.processFile(file, options, engine, mode, text);
  }
  const [fix, { engine }] = await fixing();
  const result = await fix.processFile(file, options, engine, mode, preread, parsed);
  cache?.store(file, result);
  return result;
}
