import { editDistance } from '../core/edit-distance.js';

/**
 * The candidate closest to `word` by edit distance, if it is close enough to be a plausible
 * typo (at most 2 edits, and fewer than half the word); case differences alone always qualify.
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c.toLowerCase() === word.toLowerCase()) return c;
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.min(2, Math.floor((word.length - 1) / 2));
  return bestDistance <= limit ? best : undefined;
}
