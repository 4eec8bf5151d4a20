import { mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Finding, RunResult } from '../core/types.js';
import { parseManifest } from '../yaml/parse.js';
import { documentAt, renderedSources } from '../manifest/rendered-source.js';
import { formatReport, formatSummary, type ReportFormat } from '../report/index.js';

/**
 * Where the report goes when Helm 4 runs the plugin and no `--output` was given: Helm 4 discards
 * a plugin's stderr, so a report written there would never be seen. The plugin runtime sets
 * `HELM_PLUGIN_NAME` to the plugin's name; Helm 3 runs a post-renderer without it. The file is
 * in privreg-fix's cache directory (`$PRIVREG_FIX_CACHE_DIR`, else `$XDG_CACHE_HOME/privreg-fix`,
 * else `~/.cache/privreg-fix`); none when the cache is turned off.
 */
export function helmPluginReportPath(env: NodeJS.ProcessEnv): string | undefined {
  if (env.HELM_PLUGIN_NAME !== 'privreg-fix') return undefined;
  const own = env.PRIVREG_FIX_CACHE_DIR;
  if (own === 'off') return undefined;
  const base = own || (env.XDG_CACHE_HOME ? path.join(env.XDG_CACHE_HOME, 'privreg-fix') : path.join(homedir(), '.cache', 'privreg-fix'));
  return path.join(base, 'helm-post-render-report.txt');
}

/**
 * Findings of a Helm render with the chart template of their object appended to the message
 * (`… (from web/templates/deployment.yaml)`): the positions are in the rendered stream, which
 * the user never sees, the template is what they edit.
 */
export function withTemplateNames(text: string, findings: readonly Finding[]): Finding[] {
  if (findings.length === 0) return [];
  const file = parseManifest('<stdin>', text);
  const sources = renderedSources(text, file.docs);
  return findings.map((f) => {
    // Findings without an object (schema errors): the document holding their position.
    const source = sources[f.object?.documentIndex ?? documentAt(file.docs, f.start)];
    return source ? { ...f, message: `${f.message} (from ${source})` } : f;
  });
}

/** Namespaces of objects that kept another namespace than `--namespace`, as an error. */
function mismatchedNamespaces(findings: readonly Finding[]): string[] {
  const found = findings.filter((f) => f.ruleId === 'namespace-mismatch' && f.severity === 'error');
  return [...new Set(found.map((f) => f.object?.namespace).filter((n): n is string => n !== undefined))];
}

/**
 * The one line closing a failed run (Helm 3 shows a post-renderer's stderr when it fails): what
 * failed, how to fix the namespace case, and where the report is.
 */
export function failureLine(findings: readonly Finding[], namespace: string | undefined, reportFile: string | undefined): string {
  const parts = ['privreg-fix post-render: errors remain that the fix does not remove; no manifests written'];
  const others = mismatchedNamespaces(findings);
  if (others.length > 0) {
    const ns = namespace ?? 'NAMESPACE';
    parts.push(`objects are already in namespace ${others.map((n) => `"${n}"`).join(', ')} (Helm renders .Release.Namespace), not ${namespace ? `"${ns}"` : 'the one asked for'}: run helm with -n ${ns} rather than giving the post-renderer a namespace`);
  }
  if (reportFile !== undefined) parts.push(`report: ${reportFile}`);
  return `${parts.join('; ')}\n`;
}

/** Writes the whole report to `file` (creating its directory); returns an error message or undefined. */
export async function writeReportFile(file: string, format: ReportFormat, run: RunResult, cwd: string): Promise<string | undefined> {
  try {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(file, formatReport(format, run, { color: false, cwd }));
    return undefined;
  } catch (e) {
    return `cannot write the report to ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
  }
}

/** The line a successful run with a report file prints: the summary and where the report is. */
export function successLine(run: RunResult, reportFile: string): string {
  return `privreg-fix post-render: ${formatSummary(run)}; report: ${reportFile}\n`;
}
