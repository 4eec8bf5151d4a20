import { Lexer } from './package.js';

/**
 * Kinds of the `yaml` package's lexical tokens, as the fast composer (compose.ts) reads
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
  /** After the last token. */
  EOF,
}

/**
 * The tokens of one text: kind and start offset of each; a token's source is the text up to
 * the next token's start (the Lexer's tokens are contiguous slices; its markers are empty).
 * `kind` holds EOF from index `count` on, and `offset` the text's length.
 */
export interface Tokens {
  kind: Uint8Array;
  offset: Int32Array;
  count: number;
}

const SCALAR_MARK = '\x1f';
const DOC_MARK = '\x02';
/** EOF entries kept after the last token, for the readers' look-ahead. */
const PAD = 4;

function kindOf(s: string): Tok {
  const c = s.charCodeAt(0);
  if (s.length === 1) {
    switch (c) {
      case 0x0a:
        return Tok.NEWLINE;
      case 0x2d: // -
        return Tok.SEQ;
      case 0x3a: // :
        return Tok.COLON;
      case 0x5b: // [
        return Tok.SEQ_OPEN;
      case 0x7b: // {
        return Tok.MAP_OPEN;
      case 0x5d: // ]
        return Tok.SEQ_CLOSE;
      case 0x7d: // }
        return Tok.MAP_CLOSE;
      case 0x2c: // ,
        return Tok.COMMA;
      case 0x20:
        return Tok.SPACE;
      case 0x23:
        return Tok.COMMENT;
      case 0x7c: // |
      case 0x3e: // >
        return Tok.BLOCK_HEADER;
      case 0x22: // a lone quote: not closed
      case 0x27:
      case 0x26: // an empty anchor or alias
      case 0x2a:
        return Tok.OTHER;
    }
  }
  switch (c) {
    case 0x20: // ' ': tabs anywhere in separation or indentation are left to the yaml package
      return s.includes('\t') ? Tok.OTHER : Tok.SPACE;
    case 0x23: // #
      return Tok.COMMENT;
    case 0x22: // "
      return Tok.DOUBLE;
    case 0x27: // '
      return Tok.SINGLE;
    case 0x26: // & (one ending in `:` is ambiguous: the yaml package warns)
      return s.endsWith(':') ? Tok.OTHER : Tok.ANCHOR;
    case 0x2a: // *
      return s.endsWith(':') ? Tok.OTHER : Tok.ALIAS;
    case 0x7c: // |
    case 0x3e: // >
      return Tok.BLOCK_HEADER;
    case 0x2d: // -
      return s === '---' ? Tok.DOC_START : Tok.OTHER;
  }
  // Tags, directives, `?`, `...`, a byte order mark, a flow error, tabs: not on the fast path.
  return Tok.OTHER;
}

// Reused from text to text (composing is synchronous), grown as needed.
let kinds = new Uint8Array(4096);
let offsets = new Int32Array(4096);

/**
 * Splits a text with the `yaml` package's Lexer, or returns undefined at the first token the
 * fast path does not handle. The arrays are reused by the next call.
 */
export function tokenize(text: string): Tokens | undefined {
  // Arrays grown by a huge text are not kept for the next ones.
  if (kinds.length > 1 << 20) {
    kinds = new Uint8Array(4096);
    offsets = new Int32Array(4096);
  }
  let n = 0;
  let at = 0;
  let scalar = false;
  let afterHeader = false;
  for (const s of new Lexer().lex(text)) {
    if (n + PAD >= kinds.length) {
      const k = new Uint8Array(kinds.length * 2);
      k.set(kinds);
      kinds = k;
      const o = new Int32Array(offsets.length * 2);
      o.set(offsets);
      offsets = o;
    }
    let k: Tok;
    if (scalar) {
      k = afterHeader ? Tok.BLOCK_BODY : Tok.PLAIN;
      scalar = false;
      afterHeader = false;
    } else if (s === SCALAR_MARK) {
      scalar = true;
      continue;
    } else if (s === DOC_MARK) {
      // A marker, not text: it takes no room.
      kinds[n] = Tok.DOC_MODE;
      offsets[n] = at;
      n++;
      continue;
    } else {
      k = kindOf(s);
      if (k === Tok.OTHER) return undefined;
      if (k === Tok.BLOCK_HEADER) afterHeader = true;
    }
    kinds[n] = k;
    offsets[n] = at;
    n++;
    at += s.length;
  }
  for (let i = n; i < n + PAD; i++) {
    kinds[i] = Tok.EOF;
    offsets[i] = text.length;
  }
  return { kind: kinds, offset: offsets, count: n };
}
