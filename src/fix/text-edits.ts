import type { TextEdit } from '../core/types.js';

/** Result of applying edits: the new text and the edits that had to be left out. */
export interface AppliedEdits {
  text: string;
  /** Indexes of the groups left out because they overlapped an earlier one; a later pass may redo them. */
  skipped: Set<number>;
  /** The edits applied, sorted by position: exactly what turns the text into the result. */
  applied: TextEdit[];
}

/**
 * Applies groups of edits (one group per fix) to a text. Groups are taken in order; a group
 * overlapping an already accepted edit is skipped whole. Insertions at the same offset are
 * kept in the order given.
 */
export function applyEdits(text: string, groups: readonly (readonly TextEdit[])[]): AppliedEdits {
  const accepted: { edit: TextEdit; order: number }[] = [];
  const skipped = new Set<number>();
  // Insertions never conflict with each other, so only replacements need looking at: they are
  // few (flow collections, scalars), while a large file may get thousands of insertions.
  const replacements: TextEdit[] = [];
  const insertions: number[] = []; // sorted offsets of accepted insertions
  let order = 0;
  for (const [index, group] of groups.entries()) {
    if (group.some((e) => conflicts(e, replacements, insertions))) {
      skipped.add(index);
      continue;
    }
    for (const edit of group) {
      accepted.push({ edit, order: order++ });
      if (edit.start === edit.end) insertions.splice(lowerBound(insertions, edit.start), 0, edit.start);
      else replacements.push(edit);
    }
  }
  accepted.sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order);
  const parts: string[] = [];
  let cursor = 0;
  for (const { edit } of accepted) {
    parts.push(text.slice(cursor, edit.start), edit.text);
    cursor = edit.end;
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), skipped, applied: accepted.map((a) => a.edit) };
}

function conflicts(e: TextEdit, replacements: readonly TextEdit[], insertions: readonly number[]): boolean {
  if (replacements.some((r) => overlaps(r, e))) return true;
  if (e.start === e.end) return false;
  // A replacement conflicts with an insertion strictly inside it.
  const i = lowerBound(insertions, e.start + 1);
  return i < insertions.length && (insertions[i] as number) < e.end;
}

/** Index of the first element >= value in a sorted array. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Two edits conflict when their replaced ranges intersect; touching insertions do not. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end || b.start === b.end) {
    // An insertion conflicts only with a replacement that strictly contains its offset.
    const ins = a.start === a.end ? a : b;
    const other = ins === a ? b : a;
    return other.start < ins.start && ins.start < other.end;
  }
  return a.start < b.end && b.start < a.end;
}
