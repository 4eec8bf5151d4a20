import { runSecretNamespaces, type SecretNamespaces } from '../engine/secret-usage.js';
import type { RunResult } from '../core/types.js';
import { formatSummary, type SummaryOptions } from './summary.js';

export type { SecretNamespaces };

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
  return [...formatSecretNamespaces(run), formatSummary(run, opts)].join('\n');
}
