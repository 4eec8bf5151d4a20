import type { RunSettings } from '../config/resolve.js';
import type { DiscoveredFile } from '../io/discover.js';
import { detach } from '../manifest/detach.js';
import { mergeCached, planCached } from './cached-run.js';
import { inFileOrder } from './file-order.js';
import { customKindsOf, filesToRerun, pickAffinity, type CrdUsage } from './crd-usage.js';
import { learnCrdBatch, learnCrds, learnIndex, mayHoldCrds, type CrdBatch, type LearningEngine } from './learn-input.js';
import { dedupesNotes, noteFilter, withOwnNotes } from './note-filter.js';
import type { FixOptions } from './options.js';
import { runParallel } from './parallel-run.js';
import { PrereadTexts } from './preread-texts.js';
import { readAhead } from './read-ahead.js';
import { processFile, releaseTexts, writeResult, type RunMode } from './process-file.js';
import type { ResultCache } from './result-cache.js';
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
  /** The result cache (`--cache`); it is used from this thread only. */
  cache?: ResultCache;
}

/** Fewer files than this, or less text, are not worth starting worker threads for. */
const PARALLEL_MIN_FILES = 8;
const PARALLEL_MIN_BYTES = 512 * 1024;

/**
 * Processes files and yields their results in the order given (sorted by the caller), one at a
 * time so that a large tree is never held in memory. A cheap pre-pass (whose texts are kept, up
 * to a budget, for processing: see `PrereadTexts`) finds the files that
 * define CRDs and records ServiceAccounts and registry Secrets; the CRD files are then fixed
 * first (their parse teaches the run their kinds and schemas, so they are parsed only once) and
 * their results held back until their turn. A CRD file whose objects use kinds defined in
 * another CRD file is fixed again once all CRDs are known (`filesToRerun`): every file's result
 * then depends on all the CRDs of the run, never on the order they were met in, so that worker
 * threads (`jobs` > 1, which fix the CRD files in parallel) give the same results. Each file's
 * failure is its own; the run goes on.
 */
export async function* runFiles(
  files: readonly DiscoveredFile[],
  optionsFor: (file: DiscoveredFile) => FixOptions,
  engine: LearningEngine,
  mode: RunMode,
  run: RunFilesOptions = {},
): AsyncGenerator<FileResult> {
  const { cache } = run;
  // The cache needs every computed result with its texts (to store it) and its own notes.
  const keepTexts = (run.keepTexts ?? true) || cache !== undefined;
  const jobs = Math.min(run.jobs ?? 1, files.length);
  const parallel = jobs > 1 && run.settings !== undefined && files.length >= PARALLEL_MIN_FILES;
  const newPool = (): WorkerPool => new WorkerPool(jobs, run.settings as RunSettings, mode, keepTexts);
  // Started before the pre-pass, so that the workers load while this thread reads; with the
  // cache, only once it is known that enough files are to be processed.
  let pool = parallel && !cache ? newPool() : undefined;
  // Write mode reads each file right before fixing and writing it: a text read in the pre-pass
  // could be older than the file by then (an editor saved it meanwhile), and writing a fix of
  // it would lose that change.
  const texts = new PrereadTexts(mode === 'write' ? 0 : undefined);
  try {
    const crdFiles = new Map<DiscoveredFile, number>();
    const kindsOf = new Map<DiscoveredFile, string[]>();
    const kindUses = new Map<string, number>();
    let bytes = 0;
    for await (const [file, text] of readAhead(files)) {
      if (text === undefined) continue;
      bytes += text.length;
      texts.offer(file, text);
      const crd = mayHoldCrds(text);
      cache?.noteText(file, text, crd);
      if (crd) crdFiles.set(file, text.length);
      else if (parallel) {
        const kinds = customKindsOf(text);
        if (kinds.length > 0) kindsOf.set(file, kinds);
        for (const k of kinds) kindUses.set(k, (kindUses.get(k) ?? 0) + 1);
      }
      if (cache) cache.learnIndex(file, text, optionsFor(file), engine);
      else learnIndex(text, optionsFor(file), engine);
    }
    cache?.seal(engine.index.toData());
    const plan = cache && planCached(files, optionsFor, mode, cache, crdFiles);
    const todo = plan?.todo ?? files;
    if (plan) {
      bytes = todo.reduce((n, f) => n + cache.sizeOf(f), 0);
      if (parallel && todo.length >= PARALLEL_MIN_FILES && bytes >= PARALLEL_MIN_BYTES) pool = newPool();
    }
    if (pool && (bytes < PARALLEL_MIN_BYTES || todo.length < PARALLEL_MIN_FILES)) {
      await pool.close();
      pool = undefined;
    }
    // With the cache, every file gets its own notes and the notes are filtered over all results.
    const filter = noteFilter(dedupesNotes(engine));
    const own = { filter: plan ? (r: FileResult): FileResult => r : filter, ownNotes: plan !== undefined };
    let computed: AsyncGenerator<FileResult>;
    if (pool) {
      pool.start(engine.index.toData());
      const affinity = new Map<DiscoveredFile, string>();
      for (const [file, kinds] of kindsOf) {
        const hint = pickAffinity(kinds, kindUses);
        if (hint !== undefined) affinity.set(file, hint);
      }
      if (plan?.learned) pool.learnCrds(plan.learned);
      computed = runParallel(todo, optionsFor, pool, { crdFiles, affinity, texts, cache }, own);
    } else {
      for (const batch of plan?.learned ?? []) learnCrdBatch(batch, engine);
      computed = runHere(todo, optionsFor, engine, mode, { crdFiles, texts, keepTexts, cache, ...own });
    }
    if (!plan) {
      yield* computed;
      return;
    }
    yield* mergeCached(files, computed, plan, { cache, texts, keepTexts: run.keepTexts ?? true, filter, optionsFor, engine, mode });
    cache.save();
  } finally {
    texts.clear();
    await pool?.close();
  }
}

/** The one-thread half of `runFiles`: the same phases as `runParallel`, one file at a time. */
async function* runHere(
  files: readonly DiscoveredFile[],
  optionsFor: (file: DiscoveredFile) => FixOptions,
  engine: LearningEngine,
  mode: RunMode,
  plan: {
    crdFiles: ReadonlyMap<DiscoveredFile, number>; texts: PrereadTexts; keepTexts: boolean;
    filter: (r: FileResult) => FileResult; ownNotes: boolean; cache?: ResultCache | undefined;
  },
): AsyncGenerator<FileResult> {
  const { crdFiles, texts, keepTexts, filter } = plan;
  const finish = keepTexts ? (r: FileResult): FileResult => r : releaseTexts;
  // A result held back without its texts must not keep them alive through its strings.
  const hold = keepTexts ? finish : (r: FileResult): FileResult => detach(releaseTexts(r));
  const crdList = files.filter((f) => crdFiles.has(f));
  const early: FileResult[] = [];
  const usages: CrdUsage[] = [];
  // A first result may be dropped: written only once kept.
  const firstMode = mode === 'write' ? 'diff' : mode;
  for (const [rank, file] of crdList.entries()) {
    let usage: CrdUsage = { defines: [], uses: [] };
    const onBatch = plan.cache && ((batch: CrdBatch): void => plan.cache?.noteBatch(file, batch));
    const learning: LearningEngine = { ...withOwnNotes(engine), onParsed: (parsed) => void (usage = learnCrds(parsed, engine, rank, onBatch)) };
    const result = await processFile(file, optionsFor(file), learning, firstMode, texts.take(file));
    // Write mode needs the texts until the result is written, below.
    early.push(mode === 'write' ? result : hold(result));
    usages.push(usage);
  }
  const again = new Set(filesToRerun(usages));
  for (const [i, file] of crdList.entries()) {
    if (again.has(i)) early[i] = hold(await processFile(file, optionsFor(file), withOwnNotes(engine), mode));
    else if (mode === 'write') early[i] = hold(await writeResult(early[i] as FileResult));
  }
  const held = new Map<DiscoveredFile, FileResult>(crdList.map((f, i) => [f, filter(early[i] as FileResult)]));
  early.length = 0;
  yield* inFileOrder(files, held, async (file) => finish(filter(await processFile(file, optionsFor(file), plan.ownNotes ? withOwnNotes(engine) : engine, mode, texts.take(file)))));
}
