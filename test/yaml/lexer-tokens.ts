/**
 * The reference for the fast composer's scanner (src/yaml/compose-lexer.ts): the tokens of the
 * `yaml` package's own Lexer, classified into the composer's kinds (the fast path's tokenizer
 * before it had a scanner of its own), or undefined at the first token it does not handle.
 */
import { Lexer } from 'yaml';
import { Tok } from '../../src/yaml/compose-tokens.js';

const SCALAR_MARK = '\x1f';
const DOC_MARK = '\x02';
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

/** The Lexer's tokens of a text as kinds and start offsets, or undefined (see above). */
export function lexerTokens(text: string): { kind: Tok[]; offset: number[] } | undefined {
  const kind: Tok[] = [];
  const offset: number[] = [];
  let at = 0;
  let scalar = false;
  let afterHeader = false;
  for (const s of new Lexer().lex(text)) {
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
      kind.push(Tok.DOC_MODE);
      offset.push(at);
      continue;
    } else {
      k = kindOf(s);
      if (k === Tok.OTHER) return undefined;
      if (k === Tok.BLOCK_HEADER) afterHeader = true;
    }
    kind.push(k);
    offset.push(at);
    at += s.length;
  }
  return { kind, offset };
}
