/**
 * The scalar part of the fast composer's scanner (see compose-lexer.ts): plain, quoted and
 * block scalars, spaces and line breaks, as the `yaml` package's Lexer (yaml 2.x,
 * `dist/parse/lexer.js`) splits them, and the arrays the tokens go to.
 */
import { Tok, type Tokens } from './compose-tokens.js';

export const SP = 0x20;
export const NL = 0x0a;
export const TAB = 0x09;
export const CR = 0x0d;
export const HASH = 0x23;
export const DASH = 0x2d;
export const DOT = 0x2e;
export const COLON = 0x3a;
export const COMMA = 0x2c;
export const QUESTION = 0x3f;
export const DQ = 0x22;
export const SQ = 0x27;
const BACKSLASH = 0x5c;

/** A space, line break or tab, or the end of the text (charCodeAt past it is NaN). */
export const isEmpty = (c: number): boolean => c === SP || c === NL || c === TAB || c === CR || c !== c;
export const isFlowIndicator = (c: number): boolean => c === COMMA || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;
export const isNotAnchorChar = (c: number): boolean => isEmpty(c) || isFlowIndicator(c);

export const enum State { STREAM, LINE_START, BLOCK_START, DOC, FLOW }

/** Thrown where the fast path declines the text. */
export const DECLINED = Symbol('declined');

/** EOF entries kept after the last token, for the readers' look-ahead. */
const PAD = 4;

// Reused from text to text (scanning is synchronous), grown as needed.
let kinds = new Uint8Array(4096);
let offsets = new Int32Array(4096);

/** The arrays made ready for a text (those grown by a huge text are not kept for the next). */
export function startTokens(): void {
  if (kinds.length > 1 << 20) {
    kinds = new Uint8Array(4096);
    offsets = new Int32Array(4096);
  }
}

/** The first `count` tokens, ended by EOF entries at the text's length. */
export function endTokens(count: number, length: number): Tokens {
  for (let i = count; i < count + PAD; i++) {
    kinds[i] = Tok.EOF;
    offsets[i] = length;
  }
  return { kind: kinds, offset: offsets, count };
}

/**
 * The scanner's state and what every state shares: emitting tokens, spaces, line breaks and
 * the scalars (plain, quoted, block), whose ends the Lexer decides by indentation.
 */
export abstract class ScalarScanner {
  pos = 0;
  n = 0;
  protected indentNext = 0;
  protected indentValue = 0;
  protected flowLevel = 0;
  protected flowKey = false;
  protected blockIndent = -1;
  protected blockKeep = false;
  protected readonly len: number;

  constructor(protected readonly text: string) {
    this.len = text.length;
  }

  protected emit(kind: Tok, at: number): void {
    if (this.n + PAD >= kinds.length) {
      const k = new Uint8Array(kinds.length * 2);
      k.set(kinds);
      kinds = k;
      const o = new Int32Array(offsets.length * 2);
      o.set(offsets);
      offsets = o;
    }
    kinds[this.n] = kind;
    offsets[this.n] = at;
    this.n++;
  }

  protected code(i: number): number {
    return this.text.charCodeAt(i);
  }

  protected lineEnd(): number {
    const end = this.text.indexOf('\n', this.pos);
    return end === -1 ? this.len : end;
  }

  /** The state after a line break (see `Scanner`). */
  protected abstract lineStart(): State;

  protected newline(): void {
    if (this.code(this.pos) === NL) {
      this.emit(Tok.NEWLINE, this.pos);
      this.pos++;
    }
  }

  /** Spaces (and tabs, when allowed: any is declined) as one token; their count. */
  protected spaces(allowTabs: boolean): number {
    let i = this.pos;
    let tab = false;
    for (;;) {
      const c = this.code(i);
      if (c === SP) i++;
      else if (allowTabs && c === TAB) {
        tab = true;
        i++;
      } else break;
    }
    const n = i - this.pos;
    if (n > 0) {
      if (tab) throw DECLINED;
      this.emit(Tok.SPACE, this.pos);
      this.pos = i;
    }
    return n;
  }

  /** Where a scalar's next line goes on (after its indentation), or -1 where the scalar ends. */
  protected continueScalar(offset: number): number {
    let c = this.code(offset);
    if (this.indentNext > 0) {
      let indent = 0;
      while (c === SP) c = this.code(++indent + offset);
      return c === NL || indent >= this.indentNext ? offset + indent : -1;
    }
    if ((c === DASH || c === DOT) && this.code(offset + 1) === c && this.code(offset + 2) === c && isEmpty(this.code(offset + 3))) return -1;
    return offset;
  }

  protected quoted(): State {
    const { text } = this;
    const quote = this.code(this.pos);
    let end = text.indexOf(quote === DQ ? '"' : "'", this.pos + 1);
    if (quote === SQ) {
      while (end !== -1 && this.code(end + 1) === SQ) end = text.indexOf("'", end + 2);
    } else {
      while (end !== -1) {
        let n = 0;
        while (this.code(end - 1 - n) === BACKSLASH) n += 1;
        if (n % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
    }
    // Newlines before the closing quote: a line less indented than the scalar needs ends it
    // there (an error, as is a quote not closed: the token then goes to the end of the text).
    const before = end === -1 ? 0 : end;
    let nl = text.indexOf('\n', this.pos);
    while (nl !== -1 && nl < before) {
      const cs = this.continueScalar(nl + 1);
      if (cs === -1) {
        end = nl - 1;
        break;
      }
      nl = text.indexOf('\n', cs);
    }
    if (end === -1) end = this.len;
    const to = Math.min(end + 1, this.len);
    // A lone quote is not a token the composer takes.
    if (to - this.pos === 1) throw DECLINED;
    this.emit(quote === DQ ? Tok.DOUBLE : Tok.SINGLE, this.pos);
    this.pos = to;
    return this.flowLevel > 0 ? State.FLOW : State.DOC;
  }

  protected blockHeader(): void {
    this.blockIndent = -1;
    this.blockKeep = false;
    let i = this.pos;
    for (;;) {
      const c = this.code(++i);
      if (c === 0x2b) this.blockKeep = true; // +
      else if (c > 0x30 && c <= 0x39) this.blockIndent = c - 0x30 - 1;
      else if (c !== DASH) break;
    }
    i = this.pos;
    for (let c = this.code(i); !(isEmpty(c) || c === HASH); c = this.code(++i));
    this.emit(Tok.BLOCK_HEADER, this.pos);
    this.pos = i;
  }

  protected blockScalar(): State {
    const { text, len } = this;
    let nl = this.pos - 1;
    let indent = 0;
    for (let i = this.pos; i < len; ++i) {
      const c = this.code(i);
      if (c === SP) indent += 1;
      else if (c === NL) {
        nl = i;
        indent = 0;
      } else break;
    }
    if (indent >= this.indentNext) {
      if (this.blockIndent === -1) this.indentNext = indent;
      else this.indentNext = this.blockIndent + (this.indentNext === 0 ? 1 : this.indentNext);
      do {
        const cs = this.continueScalar(nl + 1);
        if (cs === -1) break;
        nl = text.indexOf('\n', cs);
      } while (nl !== -1);
      if (nl === -1) nl = len;
    }
    // Trailing insufficiently indented tabs belong to the scalar (an error the composer finds).
    let i = nl + 1;
    let c = this.code(i);
    while (c === SP) c = this.code(++i);
    if (c === TAB) {
      while (c === TAB || c === SP || c === CR || c === NL) c = this.code(++i);
      nl = i - 1;
    } else if (!this.blockKeep) {
      // Trailing lines that are not more indented are not part of the scalar.
      for (;;) {
        let j = nl - 1;
        let d = this.code(j);
        if (d === CR) d = this.code(--j);
        const lastChar = j;
        while (d === SP) d = this.code(--j);
        if (d === NL && j >= this.pos && j + 1 + indent > lastChar) nl = j;
        else break;
      }
    }
    this.emit(Tok.BLOCK_BODY, this.pos);
    const to = Math.min(nl + 1, len);
    if (to > this.pos) this.pos = to;
    return this.lineStart();
  }

  protected plain(): State {
    const { len } = this;
    const inFlow = this.flowLevel > 0;
    let end = this.pos - 1;
    let i = this.pos - 1;
    while (++i < len) {
      const c = this.code(i);
      if (c === COLON) {
        const next = this.code(i + 1);
        if (isEmpty(next) || (inFlow && isFlowIndicator(next))) break;
        end = i;
      } else if (isEmpty(c)) {
        const next = this.code(i + 1);
        if (next === HASH || (inFlow && isFlowIndicator(next))) break;
        if (c === NL) {
          // A plain scalar over lines in a flow collection: the composer declines it.
          if (inFlow) throw DECLINED;
          const cs = this.continueScalar(i + 1);
          if (cs === -1) break;
          i = Math.max(i, cs - 2);
        }
      } else {
        if (inFlow && isFlowIndicator(c)) break;
        end = i;
      }
    }
    this.emit(Tok.PLAIN, this.pos);
    if (end + 1 > this.pos) this.pos = end + 1;
    return inFlow ? State.FLOW : State.DOC;
  }
}
