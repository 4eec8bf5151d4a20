/**
 * Every YAML text the product reads besides manifests (config files, KRM ResourceLists and
 * function configs, CRD files of --schema-dir, the library's `parseObjects`) is parsed here, in
 * the dialect manifests are parsed in (`PARSE_OPTIONS`: YAML 1.1 as the API server reads it,
 * duplicate keys are errors) and with the same alias limit, so one text decodes the same
 * whichever entry point reads it.
 */
import { Document, Lexer, parseAllDocuments, parseDocument, type LineCounter } from 'yaml';
import { PARSE_OPTIONS } from './options.js';

/**
 * Most alias expansions a decode may make (the `yaml` package's own default): more is a "billion
 * laughs" document, refused.
 */
export const MAX_ALIAS_COUNT = 100;

/** Every document of a YAML stream (an empty stream gives none); `lineCounter` records lines. */
export function parseDocuments(text: string, lineCounter?: LineCounter): Document.Parsed[] {
  const docs = parseAllDocuments(text, lineCounter ? { ...PARSE_OPTIONS, lineCounter } : PARSE_OPTIONS);
  // An empty stream (only comments or nothing) comes back as a non-array EmptyStream.
  return Array.isArray(docs) ? docs : [];
}

/** A text that must hold one document (a second one is a `MULTIPLE_DOCS` error of the result). */
export function parseSingleDocument(text: string, lineCounter?: LineCounter): Document.Parsed {
  return parseDocument(text, lineCounter ? { ...PARSE_OPTIONS, lineCounter } : PARSE_OPTIONS);
}

/** The plain data of a document, with the alias limit; throws a ReferenceError beyond it. */
export function dataOf(doc: Document): unknown {
  return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
}

/** The data of a one-document text; throws an Error with the first syntax problem. */
export function decodeYaml(text: string): unknown {
  const doc = parseSingleDocument(text);
  const error = doc.errors[0];
  if (error) throw new Error(error.message);
  return dataOf(doc);
}

/**
 * Plain data as block YAML, written as YAML 1.1 so that strings such as `yes`, `on` or `0644`
 * get quoted (Kubernetes reads YAML 1.1 and would otherwise see a boolean or an octal number),
 * never folded (long base64 values stay on one line), with an optional comment on top.
 */
export function toYaml(value: unknown, comment?: string): string {
  const doc = new Document(value, { version: '1.1' });
  if (comment !== undefined) doc.commentBefore = comment;
  return doc.toString({ lineWidth: 0 });
}

/** The marker the lexer puts before a scalar's source. */
const SCALAR_MARK = '\x1f';

/**
 * Every comment of a YAML text (trailing blanks dropped), in order, read by the yaml lexer
 * alone: this does not depend on the composer or on the edit engine's idea of the text.
 */
export function commentsOf(text: string): string[] {
  const out: string[] = [];
  let afterScalarMark = false;
  for (const token of new Lexer().lex(text)) {
    if (!afterScalarMark && token.startsWith('#')) out.push(token.trimEnd());
    afterScalarMark = token === SCALAR_MARK;
  }
  return out;
}
