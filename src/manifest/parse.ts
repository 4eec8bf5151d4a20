import { isAlias, parseAllDocuments, visit, type Document } from 'yaml';
import { PARSE_OPTIONS } from './yaml-options.js';

/** A YAML syntax problem at an offset range of the file text. */
export interface SyntaxProblem {
  code: string;
  message: string;
  start: number;
  end: number;
}

/** A manifest file parsed once: its text, its documents and where every offset sits. */
export interface ManifestFile {
  path: string;
  text: string;
  docs: Document.Parsed[];
  /** Errors of all documents (syntax, duplicate keys); a file with any is never modified. */
  errors: SyntaxProblem[];
}

/** Parses a file's text into YAML documents with positions, the way Kubernetes reads YAML. */
export function parseManifest(path: string, text: string): ManifestFile {
  const parsed = parseAllDocuments(text, PARSE_OPTIONS);
  // An empty stream (only comments or nothing) comes back as a non-array EmptyStream.
  const docs = Array.isArray(parsed) ? parsed : [];
  const errors: SyntaxProblem[] = [];
  for (const doc of docs) {
    for (const e of doc.errors) {
      errors.push({ code: e.code, message: firstLine(e.message), start: e.pos[0], end: e.pos[1] });
    }
    if (doc.errors.length === 0 && text.includes('*')) findUnresolvedAliases(doc, errors);
  }
  return { path, text, docs, errors };
}

function firstLine(message: string): string {
  const i = message.indexOf('\n');
  const line = i === -1 ? message : message.slice(0, i);
  // The yaml package appends " at line L, column C" to some messages; positions are ours to add.
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/** The yaml package leaves an alias without an anchor (`*x`) unreported until data is read. */
function findUnresolvedAliases(doc: Document.Parsed, errors: SyntaxProblem[]): void {
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.resolve(doc) === undefined) {
        const [start, end] = node.range ?? [0, 0];
        errors.push({ code: 'BAD_ALIAS', message: `unresolved alias *${node.source} (no anchor &${node.source} before it in this document)`, start, end });
      }
    },
  });
}
