import { isDeepStrictEqual } from 'node:util';
import type { RunSettings } from '../config/resolve.js';
import type { Engine } from '../engine/fix-text.js';
import type { FixOptions } from '../core/options.js';
import type { TextEdit } from '../core/types.js';
import { applyEdits } from '../fix/text-edits.js';
import { parseManifest } from '../yaml/parse.js';
import { findCandidates } from './candidates.js';
import type { ChartFiles } from './chart-files.js';
import type { Helm } from './helm.js';
import { proveCandidates, selectValues, type Selection } from './prove.js';
import { renderState, targetsOf, type RenderState, type Target } from './render-state.js';
import { editValues, type ChangeEdit } from './values-edit.js';
import { isValueMap, mergeValues, overlayOf, withSubcharts, type ValueChange, type Values } from './values.js';

/** How to render the chart and judge a render. */
export interface ChartContext {
  chart: ChartFiles;
  helm: Helm;
  /** `--values` files, in order. */
  valuesFiles: readonly string[];
  namespace: string | undefined;
  options: FixOptions;
  /** The engine that reads renders (no validation: proofs only look at pod specs). */
  engine: Engine;
  /** Run settings (validation) for the final check of the render. */
  settings: RunSettings;
}

/** A render of the chart: its text and what the rules see in it, or Helm's error. */
export type Rendered = { text: string; state: RenderState } | { error: string };

/** Renders the chart with the values files, plus `changes` layered last. */
export async function renderChart(ctx: ChartContext, changes: readonly ValueChange[] = []): Promise<Rendered> {
  const overlay = changes.length > 0 ? overlayOf(changes) : undefined;
  const r = await ctx.helm.template(ctx.chart.dir, ctx.valuesFiles, ctx.namespace, overlay);
  if (!r.ok) return { error: r.error };
  return { text: r.stdout, state: renderState(r.stdout, ctx.options, ctx.engine) };
}

/** What chart mode proposes: the values, their edits, and what no value reaches. */
export interface Plan {
  base: RenderState;
  targets: Map<string, Target>;
  selection: Selection;
  edits: ChangeEdit[];
  /** The values file with the edits applied. */
  output: string;
  /** Targets no value reaches. */
  unreached: Target[];
  /** Why the edited file was refused (its data is not what the changes say), if it was. */
  refused?: string;
}

/** Data of a values text (an empty or comment-only file is an empty map). */
export function valuesData(text: string): Values | undefined {
  const file = parseManifest('values', text);
  if (file.errors.length > 0 || file.docs.length > 1) return undefined;
  const data = file.docs[0]?.toJS({ maxAliasCount: 1000 }) as unknown;
  if (data === null || data === undefined) return {};
  return isValueMap(data) ? data : undefined;
}

/**
 * Plans the values: baseline render, targets, candidates from the chart's conventions, a proof
 * render for each, the cover chosen, and its text edits in the values file. The edited text is
 * parsed again and must hold exactly the old data with the changes set.
 */
export async function planValues(ctx: ChartContext, base: RenderState, valuesTexts: readonly string[], target: string): Promise<Plan> {
  const targets = targetsOf(base);
  const layers = valuesTexts.map((t) => valuesData(t) ?? {});
  const merged = layers.reduce<unknown>((acc, v) => mergeValues(acc, v), {});
  const values = withSubcharts(isValueMap(merged) ? merged : {}, ctx.chart.subcharts);
  const candidates = targets.size > 0 ? findCandidates(values, [...targets.values()], ctx.options) : [];
  const render = async (changes: readonly ValueChange[]): Promise<RenderState | string> => {
    const r = await renderChart(ctx, changes);
    return 'error' in r ? r.error : r.state;
  };
  const proven = await proveCandidates(base, candidates, render);
  const selection = await selectValues(base, proven, render);
  const changes = selection.chosen.flatMap((c) => c.changes);
  const edits = editValues(target, changes);
  const groups = edits.filter((e) => !e.problem).map((e) => e.edits);
  const output = applyEdits(target, dedupe(groups)).text;
  const unreached = [...targets.values()].filter((t) => !selection.resolved.has(t.key));
  const plan: Plan = { base, targets, selection, edits, output, unreached };
  const problem = checkEdited(target, output, edits.filter((e) => !e.problem).map((e) => e.change));
  if (problem) {
    plan.refused = problem;
    plan.output = target;
  }
  return plan;
}

/** Groups sharing an edit (keys added together under one new map) keep it once. */
function dedupe(groups: readonly (readonly TextEdit[])[]): TextEdit[][] {
  const seen = new Set<unknown>();
  return groups.map((g) => g.filter((e) => !seen.has(e) && seen.add(e)));
}

function setIn(values: Values, change: ValueChange): void {
  let at: Values = values;
  change.path.forEach((key, i) => {
    if (i === change.path.length - 1) at[key] = change.value;
    else {
      if (!isValueMap(at[key])) at[key] = {};
      at = at[key] as Values;
    }
  });
}

/** Why the edited values file is wrong, or undefined when its data is the old data with the changes. */
function checkEdited(before: string, after: string, changes: readonly ValueChange[]): string | undefined {
  if (changes.length === 0) return undefined;
  const old = valuesData(before);
  const now = valuesData(after);
  if (!old || !now) return 'the edited values file does not parse';
  const want = structuredClone(old);
  for (const c of changes) setIn(want, c);
  return isDeepStrictEqual(now, want) ? undefined : 'the edited values file does not hold the intended values';
}
