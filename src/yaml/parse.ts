import type { Document } from 'yaml';
import { isAlias, isCollection, isPair, parseAllDocuments, type Alias } from './package.js';
import { composeManifest } from './compose.js';
import { PARSE_OPTIONS } from './options.js';

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
  /** The text's comments as `commentsOf` gives them, when the parse saw them (the fast path). */
  comments?: readonly string[];
}

/**
 * Deepest nesting of collections accepted. Real manifests stay far below (CRD schemas reach
 * about 40); the recursive parts of the pipeline (yaml's composer, toJS, schema validation)
 * run out of stack somewhere around 800 levels, so deeper files are refused up front.
 */
export const MAX_NESTING_DEPTH = 256;

/**
 * An alias (`*name`) can only stand where a node starts: at the start of a line or after
 * whitespace or a flow indicator. Texts without such a `*` (most: `*` is common in quoted
 * globs, which this skips) need no search of their documents for aliases.
 */
const ALIAS_HINT = /(?:^|[\s,:[{])\*[^\s,[\]{}]/;

/** Whether a text may hold an alias (a cheap test; false means it has none). */
export function mayHaveAliases(text: string): boolean {
  return ALIAS_HINT.test(text);
}

/** Parses a file's text into YAML documents with positions, the way Kubernetes reads YAML. */
export function parseManifest(path: string, text: string): ManifestFile {
  // The fast path gives the same documents for the common shapes and declines the rest.
  const fast = composeManifest(text);
  const parsed = fast?.docs ?? parseAllDocuments(text, PARSE_OPTIONS);
  // An empty stream (only comments or nothing) comes back as a non-array EmptyStream.
  const docs = Array.isArray(parsed) ? parsed : [];
  const errors: SyntaxProblem[] = [];
  // What the fast composer saw tells that no document is too deep and none has an alias: the
  // walk below would find nothing.
  if (fast && !fast.aliases && fast.depth + 1 <= MAX_NESTING_DEPTH) return { path, text, docs, errors, comments: fast.comments };
  // Computed once: a per-document search of the whole text is quadratic on many-document files.
  const withAliases = mayHaveAliases(text);
  for (const doc of docs) {
    const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
    if (exhausted) {
      // yaml reports one error per level once its stack runs out: one clear message is enough.
      errors.push({ code: 'NESTING_TOO_DEEP', message: `collections nested too deeply to parse safely (the limit is ${MAX_NESTING_DEPTH} levels)`, start: exhausted.pos[0], end: exhausted.pos[1] });
      continue;
    }
    for (const e of doc.errors) {
      errors.push({ code: e.code, message: firstLine(e.message), start: e.pos[0], end: e.pos[1] });
    }
    if (doc.errors.length > 0) continue;
    // Checked before any recursive walk of the document (toJS), which could overflow.
    const { deep, aliases } = walkNodes(doc, withAliases);
    if (deep) {
      errors.push(deep);
      continue;
    }
    if (aliases.length === 0) continue;
    const before = errors.length;
    reportUnresolvedAliases(doc, aliases, errors);
    if (errors.length === before) checkAliasExpansion(doc, errors);
  }
  return fast ? { path, text, docs, errors, comments: fast.comments } : { path, text, docs, errors };
}

function firstLine(message: string): string {
  const i = message.indexOf('\n');
  const line = i === -1 ? message : message.slice(0, i);
  // The yaml package appends " at line L, column C" to some messages; positions are ours to add.
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * One walk over a document's nodes, without recursion: the first collection nested deeper than
 * MAX_NESTING_DEPTH (the walk stops there), and, when `withAliases`, every alias.
 */
function walkNodes(doc: Document.Parsed, withAliases: boolean): { deep?: SyntaxProblem; aliases: Alias[] } {
  const aliases: Alias[] = [];
  const nodes: unknown[] = [doc.contents];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const depth = depths.pop() as number;
    if (!isCollection(node)) {
      if (withAliases && isAlias(node)) aliases.push(node);
      continue;
    }
    if (depth > MAX_NESTING_DEPTH) {
      const [start, end] = node.range ?? [0, 0];
      return { deep: { code: 'NESTING_TOO_DEEP', message: `collections nested more than ${MAX_NESTING_DEPTH} levels deep; refusing to process such a file`, start, end: Math.min(end, start + 1) }, aliases };
    }
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        nodes.push(item.key, item.value);
        depths.push(depth + 1, depth + 1);
      } else {
        nodes.push(item);
        depths.push(depth + 1);
      }
    }
  }
  return { aliases };
}

/** The yaml package leaves an alias without an anchor (`*x`) unreported until data is read. */
function reportUnresolvedAliases(doc: Document.Parsed, aliases: readonly Alias[], errors: SyntaxProblem[]): void {
  for (const node of aliases) {
    if (node.resolve(doc) === undefined) {
      const [start, end] = node.range ?? [0, 0];
      errors.push({ code: 'BAD_ALIAS', message: `unresolved alias *${node.source} (no anchor &${node.source} before it in this document)`, start, end });
    }
  }
}

/**
 * Aliases can make a small text expand into huge data ("billion laughs"). Reading the data
 * once here, with the yaml package's alias-count limit, turns such a document into a syntax
 * problem, so that no later stage (rules, CRD learning, verification) ever expands it.
 */
function checkAliasExpansion(doc: Document.Parsed, errors: SyntaxProblem[]): void {
  try {
    doc.toJS();
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    const [start, end] = doc.contents?.range ?? [0, 0];
    errors.push({ code: 'ALIAS_EXPANSION', message: `aliases expand too far (${e.message.toLowerCase()})`, start, end: Math.min(end, start + 1) });
  }
}
