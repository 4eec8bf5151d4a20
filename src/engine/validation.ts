import { isMap, type Document, findPair } from '../yaml/nodes.js';
import { stringAt } from '../manifest/objects.js';
import type { RuleReport } from '../rules/rule.js';
import type { SchemaError, Validator } from '../validate/index.js';

/** Schema findings of one file, and whether the fixed text would add any. */
export interface FileValidation {
  reports: RuleReport[];
  /** Errors the fixed text has that the original did not: the fix must not be written. */
  introduced: RuleReport[];
}

/** Settings of the validation step. */
export interface ValidationSettings {
  validator: Validator;
  /** Kinds without a schema are errors instead of notes. */
  strictKinds: boolean;
}

interface DocErrors {
  index: number;
  errors: SchemaError[];
}

const key = (e: SchemaError): string => `${e.fieldPath}\u0000${e.message}`;

function validateDocs(docs: readonly Document.Parsed[], data: readonly unknown[], s: ValidationSettings, notes: RuleReport[] | undefined, only?: ReadonlySet<number>): DocErrors[] {
  const out: DocErrors[] = [];
  // One "not validated" note per kind and file; a run keeps the first of each (`noteFilter`).
  const reported = new Set<string>();
  docs.forEach((doc, i) => {
    if (only && !only.has(i)) return;
    const root = doc.contents;
    if (!isMap(root)) return;
    const apiVersion = stringAt(root, 'apiVersion');
    const kind = stringAt(root, 'kind');
    if (!apiVersion || !kind || /^kustomize\.config\.k8s\.io\//.test(apiVersion)) return;
    const result = s.validator.validate(root, data[i]);
    if (result.status === 'invalid') out.push({ index: i, errors: result.errors });
    if (result.status === 'no-schema' && notes) {
      const gvk = `${apiVersion}/${kind}`;
      if (s.strictKinds || !reported.has(gvk)) {
        reported.add(gvk);
        const at = (findPair(root, 'kind')?.value as { range?: number[] } | null)?.range ?? root.range ?? [0, 0];
        notes.push({
          ruleId: 'not-validated',
          message: `no schema for ${gvk}: not validated${s.strictKinds ? ' (--strict-kinds)' : ''}. Add its CRD to the input or to --schema-dir`,
          start: at[0] ?? 0,
          end: at[1] ?? 0,
          severity: s.strictKinds ? 'error' : 'info',
        });
      }
    }
  });
  return out;
}

/**
 * Validates the original documents and, when a fix changed the text, the fixed ones too. Errors
 * of the original are reported where they are; errors only the fixed text has are returned as
 * `introduced` (positioned at the object in the original), and the caller keeps the file as is.
 * Of the fixed documents, only those in `fixed.changed` are validated: the verification of the
 * fix found every other one's data deeply equal to the original's, so its errors are the same.
 */
export function validateFile(
  original: { docs: readonly Document.Parsed[]; data: readonly unknown[] },
  fixed: { docs: readonly Document.Parsed[]; data: readonly unknown[]; changed: ReadonlySet<number> } | undefined,
  settings: ValidationSettings,
): FileValidation {
  const reports: RuleReport[] = [];
  const before = validateDocs(original.docs, original.data, settings, reports);
  for (const d of before) {
    for (const e of d.errors) {
      reports.push({ ruleId: 'schema', message: `${e.fieldPath}: ${e.message}`, start: e.start, end: e.end, fieldPath: e.fieldPath });
    }
  }
  const introduced: RuleReport[] = [];
  if (fixed) {
    const known = new Set(before.flatMap((d) => d.errors.map(key)));
    const after = validateDocs(fixed.docs, fixed.data, settings, undefined, fixed.changed);
    after.forEach((d) => {
      const at = (original.docs[d.index]?.contents as { range?: number[] } | null)?.range?.[0] ?? 0;
      for (const e of d.errors) {
        if (known.has(key(e))) continue;
        introduced.push({
          ruleId: 'schema',
          message: `the fix would introduce a schema error (${e.fieldPath}: ${e.message}); the file is left unchanged`,
          start: at,
          end: at,
          fieldPath: e.fieldPath,
        });
      }
    });
  }
  return { reports, introduced };
}
