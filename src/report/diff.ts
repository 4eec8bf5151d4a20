import { createTwoFilesPatch, FILE_HEADERS_ONLY, formatPatch, structuredPatch, type StructuredPatch } from 'diff';
import type { FileResult, TextEdit } from '../core/types.js';
import { lineIndexOf, lineStarts } from '../yaml/positions.js';

const CONTEXT = 3;

/**
 * A git-style unified diff of what `--write` would change in one file ('' when nothing). When the
 * exact edits are known, only small windows around them are diffed, so a large file with many
 * edits costs time in proportion to the edits, not to the file times the edits.
 */
export function formatDiff(result: FileResult): string {
  if (result.output === result.source) return '';
  // git's a/ b/ prefixes for relative paths, so the diff applies with `git apply` or `patch -p1`.
  const absolute = result.path.startsWith('/');
  const from = absolute ? result.path : `a/${result.path}`;
  const to = absolute ? result.path : `b/${result.path}`;
  if (result.edits && result.edits.length > 0) {
    const patch = windowedPatch(result.source, result.output, result.edits, from, to);
    if (patch) return formatPatch(patch, FILE_HEADERS_ONLY);
  }
  return createTwoFilesPatch(from, to, result.source, result.output, undefined, undefined, {
    context: CONTEXT,
    headerOptions: FILE_HEADERS_ONLY,
  });
}

const newlines = (s: string): number => {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

/**
 * Diffs line windows (each edit's lines plus context, merged when they meet) with the diff
 * library and shifts the hunks to their place in the file. Undefined when the edits do not
 * reproduce the output (the caller then diffs the whole file).
 */
function windowedPatch(source: string, output: string, edits: readonly TextEdit[], from: string, to: string): StructuredPatch | undefined {
  const starts = lineStarts(source);
  const lastLine = starts.length - 1;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  // Group edits into windows of whole lines [first, last], with context, merged when they meet.
  const windows: { first: number; last: number; edits: TextEdit[] }[] = [];
  for (const e of sorted) {
    const first = Math.max(0, lineIndexOf(starts, e.start) - CONTEXT);
    const last = Math.min(lastLine, lineIndexOf(starts, Math.max(e.start, e.end - 1)) + CONTEXT);
    const prev = windows[windows.length - 1];
    if (prev && first <= prev.last + 1) {
      prev.last = Math.max(prev.last, last);
      prev.edits.push(e);
    } else windows.push({ first, last, edits: [e] });
  }
  const hunks: StructuredPatch['hunks'] = [];
  let shift = 0; // characters added before the current window
  let lineShift = 0; // lines added before the current window
  for (const w of windows) {
    const oldStart = starts[w.first] as number;
    const oldEnd = w.last + 1 < starts.length ? (starts[w.last + 1] as number) : source.length;
    let delta = 0;
    let lineDelta = 0;
    for (const e of w.edits) {
      delta += e.text.length - (e.end - e.start);
      lineDelta += newlines(e.text) - newlines(source.slice(e.start, e.end));
    }
    const oldText = source.slice(oldStart, oldEnd);
    const newText = output.slice(oldStart + shift, oldEnd + shift + delta);
    const part = structuredPatch('', '', oldText, newText, undefined, undefined, { context: CONTEXT });
    for (const h of part.hunks) {
      hunks.push({ ...h, oldStart: h.oldStart + w.first, newStart: h.newStart + w.first + lineShift });
    }
    shift += delta;
    lineShift += lineDelta;
  }
  if (source.length + shift !== output.length) return undefined;
  return { oldFileName: from, newFileName: to, oldHeader: undefined, newHeader: undefined, hunks };
}
