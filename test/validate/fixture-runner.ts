/** Runs a `fixtures/validate/<case>` input through parse + validate, the way the engine does. */
import { LineCounter, parseAllDocuments } from 'yaml';
import { PARSE_OPTIONS } from '../../src/yaml/options.js';
import { crdKindOf, isCustomResourceDefinition } from '../../src/validate/crd.js';
import { createValidator } from '../../src/validate/index.js';

/** One expected finding, 1-based line and column. */
export interface ExpectedFinding {
  line: number;
  column: number;
  fieldPath: string;
  message: string;
}

/** The expected outcome of one document (or a YAML error of the document). */
export interface ExpectedDocument {
  status: 'valid' | 'invalid' | 'no-schema' | 'yaml-error';
  errors?: ExpectedFinding[];
}

/** Parses `text`, registers its CRDs (the first of each kind), validates each document; returns findings by document. */
export async function runValidation(text: string): Promise<ExpectedDocument[]> {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter });
  const list = Array.isArray(docs) ? docs : [];
  const validator = await createValidator();
  const values = list.map((doc) => (doc.errors.length === 0 ? (doc.toJS() as unknown) : undefined));
  // Of two CRDs for one kind, the first is used (as in the engine: see `duplicate-crds.ts`).
  const seen = new Set<string>();
  for (const value of values) {
    const kind = isCustomResourceDefinition(value) ? crdKindOf(value) : undefined;
    if (kind !== undefined && !seen.has(kind)) {
      seen.add(kind);
      validator.addCustomResourceDefinition(value);
    }
  }
  return list.map((doc, i): ExpectedDocument => {
    if (doc.errors.length > 0) {
      return {
        status: 'yaml-error',
        errors: doc.errors.map((e) => {
          const pos = lineCounter.linePos(e.pos[0]);
          return { line: pos.line, column: pos.col, fieldPath: '', message: e.code };
        }),
      };
    }
    const contents = doc.contents;
    if (contents === null) return { status: 'no-schema' };
    const result = validator.validate(contents, values[i]);
    if (result.status !== 'invalid') return { status: result.status };
    return {
      status: 'invalid',
      errors: result.errors.map((e) => {
        const pos = lineCounter.linePos(e.start);
        return { line: pos.line, column: pos.col, fieldPath: e.fieldPath, message: e.message };
      }),
    };
  });
}
