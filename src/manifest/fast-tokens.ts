import { Lexer } from 'yaml';

/**
 * Kinds of the `yaml` package's lexical tokens, as the fast composer (fast-compose.ts) reads
 * them. Everything the fast path does not handle is OTHER, so that the caller falls back to
 * the `yaml` package's own composer.
 */
export const enum Tok {
  PLAIN,
  DOUBLE,
  SINGLE,
  NEWLINE,
  SPACE,
  COMMENT,
  SEQ,
  COLON,
  SEQ_OPEN,
  MAP_OPEN,
  SEQ_CLOSE,
  MAP_CLOSE,
  COMMA,
  ANCHOR,
  ALIAS,
  BLOCK_HEADER,
  DOC_MODE,
  DOC_START,
  /** Block scalar contents (the token after a block scalar header's line). */
  BLOCK_BODY,
  OTHER,
}

/** The tokens of one text, in parallel arrays: kind, start offset and source. */
export interface Tokens {
  kind: Tok[];
  offset: number[];
  source: string[];
}

const SCALAR_MARK = '\x1f';
const DOC_MARK = '\x02';

function kindOf(s: string): Tok {
  switch (s) {
    case '\n':
      return Tok.NEWLINE;
    case '-':
      return Tok.SEQ;
    case ':':
      return Tok.COLON;
    case '[':
      return Tok.SEQ_OPEN;
    case '{':
      return Tok.MAP_OPEN;
    case ']':
      return Tok.SEQ_CLOSE;
    case '}':
      return Tok.MAP_CLOSE;
    case ',':
      return Tok.COMMA;
    case '---':
      return Tok.DOC_START;
  }
  switch (s.charCodeAt(0)) {
    case 0x20: // ' ': tabs anywhere in separation or indentation are left to the yaml package
      return s.includes('\t') ? Tok.OTHER : Tok.SPACE;
    case 0x23: // #
      return Tok.COMMENT;
    case 0x22: // "
      return Tok.DOUBLE;
    case 0x27: // '
      return Tok.SINGLE;
    case 0x26: // &
      return s.length > 1 ? Tok.ANCHOR : Tok.OTHER;
    case 0x2a: // *
      return s.length > 1 ? Tok.ALIAS : Tok.OTHER;
    case 0x7c: // |
    case 0x3e: // >
      return Tok.BLOCK_HEADER;
  }
  // Tags, directives, `?`, `...`, a byte order mark, a flow error, tabs: not on the fast path.
  return Tok.OTHER;
}

/**
 * Splits a text with the `yaml` package's Lexer, or returns undefined at the first token the
 * fast path does not handle.
 */
export function tokenize(text: string): Tokens | undefined {
  const kind: Tok[] = [];
  const offset: number[] = [];
  const source: string[] = [];
  let at = 0;
  let scalar = false;
  let afterHeader = false;
  for (const s of new Lexer().lex(text)) {
    if (scalar) {
      kind.push(afterHeader ? Tok.BLOCK_BODY : Tok.PLAIN);
      offset.push(at);
      source.push(s);
      at += s.length;
      scalar = false;
      afterHeader = false;
      continue;
    }
    if (s === SCALAR_MARK) {
      scalar = true;
      continue;
    }
    if (s === DOC_MARK) {
      kind.push(Tok.DOC_MODE);
      offset.push(at);
      source.push('');
      continue;
    }
    const k = kindOf(s);
    if (k === Tok.OTHER) return undefined;
    if (k === Tok.BLOCK_HEADER) afterHeader = true;
    kind.push(k);
    offset.push(at);
    source.push(s);
    at += s.length;
  }
  return { kind, offset, source };
}
