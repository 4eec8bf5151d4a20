import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FileResult, Finding, ObjectRef } from '../core/types.js';
import { createPositionMapper } from '../yaml/positions.js';
import type { ChangeEdit } from './values-edit.js';
import type { Selection } from './prove.js';
import { podSpecLabel, type PodSpecState, type Target } from './render-state.js';
import { pathText } from './values.js';

/** A finding at an offset range of `text`. */
function findingIn(text: string, f: Omit<Finding, 'startPos' | 'endPos'>): Finding {
  const positions = createPositionMapper(text);
  return { ...f, startPos: positions.positionAt(f.start), endPos: positions.positionAt(f.end) };
}

function where(p: PodSpecState): string {
  return `${podSpecLabel(p)}${p.source ? ` (${p.source})` : ''}`;
}

function listed(items: readonly string[], max = 4): string {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  const text = shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] ?? ''}`;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : text;
}

/** What one chosen value does, for its finding's message. */
function effectText(reaches: ReadonlySet<string>, targets: ReadonlyMap<string, Target>): string {
  const reached = [...reaches].map((k) => targets.get(k)).filter((t): t is Target => t !== undefined);
  const secrets = reached.filter((t) => t.kind === 'secret');
  const images = reached.filter((t) => t.kind === 'image');
  const parts: string[] = [];
  if (secrets.length > 0) {
    const names = [...new Set(secrets.flatMap((t) => t.podSpec.missing))].map((n) => `"${n}"`);
    parts.push(`gives ${listed(secrets.map((t) => where(t.podSpec)))} the pull secret${names.length > 1 ? 's' : ''} ${names.join(', ')}`);
  }
  if (images.length > 0) {
    parts.push(`moves ${listed(images.map((t) => `"${t.image?.value ?? ''}" of ${where(t.podSpec)}`))} to the registry`);
  }
  return parts.join('; ');
}

/**
 * The values file's result: one finding per chosen value, at the place it changes, carrying its
 * edits; `unusable` are changes the file's layout did not allow (errors without a fix).
 */
export function valuesResult(display: string, absolute: string, source: string, output: string, selection: Selection,
  edits: readonly ChangeEdit[], targets: ReadonlyMap<string, Target>): FileResult {
  const findings: Finding[] = [];
  let i = 0;
  for (const chosen of selection.chosen) {
    const mine = edits.slice(i, i + chosen.changes.length);
    i += chosen.changes.length;
    const problem = mine.find((e) => e.problem);
    const at = mine[0]?.at ?? 0;
    const set = chosen.changes.map((c) => `${pathText(c.path)}: ${JSON.stringify(c.value)}`).join(', ');
    const f: Omit<Finding, 'startPos' | 'endPos'> = {
      ruleId: chosen.candidate.kind === 'secret' ? 'missing-pull-secret' : 'image-not-from-registry',
      severity: 'error',
      message: `set ${set}: ${effectText(chosen.reaches, targets)}${problem ? `; cannot be written (${problem.problem ?? ''})` : ''}`,
      start: at,
      end: at,
    };
    if (!problem) f.fix = mine.flatMap((e) => e.edits);
    findings.push(findingIn(source, f));
  }
  findings.sort((a, b) => a.start - b.start);
  return { path: display, absolutePath: absolute, source, output, findings, skipped: false };
}

/** The file of a template named by `# Source:` (`app/templates/x.yaml`), relative to the chart. */
function templateFile(chartDir: string, source: string): string {
  return path.join(chartDir, ...source.split('/').slice(1));
}

function readIfThere(file: string): string | undefined {
  try {
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

const SECRET_BLOCK = (indent: number): string =>
  `{{- with .Values.imagePullSecrets }} imagePullSecrets: {{- toYaml . | nindent ${indent + 2} }} {{- end }}`;

/** A finding for a target no value reaches, at the template line concerned when it can be found. */
function unreachedFinding(target: Target, text: string | undefined, vendored: boolean): Omit<Finding, 'startPos' | 'endPos'> {
  const p = target.podSpec;
  const object: ObjectRef = p.ref;
  const tail = vendored ? '; the template is in a vendored subchart: change it upstream, or fix the render with privreg-fix post-render' : '';
  if (target.kind === 'secret') {
    const m = text ? /^([ \t]*)containers:/m.exec(text) : null;
    const at = m ? m.index + (m[1] ?? '').length : 0;
    const indent = m ? (m[1] ?? '').length : 6;
    return {
      ruleId: 'missing-pull-secret', severity: 'error', object, fieldPath: p.fieldPath, start: at, end: m ? at + 'containers'.length : 0,
      message: `${podSpecLabel(p)} pod spec (${p.fieldPath}) gets imagePullSecrets from no value of the chart; add to the template, beside "containers:", ${SECRET_BLOCK(indent)} and run privreg-fix chart again${tail}`,
    };
  }
  const image = target.image as NonNullable<Target['image']>;
  const found = text?.indexOf(image.value) ?? -1;
  const at = found >= 0 ? found : 0;
  return {
    ruleId: 'image-not-from-registry', severity: 'error', object, fieldPath: image.fieldPath, start: at, end: found >= 0 ? at + image.value.length : 0,
    message: `image "${image.value}" of ${podSpecLabel(p)} is not taken from any value of the chart; write "${image.expected}" in the template, or take it from values (e.g. image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}")${tail}`,
  };
}

/** One result per template with pod specs no value reaches, with errors saying what to add. */
export function templateResults(chartDir: string, cwd: string, unreached: readonly Target[]): FileResult[] {
  const bySource = new Map<string, Target[]>();
  for (const t of unreached) {
    const source = t.podSpec.source ?? '<render>';
    bySource.set(source, [...(bySource.get(source) ?? []), t]);
  }
  const out: FileResult[] = [];
  for (const [source, targets] of bySource) {
    const file = source === '<render>' ? undefined : templateFile(chartDir, source);
    const text = file ? readIfThere(file) : undefined;
    const vendored = source.split('/')[1] === 'charts';
    const display = file ? toDisplay(cwd, file) : source;
    const src = text ?? '';
    const findings = targets.map((t) => findingIn(src, unreachedFinding(t, text, vendored)));
    findings.sort((a, b) => a.start - b.start);
    out.push({ path: display, ...(file ? { absolutePath: file } : {}), source: src, output: src, findings, skipped: false });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A path as the CLI shows it: relative to the working directory when below it. */
export function toDisplay(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}
