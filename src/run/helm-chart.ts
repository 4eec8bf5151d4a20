import path from 'node:path';
import { createPositionMapper } from '../yaml/positions.js';
import type { FixOptions } from '../core/options.js';
import type { FileResult, Finding } from '../core/types.js';

/** Whether a discovered file is a Helm chart's `Chart.yaml`, which stands for its whole chart. */
export function isChartFile(absolute: string): boolean {
  return path.basename(absolute) === 'Chart.yaml';
}

const quote = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`);

/** The `privreg-fix chart` command line that fixes this chart with the run's options. */
function chartCommand(display: string, options: FixOptions): string {
  const dir = path.posix.dirname(display);
  const words = ['privreg-fix', 'chart', dir === '' ? '.' : dir];
  if (options.namespace !== undefined) words.push('-n', options.namespace);
  for (const s of options.pullSecrets) words.push('-s', s);
  if (options.registry !== undefined) words.push('--registry', options.registry);
  for (const [from, to] of Object.entries(options.registryMap)) words.push('--registry-map', `${from}=${to}`);
  if (options.pullSecrets.length === 0 && options.registry === undefined) words.push('-s', 'SECRET', '--registry', 'REGISTRY');
  return words.map(quote).join(' ');
}

/**
 * The result of a chart's `Chart.yaml` in a scan: one `helm-chart` finding (at its `name:`)
 * instead of one `template-skipped` per template. A chart's templates are not YAML and its
 * values are not manifests; chart mode fixes the values that reach its pod specs.
 */
export function chartResult(display: string, absolute: string, text: string, options: FixOptions): FileResult {
  const result: FileResult = { path: display, absolutePath: absolute, source: text, output: text, findings: [], skipped: false };
  const level = options.rules['helm-chart'];
  if (level === 'off') return result;
  const name = /^name:[ \t]*["']?([^"'\s#]+)/m.exec(text);
  const start = name?.index ?? 0;
  const end = name ? start + name[0].length : 0;
  const positions = createPositionMapper(text);
  const finding: Finding = {
    ruleId: 'helm-chart',
    severity: level ?? 'error',
    message: `Helm chart${name ? ` "${name[1]}"` : ''}: its templates are not YAML and were not scanned; fix the values that reach its pod specs with \`${chartCommand(display, options)}\` (--check in CI), then turn this rule off`,
    start,
    end,
    startPos: positions.positionAt(start),
    endPos: positions.positionAt(end),
  };
  result.findings.push(finding);
  return result;
}
