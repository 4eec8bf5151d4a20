import type { RunResult, Severity } from '../core/types.js';
import { hasUnreportedWriteError, isFixed } from './counts.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands, one line per outstanding finding:
 * `::error file=<path>,line=<l>,col=<c>,endLine=<l>,endColumn=<c>,title=<ruleId>::<message>`
 * (`::warning` for warnings, `::notice` for info). Paths use forward slashes so annotations
 * attach on Windows runners too. Findings fixed by `--write` are left out.
 */
export function formatGithub(run: RunResult): string {
  const lines: string[] = [];
  for (const file of run.files) {
    const path = file.path.replace(/\\/g, '/');
    for (const f of file.findings) {
      if (isFixed(run, file, f)) continue;
      const props = [
        ['file', path], ['line', String(f.startPos.line)], ['col', String(f.startPos.column)],
        ['endLine', String(f.endPos.line)], ['endColumn', String(f.endPos.column)], ['title', f.ruleId],
      ] as const;
      lines.push(workflowCommand(COMMAND[f.severity], props, f.message));
    }
    if (hasUnreportedWriteError(file)) {
      lines.push(workflowCommand('error', [['file', path], ['title', 'write-error']],
        `could not write the file: ${file.writeError ?? ''}`));
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** One `::name k=v,...::data` line with GitHub's escaping. */
export function workflowCommand(name: string, props: ReadonlyArray<readonly [string, string]>, data: string): string {
  const list = props.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',');
  return `::${name}${list ? ` ${list}` : ''}::${escapeData(data)}`;
}

/** Escapes a command's message: `%`, CR and LF (as @actions/core does). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: like the message, plus `:` and `,` which delimit properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
