import type { FileResult, RunMode, RunResult } from '../core/types.js';
import { countRun, type RunCounts } from './counts.js';
import { formatCounts, type SummaryOptions } from './summary.js';

/** How the text report names the namespace of pods that have none. */
const NO_NAMESPACE = '(no namespace: the one kubectl applies to)';

/**
 * One line per pull secret the run's pods use once fixed, naming the namespaces it must exist
 * in: `pull secret "regcred" is used in namespaces longhorn-system, shop`.
 */
export function formatSecretNamespaces(run: RunResult): string[] {
  return runSecretNamespaces(run.files).map(({ name, namespaces }) => {
    const list = namespaces.map((ns) => (ns === '' ? NO_NAMESPACE : ns)).join(', ');
    return `pull secret "${name}" is used in namespace${namespaces.length === 1 ? '' : 's'} ${list}`;
  });
}

/** The end of a text report: the pull secret lines (if any), then the summary line. No final newline. */
export function formatRunSummary(run: RunResult, opts: SummaryOptions = {}): string {
  return formatSummaryFacts(summaryFacts(run), run.durationMs, opts);
}

/** What the end of a text report says, its time aside (what the record of a run keeps: see `--cache`). */
export interface SummaryFacts {
  mode: RunMode;
  counts: RunCounts;
  /** See `formatSecretNamespaces`. */
  secretLines: string[];
}

export function summaryFacts(run: RunResult): SummaryFacts {
  return { mode: run.mode, counts: countRun(run), secretLines: formatSecretNamespaces(run) };
}

/** The end of a text report from its facts and the run's time (see `formatRunSummary`). */
export function formatSummaryFacts(facts: SummaryFacts, durationMs: number, opts: SummaryOptions = {}): string {
  return [...facts.secretLines, formatCounts(facts.counts, facts.mode, durationMs, opts)].join('\n');
}

/** One pull secret and the namespaces its pods run in over a whole run. */
export interface SecretNamespaces {
  name: string;
  /** Sorted; `''` stands for the namespace `kubectl apply` uses (pods with no namespace). */
  namespaces: string[];
}

/** The pull secrets of a run and their namespaces, by name (see `FileResult.pullSecretNamespaces`). */
export function runSecretNamespaces(files: readonly FileResult[]): SecretNamespaces[] {
  const all = new Map<string, Set<string>>();
  for (const file of files) {
    for (const [name, namespaces] of Object.entries(file.pullSecretNamespaces ?? {})) {
      let set = all.get(name);
      if (!set) all.set(name, (set = new Set()));
      for (const ns of namespaces) set.add(ns);
    }
  }
  return [...all].sort(([a], [b]) => compare(a, b)).map(([name, set]) => ({ name, namespaces: [...set].sort(compare) }));
}

/** Code-unit order, the same on every machine (no locale). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
