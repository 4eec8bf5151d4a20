import type { DiscoveredFile } from '../io/discover.js';
import type { FixOptions } from './options.js';
import type { FileResult } from './types.js';
import type { WorkerPool } from './worker-pool.js';

/** Results computed ahead of the one being yielded, per worker (bounds memory). */
const AHEAD_PER_WORKER = 4;

/**
 * "No schema for X" notes are made once per run in a run on one thread (on the first file that
 * meets X, CRD files first). Each worker makes them once for its own files; this keeps the first.
 */
function noteFilter(enabled: boolean): (r: FileResult) => FileResult {
  const seen = new Set<string>();
  return (r) => {
    if (!enabled || !r.findings.some((f) => f.ruleId === 'not-validated')) return r;
    const findings = r.findings.filter((f) => f.ruleId !== 'not-validated' || (!seen.has(f.message) && Boolean(seen.add(f.message))));
    return { ...r, findings };
  };
}

/**
 * The parallel half of `runFiles`: the files that may define CRDs go first, in order (each waits
 * in its worker for the CRDs of those before it); the others follow, each seeing every CRD, with
 * a bounded number in flight. Results are yielded in the order of `files`.
 */
export async function* runParallel(
  files: readonly DiscoveredFile[],
  optionsFor: (file: DiscoveredFile) => FixOptions,
  pool: WorkerPool,
  crdFiles: ReadonlySet<DiscoveredFile>,
  dedupeNotes: boolean,
): AsyncGenerator<FileResult> {
  const filter = noteFilter(dedupeNotes);
  const crdList = files.filter((f) => crdFiles.has(f));
  const pending = new Map<DiscoveredFile, Promise<FileResult>>();
  crdList.forEach((f, i) => pending.set(f, pool.submit(f, optionsFor(f), i, i)));
  const rest = files.filter((f) => !crdFiles.has(f));
  const window: Promise<FileResult>[] = [];
  const limit = AHEAD_PER_WORKER * Math.max(1, pool.size);
  let next = 0;
  const fill = (): void => {
    for (; window.length < limit && next < rest.length; next++) {
      const f = rest[next] as DiscoveredFile;
      window.push(pool.submit(f, optionsFor(f), undefined, crdList.length));
    }
  };
  fill();
  // CRD files first, as a run on one thread processes them (the notes go to the first file).
  const early = new Map<DiscoveredFile, FileResult>();
  for (const f of crdList) early.set(f, filter(await (pending.get(f) as Promise<FileResult>)));
  pending.clear();
  for (const f of files) {
    const held = early.get(f);
    if (held) {
      early.delete(f);
      yield held;
      continue;
    }
    const result = await (window.shift() as Promise<FileResult>);
    fill();
    yield filter(result);
  }
}
