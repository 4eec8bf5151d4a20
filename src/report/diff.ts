import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { FileResult } from '../engine/types.js';

/** A git-style unified diff of what `--write` would change in one file ('' when nothing). */
export function formatDiff(result: FileResult): string {
  if (result.output === result.source) return '';
  // git's a/ b/ prefixes for relative paths, so the diff applies with `git apply` or `patch -p1`.
  const absolute = result.path.startsWith('/');
  const from = absolute ? result.path : `a/${result.path}`;
  const to = absolute ? result.path : `b/${result.path}`;
  return createTwoFilesPatch(from, to, result.source, result.output, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
}
