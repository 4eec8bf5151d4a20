import type { DiscoveredFile } from '../io/discover.js';
import { readText } from '../io/read-text.js';

/** Reads in flight at once: enough to hide the latency of each read (open, stat, read, close). */
const READS_AHEAD = 8;

/**
 * Yields each file with its text (undefined when unreadable), in the order of `files`, with a
 * few reads started ahead so that the file system works while the caller does.
 */
export async function* readAhead(files: readonly DiscoveredFile[], ahead = READS_AHEAD): AsyncGenerator<[DiscoveredFile, string | undefined]> {
  const pending: Promise<string | undefined>[] = [];
  let next = 0;
  const fill = (): void => {
    for (; pending.length < ahead && next < files.length; next++) pending.push(readText((files[next] as DiscoveredFile).absolute).catch(() => undefined));
  };
  for (const file of files) {
    fill();
    const text = await (pending.shift() as Promise<string | undefined>);
    yield [file, text];
  }
}
