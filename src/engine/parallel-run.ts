import type { DiscoveredFile } from '../io/discover.js';
import { filesToRerun } from './crd-usage.js';
import { inFileOrder } from './file-order.js';
import type { PrereadTexts } from './preread-texts.js';
import type { ResultCache } from './result-cache.js';
import type { FixOptions } from './options.js';
import { releaseTexts, writeResult } from './process-file.js';
import type { FileResult } from './types.js';
import type { WorkerPool } from './worker-pool.js';

/** Results computed ahead of the one being yielded, per worker (bounds memory). */
const AHEAD_PER_WORKER = 16;

/**
 * The parallel half of `runFiles`. Phase 1: the files that may define CRDs, all at once (biggest
 * first), each knowing its own CRDs; then every worker learns all of them, and the few CRD files
 * whose objects use another CRD file's kinds are processed again. Phase 2: the other files, with
 * a bounded number in flight, those of the same custom kind (`affinity`, a hint) on the same
 * worker. Results are yielded in the order of `files`, the same as on one thread (`crdFiles`
 * maps each CRD file to its size), through `notes.filter` (see `noteFilter`).
 */
export async function* runParallel(
  files: readonly DiscoveredFile[],
  optionsFor: (file: DiscoveredFile) => FixOptions,
  pool: WorkerPool,
  plan: {
    crdFiles: ReadonlyMap<DiscoveredFile, number>; affinity: ReadonlyMap<DiscoveredFile, string>; texts: PrereadTexts;
    cache?: ResultCache | undefined;
  },
  notes: { filter: (r: FileResult) => FileResult; ownNotes: boolean },
): AsyncGenerator<FileResult> {
  const { crdFiles, affinity, texts } = plan;
  const { filter } = notes;
  const crdList = files.filter((f) => crdFiles.has(f));
  const bySize = crdList.map((f, i) => ({ f, i })).sort((a, b) => (crdFiles.get(b.f) ?? 0) - (crdFiles.get(a.f) ?? 0) || a.i - b.i);
  const first = new Map<number, Promise<FileResult>>();
  for (const { f, i } of bySize) first.set(i, pool.submit(f, optionsFor(f), withText({ crdIndex: i, ownNotes: true }, texts.take(f))));
  const early: FileResult[] = [];
  for (let i = 0; i < crdList.length; i++) early.push(await (first.get(i) as Promise<FileResult>));
  first.clear();
  const batches = pool.shareCrds(crdList.length);
  batches.forEach((batch, i) => plan.cache?.noteBatch(crdList[i] as DiscoveredFile, batch));
  const again = filesToRerun(batches);
  const rerun = again.map((i) => {
    const f = crdList[i] as DiscoveredFile;
    return pool.submit(f, optionsFor(f), { ownNotes: true });
  });
  const rest = files.filter((f) => !crdFiles.has(f));
  const window: Promise<FileResult>[] = [];
  const limit = AHEAD_PER_WORKER * Math.max(1, pool.size);
  let next = 0;
  const fill = (): void => {
    for (; window.length < limit && next < rest.length; next++) {
      const f = rest[next] as DiscoveredFile;
      const hint = affinity.get(f);
      window.push(pool.submit(f, optionsFor(f), withText({ ownNotes: notes.ownNotes, ...(hint !== undefined && { affinity: hint }) }, texts.take(f))));
    }
  };
  fill();
  for (const [n, i] of again.entries()) early[i] = await (rerun[n] as Promise<FileResult>);
  if (pool.mode === 'write') {
    // Phase 1 ran in diff mode (a first result may be dropped): the kept ones are written here.
    const redone = new Set(again);
    for (let i = 0; i < early.length; i++) {
      if (redone.has(i)) continue;
      const written = await writeResult(early[i] as FileResult);
      early[i] = pool.keepTexts ? written : releaseTexts(written);
    }
  }
  const held = new Map<DiscoveredFile, FileResult>(crdList.map((f, i) => [f, filter(early[i] as FileResult)]));
  early.length = 0;
  // The window holds the other files' results in the order of `files`.
  yield* inFileOrder(files, held, async () => {
    const computed = await (window.shift() as Promise<FileResult>);
    fill();
    return filter(computed);
  });
}

/** Adds a file's already read text to a job (with exactOptionalPropertyTypes, never `text: undefined`). */
function withText<T extends object>(how: T, text: string | undefined): T & { text?: string } {
  return text === undefined ? how : { ...how, text };
}
