import { Document, type Node } from 'yaml';
import { BlockReader, END } from './compose-block.js';
import { DECLINE, ScalarMaker } from './compose-scalars.js';
import { tokenize } from './compose-lexer.js';
import { Tok, type Tokens } from './compose-tokens.js';
import { PARSE_OPTIONS } from './options.js';

/**
 * A fast path for `parseAllDocuments(text, PARSE_OPTIONS)`: composes the documents of the
 * common manifest shapes (block maps and sequences, plain, quoted and block scalars, anchors,
 * aliases, one-line flow sequences of scalars, `{}`, comments between items, many documents)
 * straight from the yaml package's Lexer tokens (as the scanner of compose-lexer.ts makes them),
 * skipping its Parser and Composer, into the same `Document.Parsed` objects with the same
 * nodes, ranges, sources, types and values.
 *
 * Returns undefined for anything else (tags, directives, `...`, explicit or complex keys,
 * duplicate keys, tabs or CRs, multi-line flow collections, comments whose place the yaml
 * package would decide by its indentation rules, any syntax error): the caller then parses the
 * text with `parseAllDocuments`, so its results and errors stay exactly the yaml package's.
 * With the documents come the text's comments as `commentsOf` gives them (every Lexer token that
 * starts with `#`, trailing spaces trimmed), gathered from the same tokens, and what the
 * composer saw of the nesting and aliases (see `Composed`).
 */
export function composeManifest(text: string): Composed | undefined {
  if (text.includes('\r') || text.charCodeAt(0) === 0xfeff) return undefined;
  const tokens = tokenize(text);
  return tokens && composeTokens(text, tokens);
}

/** The documents of a text the fast path took. */
export interface Composed {
  docs: Document.Parsed[];
  comments: string[];
  /**
   * Deepest nesting of a block collection in any document (1: a root collection); a flow
   * collection, which holds only scalars here, sits at most one level deeper.
   */
  depth: number;
  /** Whether any document has an alias. */
  aliases: boolean;
}

/** `composeManifest` from a text's tokens (exported for the scanner's differential test). */
export function composeTokens(text: string, tokens: Tokens): Composed | undefined {
  const seen = { depth: 0, aliases: false };
  let docs: Document.Parsed[];
  try {
    docs = composeStream(text, tokens, seen);
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
  const { kind, offset } = tokens;
  const comments: string[] = [];
  for (let i = 0; i < tokens.count; i++) {
    if (kind[i] === Tok.COMMENT) comments.push(text.slice(offset[i], offset[i + 1]).trimEnd());
  }
  return { docs, comments, ...seen };
}

function composeStream(text: string, tokens: Tokens, seen: { depth: number; aliases: boolean }): Document.Parsed[] {
  const { kind } = tokens;
  const docs: Document.Parsed[] = [];
  let p = 0;
  // Before the first document: blank and comment lines only (anything else is not a token here).
  while (p < tokens.count && kind[p] !== Tok.DOC_MODE) {
    const k = kind[p];
    if (k !== Tok.SPACE && k !== Tok.COMMENT && k !== Tok.NEWLINE) throw DECLINE;
    p++;
  }
  let scalars: ScalarMaker | undefined;
  while (p < tokens.count) {
    const docOffset = tokens.offset[p] as number;
    if (kind[p] === Tok.DOC_MODE) p++;
    const doc = new Document(undefined, PARSE_OPTIONS) as unknown as Document.Parsed;
    scalars ??= new ScalarMaker(doc);
    const reader = new BlockReader(tokens, p, text, scalars, doc.schema);
    let emptyAt = docOffset;
    let startComment = false;
    if (kind[p] === Tok.DOC_START) {
      doc.directives.docStart = true;
      reader.p = p + 1;
      reader.skipSpace();
      emptyAt = reader.at(reader.p);
      if (kind[reader.p] === Tok.COMMENT) {
        startComment = true;
        reader.p++;
      }
      const k = kind[reader.p];
      if (k === Tok.NEWLINE) reader.p++;
      else if (k !== Tok.EOF) throw DECLINE;
    }
    const comments = reader.nextLine() || startComment;
    let contents: Node;
    const empty = reader.col === END;
    if (empty) {
      if (!doc.directives.docStart) throw DECLINE;
      contents = scalars.empty(emptyAt, comments ? reader.at(reader.p) : emptyAt, false);
      if (comments) contents.comment = reader.startComment(p, reader.p);
    } else {
      contents = reader.root();
      if (reader.col !== END) throw DECLINE;
    }
    const contentEnd = (contents.range as [number, number, number])[2];
    // A root collection's document ends after the blank and comment lines that follow it.
    const docEnd = empty || reader.lastEmpty ? contentEnd : reader.at(reader.p);
    seen.depth = Math.max(seen.depth, reader.maxDepth);
    seen.aliases ||= reader.sawAlias;
    doc.contents = contents as Document.Parsed['contents'];
    doc.range = [docOffset, contentEnd, docEnd];
    docs.push(doc);
    p = reader.p;
    if (p < tokens.count && kind[p] !== Tok.DOC_START) throw DECLINE;
  }
  return docs;
}
