import type { Candidate } from './candidates.js';
import { effectOf, type RenderState } from './render-state.js';
import type { ValueChange } from './values.js';

/** Renders the chart with values layered on top; a string is Helm's error. */
export type Render = (changes: readonly ValueChange[]) => Promise<RenderState | string>;

/** A candidate whose render did what the fix wants, with the targets it resolves. */
export interface Proven {
  candidate: Candidate;
  changes: ValueChange[];
  resolved: Set<string>;
}

/** The values chosen, each with the targets it was the first to resolve. */
export interface Selection {
  chosen: { candidate: Candidate; changes: ValueChange[]; reaches: Set<string> }[];
  /** All targets the chosen values resolve together. */
  resolved: Set<string>;
  /** The render with all of them. */
  state: RenderState;
}

/** Runs `work` on every item, `limit` at a time, keeping the order of the results. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

/**
 * Proves each candidate by rendering the chart with it: the first variant that resolves at
 * least one target and changes nothing else in any pod spec. Two renders run at a time.
 */
export async function proveCandidates(base: RenderState, candidates: readonly Candidate[], render: Render): Promise<Proven[]> {
  const results = await mapLimited(candidates, 2, async (candidate): Promise<Proven | undefined> => {
    for (const changes of candidate.variants) {
      const state = await render(changes);
      if (typeof state === 'string') continue;
      const effect = effectOf(base, state);
      if (!effect.problem && effect.resolved.size > 0) return { candidate, changes, resolved: effect.resolved };
    }
    return undefined;
  });
  return results.filter((p): p is Proven => p !== undefined);
}

/** Greedy cover: most new targets first; then values the chart declares, fewer changes, earlier. */
function coverOrder(proven: readonly Proven[]): Proven[] {
  const order: Proven[] = [];
  const covered = new Set<string>();
  const left = [...proven];
  for (;;) {
    let best: Proven | undefined;
    let bestGain = 0;
    for (const p of left) {
      const gain = [...p.resolved].filter((t) => !covered.has(t)).length;
      const better = gain > bestGain
        || (gain === bestGain && gain > 0 && best !== undefined
          && (Number(p.candidate.declared) > Number(best.candidate.declared)
            || (p.candidate.declared === best.candidate.declared && p.changes.length < best.changes.length)));
      if (better) {
        best = p;
        bestGain = gain;
      }
    }
    if (!best) return order;
    order.push(best);
    for (const t of best.resolved) covered.add(t);
    left.splice(left.indexOf(best), 1);
  }
}

/**
 * Chooses the values: proven candidates in cover order, kept only if the chart rendered with
 * them together still changes nothing else and resolves what each resolved alone. One render
 * of them all usually settles it; if not, they are added one at a time, each kept only if the
 * render with it and all the ones kept before still passes and resolves more.
 */
export async function selectValues(base: RenderState, proven: readonly Proven[], render: Render): Promise<Selection> {
  const order = coverOrder(proven);
  if (order.length === 0) return { chosen: [], resolved: new Set(), state: base };
  const all = await render(order.flatMap((p) => p.changes));
  if (typeof all !== 'string') {
    const effect = effectOf(base, all);
    const wanted = new Set(order.flatMap((p) => [...p.resolved]));
    if (!effect.problem && [...wanted].every((t) => effect.resolved.has(t))) {
      const seen = new Set<string>();
      const chosen = order.map((p) => ({ candidate: p.candidate, changes: p.changes, reaches: new Set([...p.resolved].filter((t) => !seen.has(t) && seen.add(t))) }));
      return { chosen, resolved: effect.resolved, state: all };
    }
  }
  const chosen: Selection['chosen'] = [];
  let resolved = new Set<string>();
  let state = base;
  for (const p of order) {
    const changes = [...chosen.flatMap((c) => c.changes), ...p.changes];
    const next = await render(changes);
    if (typeof next === 'string') continue;
    const effect = effectOf(base, next);
    if (effect.problem || effect.resolved.size <= resolved.size || [...resolved].some((t) => !effect.resolved.has(t))) continue;
    chosen.push({ candidate: p.candidate, changes: p.changes, reaches: new Set([...effect.resolved].filter((t) => !resolved.has(t))) });
    resolved = effect.resolved;
    state = next;
  }
  return { chosen, resolved, state };
}
