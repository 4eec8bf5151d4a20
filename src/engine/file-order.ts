import type { DiscoveredFile } from '../io/discover.js';
import type { FileResult } from './types.js';

/**
 * Yields one result per file in the order of `files`: a result computed earlier (the CRD files
 * of phase 1, in `held`) when its turn comes, otherwise the next one `compute` produces.
 */
export async function* inFileOrder(
  files: readonly DiscoveredFile[],
  held: Map<DiscoveredFile, FileResult>,
  compute: (file: DiscoveredFile) => Promise<FileResult>,
): AsyncGenerator<FileResult> {
  for (const file of files) {
    const result = held.get(file);
    if (result) {
      held.delete(file);
      yield result;
    } else {
      yield await compute(file);
    }
  }
}
