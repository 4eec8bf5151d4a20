/**
 * V8 lets the heap grow up to four times what a full collection left before the next one; a run
 * over a large tree allocates fast and keeps little (a few files at a time), so the heap swelled
 * to 225 MB around 40 MB of live data (ten copies of the corpus: peak RSS 330 MB). Twice is
 * enough: 237 MB, and no slower (docs/PERFORMANCE.md). The flag is read at each collection, so
 * it is set when work that allocates begins: a run its cache answers does not load `node:v8`
 * (about 4 ms of a warm run).
 */
let tuned = false;

/** Sets `--heap-growing-percent=100` (once). */
export async function tuneHeap(): Promise<void> {
  if (tuned) return;
  tuned = true;
  (await import('node:v8')).setFlagsFromString('--heap-growing-percent=100');
}
