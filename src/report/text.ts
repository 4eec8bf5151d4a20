import picocolors from 'picocolors';
import type { Finding, RunResult, Severity } from '../core/types.js';
import { hasUnreportedWriteError, isFixed } from './counts.js';

/** Options of the text reporter. */
export interface TextOptions {
  /** Use ANSI colours (see `shouldUseColor`). */
  color?: boolean;
}

interface Row {
  location: string;
  severity: Severity;
  message: string;
  ruleId: string;
  marker: string;
}

/**
 * Findings grouped by file, one row each: `path:line:col  severity  message  ruleId  marker`,
 * columns aligned within a file and a blank line between files. `path:line:col` comes first so
 * terminals and editors can open the spot. The marker is `(fixable with --write)` for findings
 * with a fix in check and diff mode, `(fixed)` in write mode once the file was written.
 * Returns the empty string when there is nothing to show; the summary line is separate.
 */
export function formatText(run: RunResult, opts: TextOptions = {}): string {
  const pc = opts.color === true ? COLORS : PLAIN;
  const blocks: string[] = [];
  for (const file of run.files) {
    const rows: Row[] = file.findings.map((f) => ({
      location: `${file.path}:${f.startPos.line}:${f.startPos.column}`,
      severity: f.severity,
      message: oneLine(f.message),
      ruleId: f.ruleId,
      marker: marker(run, isFixed(run, file, f), f),
    }));
    if (hasUnreportedWriteError(file)) {
      rows.push({
        location: file.path, severity: 'error', ruleId: 'write-error', marker: '',
        message: oneLine(`could not write the file: ${file.writeError ?? ''}`),
      });
    }
    if (rows.length === 0) continue;
    const locWidth = Math.max(...rows.map((r) => r.location.length));
    const sevWidth = Math.max(...rows.map((r) => r.severity.length));
    const msgWidth = Math.max(...rows.map((r) => r.message.length));
    const ruleWidth = Math.max(...rows.map((r) => r.ruleId.length));
    const lines = rows.map((r) => {
      const fixed = r.marker === '(fixed)';
      const sevText = r.severity.padEnd(sevWidth);
      const sev = fixed ? pc.dim(sevText) : paintSeverity(pc, r.severity, sevText);
      const cells = [
        pc.dim(r.location.padEnd(locWidth)),
        sev,
        r.message.padEnd(msgWidth),
        pc.dim(r.marker ? r.ruleId.padEnd(ruleWidth) : r.ruleId),
      ];
      if (r.marker) cells.push(fixed ? pc.green(r.marker) : pc.dim(r.marker));
      // Without colour codes the padding of the last cell would leave trailing blanks.
      return withoutTrailingSpaces(cells.join('  '));
    });
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n');
}

const COLORS = picocolors.createColors(true);
const PLAIN = picocolors.createColors(false);

function marker(run: RunResult, fixed: boolean, f: Finding): string {
  if (fixed) return '(fixed)';
  if (f.fix && run.mode !== 'write') return '(fixable with --write)';
  return '';
}

type Colors = ReturnType<typeof picocolors.createColors>;

function paintSeverity(pc: Colors, severity: Severity, text: string): string {
  if (severity === 'error') return pc.red(text);
  if (severity === 'warning') return pc.yellow(text);
  return pc.blue(text);
}

/** Keeps each finding on one row: multi-line messages (schema errors) are joined. */
function oneLine(message: string): string {
  return (message.includes('\n') ? message.replace(/\s*\r?\n\s*/g, ' ') : message).trim();
}

/** A row without the blanks that end it (a loop: `/ +$/` tries again at each blank of the padding). */
function withoutTrailingSpaces(row: string): string {
  let end = row.length;
  while (end > 0 && row.charCodeAt(end - 1) === 32) end--;
  return end === row.length ? row : row.slice(0, end);
}
