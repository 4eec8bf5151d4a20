import type { ReportFormat } from '../core/options.js';
import type { RunResult } from '../core/types.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatRunSummary } from './secret-namespaces.js';
import { formatText } from './text.js';

export { shouldUseColor } from './color.js';
export { countRun, countsOnly, isFixed, type RunCounts } from './counts.js';
export { formatGithub, escapeData, escapeProperty } from './github.js';
export { buildJsonReport, formatJson, JSON_REPORT_VERSION, type JsonReport, type JsonFile, type JsonFinding, type JsonEdit } from './json.js';
export { createPositionMapper, lineStarts, type PositionMapper } from '../yaml/positions.js';
export { buildSarif, formatSarif, sarifLevel, SARIF_SCHEMA_URI, type SarifLog } from './sarif.js';
export { formatSummary, formatDuration } from './summary.js';
export { formatRunSummary, formatSecretNamespaces, type SecretNamespaces } from './secret-namespaces.js';
export { formatText } from './text.js';
export { toolInfo, type ToolInfo } from './tool-info.js';

/** The report formats `--format` accepts. */
export { REPORT_FORMATS, type ReportFormat } from '../core/options.js';

/** Options for `formatReport`; each format uses the ones that apply to it. */
export interface ReportOptions {
  /** Text: ANSI colours (decide with `shouldUseColor`). */
  color?: boolean;
  /** Text: append the summary line (default true). Turn off to print the summary elsewhere. */
  summary?: boolean;
  /** SARIF: directory absolute paths are made relative to. */
  cwd?: string;
}

/**
 * Renders a run in a format. Text is the findings, a blank line and the summary line; JSON and
 * SARIF are whole documents; GitHub is workflow-command lines (possibly none). Non-empty output
 * ends with a newline.
 */
export function formatReport(format: ReportFormat, run: RunResult, opts: ReportOptions = {}): string {
  switch (format) {
    case 'json':
      return formatJson(run);
    case 'sarif':
      return formatSarif(run, { cwd: opts.cwd });
    case 'github':
      return formatGithub(run);
    case 'text': {
      const body = formatText(run, { color: opts.color });
      if (opts.summary === false) return body ? `${body}\n` : '';
      const summary = formatRunSummary(run, { color: opts.color });
      return body ? `${body}\n\n${summary}\n` : `${summary}\n`;
    }
  }
}
