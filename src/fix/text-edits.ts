import type { TextEdit } from '../engine/types.js';

/** Result of applying edits: the new text and the edits that had to be left out. */
export interface AppliedEdits {
  text: string;
  /** Indexes of the groups left out because they overlapped an earlier one; a later pass may redo them. */
  skipped: Set<number>;
}

/**
 * Applies groups of edits (one group per fix) to a text. Groups are taken in order; a group
 * overlapping an already accepted edit is skipped whole. Insertions at the same offset are
 * kept in the order given.
 */
export function applyEdits(text: string, groups: readonly (readonly TextEdit[])[]): AppliedEdits {
  const accepted: { edit: TextEdit; order: number }[] = [];
  const skipped = new Set<number>();
  let order = 0;
  for (const [index, group] of groups.entries()) {
    if (group.some((e) => accepted.some((a) => overlaps(a.edit, e)))) {
      skipped.add(index);
      continue;
    }
    for (const edit of group) accepted.push({ edit, order: order++ });
  }
  accepted.sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order);
  let out = '';
  let cursor = 0;
  for (const { edit } of accepted) {
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  out += text.slice(cursor);
  return { text: out, skipped };
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
