/**
 * The fixing part of a run (see `runFiles`): what needs the engine, the YAML parser and the
 * rules, loaded on the run's first file to read or fix (a fully cached run loads none of it).
 */
import { fixText } from '../engine/fix-text.js';
import { crdBatchOf, learnCrdBatch, learnIndex, usesBuiltinKindsOnly, type CrdBatch } from '../engine/learn-input.js';
import type { DiscoveredFile } from '../io/discover.js';
import { readText } from '../io/read-text.js';
import { detach } from '../yaml/detach.js';
import { parseManifest, type ManifestFile } from '../yaml/parse.js';
import { isChartFile } from './helm-chart.js';
import { releaseTexts } from './results.js';
import { ranked } from './crd-store.js';
import { takeParse, type FixingRun } from './run-state.js';

export { processFile } from './process-file.js';

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
 * The index part of the pre-pass for a file the run has read: its ServiceAccounts and registry
 * Secrets into the run's index (through the cache, which keeps them, when there is one).
 */
export function learnText(file: DiscoveredFile, text: string, run: FixingRun): void {
  const options = run.optionsFor(file);
  const parse = keptParse(file, text, run);
  if (run.cache) run.cache.learnIndex(file, options, run.index, { text, learn: (own) => learnIndex(text, options, { ...run.engine, index: own }, parse) });
  else learnIndex(text, options, run.engine, parse);
}

/**
 * How the index pre-pass parses a file: keeping the parse for the file's next use while its
 * text is kept too (both are then of one read: never in write mode, see `PrereadTexts`) and the
 * budget allows; undefined: the index's own parse, dropped after it.
 */
function keptParse(file: DiscoveredFile, text: string, run: FixingRun): (() => ManifestFile) | undefined {
  if (run.texts.peek(file) !== text || run.parseChars + text.length > HELD_PARSE_BUDGET) return undefined;
  return () => {
    const parsed = parseManifest(file.display, text);
    run.parses.set(file, parsed);
    run.parseChars += text.length;
    return parsed;
  };
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
export function needNoCrds(files: readonly DiscoveredFile[], crdFiles: readonly DiscoveredFile[], run: FixingRun): boolean {
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
export async function learnCrds(crdFiles: readonly DiscoveredFile[], run: FixingRun): Promise<void> {
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
