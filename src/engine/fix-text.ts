import { applyEdits } from '../fix/text-edits.js';
import { learnInput } from './learn-input.js';
import type { KindRegistry } from '../kinds/registry.js';
import type { InputIndex } from '../rules/input-index.js';
import { findObjects } from '../manifest/objects.js';
import { createPositionMapper } from '../yaml/positions.js';
import { parseManifest, type ManifestFile } from '../yaml/parse.js';
import { findTemplateMarker } from '../manifest/templates.js';
import { ruleMeta } from '../rules/catalog.js';
import type { DataPatch, Rule, RuleReport } from '../rules/rule.js';
import { onceEach } from '../rules/secret-namespaces.js';
import { lintObjects } from './lint-objects.js';
import { secretUsage } from './secret-usage.js';
import type { FixOptions } from '../core/options.js';
import type { FileResult, Finding, Severity, TextEdit } from '../core/types.js';
import { validateFile, type ValidationSettings } from './validation.js';
import { documentsDataOnce } from './doc-data.js';
import { duplicateCrdReports } from './duplicate-crds.js';
import { checkComments, checkData, documentsData, unchangedDocuments } from './verify.js';

/** The shared, per-run parts of the engine. */
export interface Engine {
  rules: readonly Rule[];
  kinds: KindRegistry;
  /** Facts about the whole input, from the pre-pass. */
  index: InputIndex;
  /** Schema validation; absent with --no-validate. */
  validation?: ValidationSettings;
}

const MAX_PASSES = 3;

/**
 * Lints and fixes one file's text: parse once, let the rules report (with edits), apply the
 * edits as text splices, and verify the result independently before offering it. Check, diff
 * and write mode all go through here, so `--check` reports exactly what `--write` would write.
 * The run must have learned the input's cross-file facts first (see `fixStandaloneText`).
 * `parsed` is the text's parse when the caller has it already.
 */
export function fixText(path: string, text: string, options: FixOptions, engine: Engine, parsed?: ManifestFile): FileResult {
  const file = parsed ?? parseManifest(path, text);
  const skip = skipReason(file);
  if (skip) return result(file, text, skip, true, options);

  const objects = findObjects(file.docs);
  const reports = onceEach([...lintObjects(text, objects, engine, options), ...duplicateCrdReports(file.path, text, objects, engine.kinds)].filter((r) => enabled(r, options)));
  let output = text;
  let fixed: Fixed | undefined;
  let edits: TextEdit[] | undefined;
  let data: unknown[];
  try {
    data = documentsDataOnce(file.docs);
  } catch (e) {
    // toJS refuses documents whose aliases expand too far ("billion laughs").
    return result(file, text, [...reports, dataError(e)], true, options);
  }
  const fixable = reports.filter((r) => r.fix);
  if (fixable.length > 0) {
    const outcome = applyAndVerify(file, data, fixable, options, engine);
    if ('error' in outcome) {
      reports.push({
        ruleId: 'internal-error',
        message: `could not fix this file safely (${outcome.error}); it is left unchanged. Please report this as a bug`,
        start: 0,
        end: 0,
      });
    } else {
      output = outcome.file.text;
      edits = outcome.edits;
      fixed = outcome;
    }
  }
  if (engine.validation) {
    const v = validateFile({ docs: file.docs, data }, fixed && { docs: fixed.file.docs, data: fixed.data, changed: fixed.changed }, engine.validation);
    reports.push(...v.reports);
    if (v.introduced.length > 0) {
      reports.push(...v.introduced);
      output = text;
    }
  }
  const done = result(file, output, reports, false, options);
  if (edits && output !== text) done.edits = edits;
  const usage = secretUsage(objects, engine.kinds, options);
  if (usage) done.pullSecretNamespaces = usage;
  return done;
}

function dataError(e: unknown): RuleReport {
  return {
    ruleId: 'yaml-syntax',
    message: `cannot read the data: ${(e as Error).message}; the file is left unchanged`,
    start: 0,
    end: 0,
  };
}

function skipReason(file: ManifestFile): RuleReport[] | undefined {
  const marker = findTemplateMarker(file.text, file.docs, file.errors.length > 0);
  if (marker) {
    return [{
      ruleId: 'template-skipped',
      message: 'template syntax ({{ }} or {% %}) outside quoted strings: this is a template, not YAML; render it first (e.g. helm template) and fix the output',
      start: marker.start,
      end: marker.end,
    }];
  }
  if (file.errors.length > 0) {
    // The parser often reports one mistake several times at the same place; keep the first.
    const seen = new Set<number>();
    return file.errors.filter((e) => !seen.has(e.start) && seen.add(e.start)).map((e) => ({
      ruleId: 'yaml-syntax',
      message: `${e.message} (${e.code}); the file is left unchanged`,
      start: e.start,
      end: e.end,
    }));
  }
  return undefined;
}

interface Fixed {
  file: ManifestFile;
  data: unknown[];
  /** The documents the fix changed (those with patches); the others' data is the original's. */
  changed: ReadonlySet<number>;
  /** The edits from the original to the result when one pass made it. */
  edits?: TextEdit[];
}

type Outcome = Fixed | { error: string };

function applyAndVerify(file: ManifestFile, data: unknown[], first: RuleReport[], options: FixOptions, engine: Engine): Outcome {
  let current = file;
  let pending = first;
  const patches: DataPatch[] = [];
  let edits: TextEdit[] | undefined;
  for (let pass = 1; pending.length > 0; pass++) {
    if (pass > MAX_PASSES) return { error: `edits still pending after ${MAX_PASSES} passes` };
    const applied = applyEdits(current.text, pending.map((r) => r.fix ?? []));
    edits = pass === 1 ? applied.applied : undefined;
    pending.forEach((r, i) => {
      if (!applied.skipped.has(i)) patches.push(...(r.patches ?? []));
    });
    const before = current;
    current = parseManifest(file.path, applied.text);
    if (current.errors.length > 0) {
      const e = current.errors[0];
      return { error: `the fixed text does not parse: ${e?.message ?? 'unknown error'}` };
    }
    // A document whose text no edit touched gives the rules what it gave them in this pass,
    // whose fixes were all applied: only the others can have fixes pending.
    const same = applied.skipped.size === 0 ? unchangedDocuments(before, current) : undefined;
    pending = lintObjects(current.text, findObjects(current.docs), engine, options, same && ((o) => !same.has(o.doc)))
      .filter((r) => r.fix && enabled(r, options));
  }
  let after: unknown[];
  try {
    // A document whose text the fix left as it was has the original's data.
    const same = unchangedDocuments(file, current);
    after = documentsData(current.docs, same && { docs: same, data });
  } catch (e) {
    return { error: `could not read the fixed data: ${(e as Error).message}` };
  }
  const problem = checkData(data, patches, after) ?? checkComments(file.text, current.text, { original: file.comments, fixed: current.comments });
  if (problem) return { error: problem };
  const changed = new Set(patches.map((p) => p.documentIndex));
  return edits ? { file: current, data: after, changed, edits } : { file: current, data: after, changed };
}

function enabled(r: RuleReport, options: FixOptions): boolean {
  return options.rules[r.ruleId] !== 'off';
}

function severityOf(r: RuleReport, options: FixOptions): Severity {
  const configured = options.rules[r.ruleId];
  if (configured && configured !== 'off') return configured;
  return r.severity ?? ruleMeta(r.ruleId)?.defaultSeverity ?? 'error';
}

function result(file: ManifestFile, output: string, reports: RuleReport[], skipped: boolean, options: FixOptions): FileResult {
  const positions = reports.length > 0 ? createPositionMapper(file.text) : undefined;
  const findings: Finding[] = reports.map((r) => {
    const f: Finding = {
      ruleId: r.ruleId,
      severity: severityOf(r, options),
      message: r.message,
      start: r.start,
      end: r.end,
      startPos: positions?.positionAt(r.start) ?? { line: 1, column: 1 },
      endPos: positions?.positionAt(r.end) ?? { line: 1, column: 1 },
    };
    if (r.fieldPath !== undefined) f.fieldPath = r.fieldPath;
    if (r.object) f.object = r.object;
    if (r.fix && output !== file.text) f.fix = r.fix;
    return f;
  });
  findings.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
  return { path: file.path, source: file.text, output, findings, skipped };
}

/**
 * `fixText` for a text that is the whole input (stdin, the library's `fixText`, a KRM
 * ResourceList, a Helm post-render stream): the run first learns what the text itself teaches
 * (its CRDs, ServiceAccounts and registry Secrets), as a run over files does in its pre-pass.
 */
export function fixStandaloneText(path: string, text: string, options: FixOptions, engine: Engine): FileResult {
  let file: ManifestFile | undefined;
  const parse = (): ManifestFile => (file ??= parseManifest(path, text));
  // Learned CRDs are named by no file (a single text has no other to name): the same parse, unnamed.
  learnInput(text, options, engine, () => ({ ...parse(), path: '' }));
  return fixText(path, text, options, engine, parse());
}
