import type { DiscoveredFile } from '../io/discover.js';
import { readText } from '../io/read-text.js';
import type { Engine } from './fix-text.js';
import { withOwnNotes } from './note-filter.js';
import type { FixOptions } from './options.js';
import type { PrereadTexts } from './preread-texts.js';
import { processFile, releaseTexts, type RunMode } from './process-file.js';
import type { CrdBatch } from './learn-input.js';
import { ResultCache, type CacheEntry } from './result-cache.js';
import type { FileResult } from './types.js';

/** The files a cached run looks up, and those it must process. */
export interface CachePlan {
  hits: Map<DiscoveredFile, CacheEntry>;
  /** In the order of the run's files. */
  todo: DiscoveredFile[];
  /**
   * When no file that may define CRDs is to be processed: what they teach the run, from the
   * cache, to be learned before the others are processed.
   */
  learned?: CrdBatch[];
}

/**
 * Looks every file up (after the pre-pass, see `ResultCache.seal`). When anything is to be
 * processed, the run must know the CRDs of the input: from the cache when every file that may
 * define CRDs is a hit (the usual case: the run's CRD files are part of every key, so one
 * changed CRD file invalidates all), else by processing those files too.
 */
export function planCached(
  files: readonly DiscoveredFile[], optionsFor: (file: DiscoveredFile) => FixOptions, mode: RunMode,
  cache: ResultCache, crdFiles: ReadonlyMap<DiscoveredFile, number>,
): CachePlan {
  const hits = new Map<DiscoveredFile, CacheEntry>();
  for (const file of files) {
    const entry = cache.lookup(file, optionsFor(file), mode);
    if (entry) hits.set(file, entry);
  }
  if (hits.size === files.length) return { hits, todo: [] };
  const learned: CrdBatch[] = [];
  for (const file of crdFiles.keys()) {
    const batch = hits.get(file)?.crds;
    if (!batch) return { hits, todo: files.filter((f) => !hits.has(f) || crdFiles.has(f)) };
    learned.push(batch);
  }
  return { hits, todo: files.filter((f) => !hits.has(f)), learned };
}

/**
 * Yields one result per file in the order of `files`: the next of `computed` (the results of
 * `plan.todo`, in that order, each with its own notes and unfiltered) for a file to process,
 * else the stored one, then `filter` over all of them in order, as a run without the cache
 * would. Computed results are stored.
 */
export async function* mergeCached(
  files: readonly DiscoveredFile[], computed: AsyncGenerator<FileResult>, plan: CachePlan,
  run: {
    cache: ResultCache; texts: PrereadTexts; keepTexts: boolean; filter: (r: FileResult) => FileResult;
    optionsFor: (file: DiscoveredFile) => FixOptions; engine: Engine; mode: RunMode;
  },
): AsyncGenerator<FileResult> {
  const todo = new Set(plan.todo);
  for (const file of files) {
    let result: FileResult;
    const entry = plan.hits.get(file);
    if (todo.has(file) || !entry) {
      const next = await computed.next();
      if (next.done) throw new Error('internal: a cached run lost a result');
      result = next.value;
      run.cache.store(file, result);
    } else if (!run.keepTexts) {
      result = ResultCache.resultOf(file, entry, undefined);
    } else {
      const text = run.texts.take(file) ?? await readText(file.absolute).catch(() => undefined);
      // Changed since the pre-pass (or now unreadable): processed as it is now.
      result = text !== undefined && run.cache.sameText(file, text)
        ? ResultCache.resultOf(file, entry, text)
        : await processFile(file, run.optionsFor(file), withOwnNotes(run.engine), run.mode, text);
    }
    result = run.filter(result);
    yield run.keepTexts ? result : releaseTexts(result);
  }
}
