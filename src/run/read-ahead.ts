import type { DiscoveredFile } from '../io/discover.js';
import { readText } from '../io/read-text.js';

/** Reads in flight at once: enough to hide the latency of each read (open, stat, read, close). */
const READS_AHEAD = 8;

/** A file of `readAhead`: its text (undefined when unreadable), or `known`: not read (see `skip`). */
export type ReadFile = [file: DiscoveredFile, text: string | undefined, known: boolean];

/**
 * Yields each file with its text, in the order of `files`, with a few reads started ahead so
 * that the file system works while the caller does. A file for which `skip` (called in order,
 * before the file is read) says true is not read: it comes with `known` set.
 */
export async function* readAhead(files: readonly DiscoveredFile[], skip?: (file: DiscoveredFile) => boolean, ahead = READS_AHEAD): AsyncGenerator<ReadFile> {
  const pending: Promise<string | undefined>[] = [];
  const known: boolean[] = [];
  let next = 0;
  const fill = (): void => {
    for (; pending.length < ahead && next < files.length; next++) {
      const file = files[next] as DiscoveredFile;
      const skipped = skip?.(file) ?? false;
      known.push(skipped);
      pending.push(skipped ? Promise.resolve(undefined) : readText(file.absolute).catch(() => undefined));
    }
  };
  for (const file of files) {
    fill();
    const text = await (pending.shift() as Promise<string | undefined>);
    yield [file, text, known.shift() as boolean];
  }
}
