import type { FixOptions } from '../core/options.js';
import type { FileResult, RunMode } from '../core/types.js';
import { fixText } from '../engine/fix-text.js';
import { crdBatchOf, learnCrdBatch, learnIndex, mayHoldCrds, usesBuiltinKindsOnly, type CrdBatch, type LearningEngine } from '../engine/learn-input.js';
import type { DiscoveredFile } from '../io/discover.js';
import { readText } from '../io/read-text.js';
import { detach } from '../yaml/detach.js';
import { parseManifest, type ManifestFile } from '../yaml/parse.js';
import { isChartFile } from './helm-chart.js';
import { noteFilter } from './note-filter.js';
import { PrereadTexts } from './preread-texts.js';
import { processFile, releaseTexts, writeResult } from './process-file.js';
import { readAhead } from './read-ahead.js';
import { ResultCache } from './result-cache.js';
import { ranked } from './crd-store.js';

export type { RunMode } from '../core/types.js';

/** How a run over files is carried out. */
export interface RunFilesOptions {
  /** Whether results keep `source` and `output` (default true); else see `releaseTexts`. */
  keepTexts?: boolean;
  /** The result cache (`--cache`). */
  cache?: ResultCache;
}

/** What the phases of one run share. */
interface Run {
  engine: LearningEngine;
  mode: RunMode;
  optionsFor: (file: DiscoveredFile) => FixOptions;
  texts: PrereadTexts;
  keepTexts: boolean;
  cache: ResultCache | undefined;
  /** Files whose stored result is valid (parsed again at their turn: kept parsed, all would live to the end). */
  hits: Set<DiscoveredFile>;
  /** Results of CRD files fixed from the parse that taught the run their CRDs (see `learnCrds`). */
  held: Map<DiscoveredFile, FileResult>;
  /** Characters of text the held results keep (bounded by `HELD_TEXT_BUDGET`). */
  heldChars: number;
  /** Parses the pre-pass made for the index, kept for the file's next use (see `HELD_PARSE_BUDGET`). */
  parses: Map<DiscoveredFile, ManifestFile>;
  /** Characters of text of the kept parses. */
  parseChars: number;
}

/**
 * Most characters of text (sources and outputs) that held results may keep until their turn;
 * past it, a CRD file is fixed at its turn instead (parsed once more), so memory stays flat.
 */
const HELD_TEXT_BUDGET = 16 * 1024 * 1024;

/**
 * Most characters of text whose parses the pre-pass (which parses the files that hold
 * ServiceAccounts or registry Secrets) keeps for the file's next use, learning its CRDs or fixing
 * it: an operator's install bundle (CRDs, ServiceAccounts, RBAC in one file) is then parsed
 * once, not twice. A parse takes about seven times its text's size in memory.
 */
const HELD_PARSE_BUDGET = 4 * 1024 * 1024;

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
  engine: LearningEngine,
  mode: RunMode,
  options: RunFilesOptions = {},
): AsyncGenerator<FileResult> {
  const { cache } = options;
  // Write mode reads each file right before fixing and writing it: a text read in the pre-pass
  // could be older than the file by then (an editor saved it meanwhile), and writing a fix of
  // it would lose that change.
  const texts = new PrereadTexts(mode === 'write' ? 0 : undefined);
  const run: Run = { engine, mode, optionsFor, texts, keepTexts: options.keepTexts ?? true, cache, hits: new Set(), held: new Map(), heldChars: 0, parses: new Map(), parseChars: 0 };
  try {
    const crdFiles: DiscoveredFile[] = [];
    // With a cache, a file that stats as when it was last read is not read (see `known`).
    for await (const [file, read, known] of readAhead(files, cache && ((f) => cache.known(f)))) {
      if (known && cache?.learnIndex(file, undefined, optionsFor(file), engine)) {
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
      const parse = keptParse(file, text, run);
      if (cache) cache.learnIndex(file, text, optionsFor(file), engine, parse);
      else learnIndex(text, optionsFor(file), engine, parse);
    }
    cache?.seal(engine.index.toData());
    for (const file of cache ? files : []) {
      const entry = cache?.lookup(file, optionsFor(file), mode);
      if (entry) run.hits.add(file);
    }
    // Only needed when some file is to be fixed: a fully cached run learns nothing, and neither
    // does one whose files to fix cannot depend on CRDs (see `needNoCrds`).
    if (run.hits.size < files.length && !needNoCrds(files, crdFiles, run)) await learnCrds(crdFiles, run);
    // Each file makes its own "not validated" notes; the filter keeps the first of each, in order.
    const filter = noteFilter(engine.validation !== undefined && !engine.validation.strictKinds);
    for (const file of files) {
      const result = filter(await resultOf(file, run));
      yield run.keepTexts ? result : releaseTexts(result);
    }
    cache?.save();
  } finally {
    texts.clear();
    run.parses.clear();
  }
}

/**
 * How the index pre-pass parses a file: keeping the parse for the file's next use while its
 * text is kept too (both are then of one read: never in write mode, see `PrereadTexts`) and the
 * budget allows; undefined: the index's own parse, dropped after it.
 */
function keptParse(file: DiscoveredFile, text: string, run: Run): (() => ManifestFile) | undefined {
  if (run.texts.peek(file) !== text || run.parseChars + text.length > HELD_PARSE_BUDGET) return undefined;
  return () => {
    const parsed = parseManifest(file.display, text);
    run.parses.set(file, parsed);
    run.parseChars += text.length;
    return parsed;
  };
}

/** The kept parse of `file` when it is of `text` (given out once). */
function takeParse(file: DiscoveredFile, text: string | undefined, run: Run): ManifestFile | undefined {
  const parsed = run.parses.get(file);
  if (parsed === undefined) return undefined;
  run.parses.delete(file);
  run.parseChars -= parsed.text.length;
  return parsed.text === text ? parsed : undefined;
}

/** At most this many files to fix are looked at to tell that none needs the CRDs (see `needNoCrds`). */
const FEW_MISSES = 16;
/** And at most this many characters of their texts (each is parsed once more to tell it). */
const FEW_MISSES_CHARS = 512 * 1024;

/**
 * Whether the files a cached run has to fix (few of them: an edit between two runs) cannot
 * depend on the CRDs of the input, so that learning them (and reading the CRD store) would be
 * wasted: none of them may define CRDs or is a chart, and each holds only objects of built-in
 * kinds, whose scope and pod specs are Kubernetes' own. (A CRD cannot redefine a built-in kind:
 * the API server wants a CRD's group to hold a dot, and those of Kubernetes' own with one, under
 * `k8s.io`, are reserved; `learnCrds` relies on the same.)
 */
function needNoCrds(files: readonly DiscoveredFile[], crdFiles: readonly DiscoveredFile[], run: Run): boolean {
  if (!run.cache || files.length - run.hits.size > FEW_MISSES) return false;
  const crd = new Set(crdFiles);
  let chars = 0;
  for (const file of files) {
    if (run.hits.has(file)) continue;
    const text = run.texts.peek(file);
    if (text === undefined || crd.has(file) || isChartFile(file.absolute) || (chars += text.length) > FEW_MISSES_CHARS) return false;
    if (!usesBuiltinKindsOnly(parseManifest(file.display, text), run.engine, run.optionsFor(file))) return false;
  }
  return true;
}

/**
 * Phase 2 of `runFiles`: every CRD of the input, in path order, taught to the engine. A CRD file
 * whose objects are all of built-in kinds (the usual CRD file) cannot depend on CRDs met later:
 * it is fixed at once from the same parse, so that its text (often most of a tree's bytes) is
 * parsed once. Its result waits for its turn (`held`), in diff mode: it is written then.
 */
async function learnCrds(crdFiles: readonly DiscoveredFile[], run: Run): Promise<void> {
  const { engine, texts, cache } = run;
  for (const [rank, file] of crdFiles.entries()) {
    const stored = cache?.crdsOf(file);
    let batch: CrdBatch | undefined = stored && ranked(stored, rank);
    if (!batch) {
      const preread = texts.peek(file);
      const text = preread ?? await readText(file.absolute).catch(() => undefined);
      if (text === undefined) continue;
      const parsed = takeParse(file, preread, run) ?? parseManifest(file.display, text);
      // Kept for the whole run (and in the cache): copied off the file's text (see `detach`).
      batch = detach(crdBatchOf(parsed, rank, engine.validation !== undefined));
      cache?.noteBatch(file, batch);
      learnCrdBatch(batch, engine, true);
      const options = run.optionsFor(file);
      // A result kept with its texts (to write, diff or cache it) holds about twice the text.
      const keep = run.keepTexts || run.mode === 'write' || cache !== undefined;
      const fits = !keep || run.heldChars + 2 * text.length <= HELD_TEXT_BUDGET;
      if (fits && !isChartFile(file.absolute) && usesBuiltinKindsOnly(parsed, engine, options)) {
        texts.take(file);
        const result = fixText(file.display, text, options, engine, parsed);
        result.absolutePath = file.absolute;
        if (keep) run.heldChars += result.source.length + result.output.length;
        // Without its texts, a held result must not keep the text alive through its strings.
        run.held.set(file, keep ? result : detach(releaseTexts(result)));
      }
      continue;
    }
    learnCrdBatch(batch, engine, true);
  }
}

/** Phase 3 of `runFiles` for one file: its stored result when valid, else the file fixed now. */
async function resultOf(file: DiscoveredFile, run: Run): Promise<FileResult> {
  const { cache, engine, mode } = run;
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
    if (!run.keepTexts) return ResultCache.resultOf(file, entry, undefined);
    const text = preread ?? await readText(file.absolute).catch(() => undefined);
    // Changed since the pre-pass (or now unreadable): processed as it is now.
    if (text !== undefined && cache.sameText(file, text)) return ResultCache.resultOf(file, entry, text);
    return processFile(file, options, engine, mode, text);
  }
  const result = await processFile(file, options, engine, mode, preread, parsed);
  cache?.store(file, result);
  return result;
}
