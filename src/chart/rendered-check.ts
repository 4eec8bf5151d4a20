import path from 'node:path';
import { createEngine } from '../engine/create-engine.js';
import { fixStandaloneText } from '../engine/fix-text.js';
import type { FileResult, Finding } from '../core/types.js';
import { parseManifest } from '../yaml/parse.js';
import { documentAt, renderedSources } from '../manifest/rendered-source.js';
import type { ChartContext } from './plan.js';
import { toDisplay } from './report.js';

/** Rules chart mode answers itself (values, templates) or that do not apply to a chart's output. */
const HANDLED = new Set(['missing-pull-secret', 'image-not-from-registry', 'missing-namespace', 'namespace-mismatch']);

/**
 * The other errors of the chart's render once the values are set (schema errors, YAML Helm
 * printed that does not parse...), as the main command would report them on `helm template`
 * output, on the template each object came from (positions are in the render, which the user
 * does not have, so findings sit at the top of the template and name their object).
 */
export async function renderedFindings(text: string, ctx: ChartContext, cwd: string): Promise<FileResult[]> {
  const engine = await createEngine(ctx.settings);
  const options = ctx.options;
  const result = fixStandaloneText('<render>', text, options, engine);
  const errors = result.findings.filter((f) => f.severity === 'error' && !HANDLED.has(f.ruleId));
  if (errors.length === 0) return [];
  const file = parseManifest('<render>', text);
  const sources = renderedSources(text, file.docs);
  const byFile = new Map<string, FileResult>();
  for (const f of errors) {
    const source = sources[f.object?.documentIndex ?? documentAt(file.docs, f.start)];
    const absolute = source ? path.join(ctx.chart.dir, ...source.split('/').slice(1)) : undefined;
    const display = absolute ? toDisplay(cwd, absolute) : '<render>';
    const entry = byFile.get(display) ?? { path: display, ...(absolute ? { absolutePath: absolute } : {}), source: '', output: '', findings: [], skipped: false };
    const what = f.object ? ` (${f.object.kind}${f.object.name ? ` "${f.object.name}"` : ''})` : '';
    const origin = { line: 1, column: 1 };
    const finding: Finding = { ...f, message: `rendered${what}: ${f.message}`, start: 0, end: 0, startPos: origin, endPos: origin };
    delete finding.fix;
    entry.findings.push(finding);
    byFile.set(display, entry);
  }
  return [...byFile.values()];
}
