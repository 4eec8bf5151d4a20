/**
 * The fast composer's scanner: the tokens the `yaml` package's Lexer (yaml 2.x,
 * `dist/parse/lexer.js`) gives for a whole text, written straight into typed arrays as kind
 * and start offset, without a generator or a string per token. Its states and decisions are
 * the Lexer's, one for one (stream, line start, block start, document, flow; plain, quoted and
 * block scalars; `indentNext`, the flow key flag, block scalar indentation and chomping), so
 * that every token kind and boundary is the same; `test/yaml/compose-lexer.test.ts` holds it to
 * the Lexer on the corpus and the fuzz generators.
 *
 * Whatever the composer does not handle is declined (undefined) as soon as it is met, as the
 * Lexer-based tokenizer declined it: tags, directives, `?` keys, `...`, tabs in spaces, empty
 * anchors and aliases, a lone quote, text after a block scalar's header, and every flow
 * collection the composer cannot take (one spanning lines, nested, with comments, anchors or
 * aliases). The caller then uses the `yaml` package's own parse.
 */
import { Tok, type Tokens } from './compose-tokens.js';
import { COLON, COMMA, DASH, DECLINED, DOT, DQ, endTokens, HASH, isEmpty, isFlowIndicator, isNotAnchorChar, NL, QUESTION, ScalarScanner, SP, SQ, startTokens, State, TAB, CR } from './compose-scan.js';

/** The structure part: the Lexer's stream, line start, block start, document and flow states. */
class Scanner extends ScalarScanner {
  run(): void {
    let state = State.STREAM;
    while (this.pos < this.len) state = this.next(state);
  }

  private next(state: State): State {
    switch (state) {
      case State.STREAM:
        return this.stream();
      case State.LINE_START:
        return this.lineStart();
      case State.BLOCK_START:
        return this.blockStart();
      case State.DOC:
        return this.doc();
      case State.FLOW:
        return this.flow();
    }
  }

  private stream(): State {
    const c = this.code(this.pos);
    // A byte order mark or a directive.
    if (c === 0xfeff || c === 0x25) throw DECLINED;
    if (this.atLineEnd()) {
      this.spaces(true);
      const end = this.lineEnd();
      if (end > this.pos) {
        this.emit(Tok.COMMENT, this.pos);
        this.pos = end;
      }
      this.newline();
      return State.STREAM;
    }
    this.emit(Tok.DOC_MODE, this.pos);
    return this.lineStart();
  }

  private atLineEnd(): boolean {
    let i = this.pos;
    let c = this.code(i);
    while (c === SP || c === TAB) c = this.code(++i);
    return c !== c || c === HASH || c === NL || (c === CR && this.code(i + 1) === NL);
  }

  protected lineStart(): State {
    const c = this.code(this.pos);
    if ((c === DASH || c === DOT) && this.code(this.pos + 1) === c && this.code(this.pos + 2) === c && isEmpty(this.code(this.pos + 3))) {
      if (c === DOT) throw DECLINED;
      this.emit(Tok.DOC_START, this.pos);
      this.pos += 3;
      this.indentValue = 0;
      this.indentNext = 0;
      return State.DOC;
    }
    this.indentValue = this.spaces(false);
    if (this.indentNext > this.indentValue && !isEmpty(this.code(this.pos + 1))) this.indentNext = this.indentValue;
    return this.blockStart();
  }

  private blockStart(): State {
    const c0 = this.code(this.pos);
    if ((c0 === DASH || c0 === QUESTION || c0 === COLON) && isEmpty(this.code(this.pos + 1))) {
      if (c0 === QUESTION) throw DECLINED;
      this.emit(c0 === DASH ? Tok.SEQ : Tok.COLON, this.pos);
      this.pos++;
      const n = 1 + this.spaces(true);
      this.indentNext = this.indentValue + 1;
      this.indentValue += n;
      return State.BLOCK_START;
    }
    return State.DOC;
  }

  private doc(): State {
    this.spaces(true);
    const end = this.lineEnd();
    this.indicators();
    const c = this.pos < end ? this.code(this.pos) : NaN;
    switch (c) {
      case HASH:
        this.emit(Tok.COMMENT, this.pos);
        this.pos = end;
        this.newline();
        return this.lineStart();
      case 0x7b: // {
      case 0x5b: // [
        this.emit(c === 0x7b ? Tok.MAP_OPEN : Tok.SEQ_OPEN, this.pos);
        this.pos++;
        this.flowKey = false;
        this.flowLevel = 1;
        return State.FLOW;
      case 0x7d: // }
      case 0x5d: // ]
        this.emit(c === 0x7d ? Tok.MAP_CLOSE : Tok.SEQ_CLOSE, this.pos);
        this.pos++;
        return State.DOC;
      case 0x2a: // *
        this.anchorLike(Tok.ALIAS);
        return State.DOC;
      case DQ:
      case SQ:
        return this.quoted();
      case 0x7c: // |
      case 0x3e: // >
        this.blockHeader();
        this.spaces(true);
        if (this.pos < end) {
          // Only a comment may follow a block scalar's header on its line.
          if (this.code(this.pos) !== HASH) throw DECLINED;
          this.emit(Tok.COMMENT, this.pos);
          this.pos = end;
        }
        this.newline();
        return this.blockScalar();
      default:
        if (c !== c) {
          this.newline();
          return this.lineStart();
        }
        return this.plain();
    }
  }

  /** A flow collection the composer can take: on one line, of scalars (see compose-flow.ts). */
  private flow(): State {
    if (this.code(this.pos) === NL) throw DECLINED;
    this.spaces(true);
    const end = this.lineEnd();
    while (this.code(this.pos) === COMMA) {
      this.emit(Tok.COMMA, this.pos);
      this.pos++;
      this.spaces(true);
      this.flowKey = false;
    }
    this.indicators();
    const c = this.pos < end ? this.code(this.pos) : NaN;
    switch (c) {
      case 0x7d: // }
      case 0x5d: // ]
        this.emit(c === 0x7d ? Tok.MAP_CLOSE : Tok.SEQ_CLOSE, this.pos);
        this.pos++;
        this.flowKey = true;
        this.flowLevel -= 1;
        return this.flowLevel > 0 ? State.FLOW : State.DOC;
      case DQ:
      case SQ:
        this.flowKey = true;
        return this.quoted();
      case COLON: {
        const next = this.code(this.pos + 1);
        if (this.flowKey || isEmpty(next) || next === COMMA) {
          this.flowKey = false;
          this.emit(Tok.COLON, this.pos);
          this.pos++;
          this.spaces(true);
          return State.FLOW;
        }
        this.flowKey = false;
        return this.plain();
      }
      // The end of the line (the collection goes on below), a comment, a nested collection, an
      // alias: the composer declines them all.
      case HASH:
      case 0x7b:
      case 0x5b:
      case 0x2a:
        throw DECLINED;
      default:
        if (c !== c) throw DECLINED;
        this.flowKey = false;
        return this.plain();
    }
  }

  /** Anchors and `-`, `:` indicators before a node (a tag or a `?` is declined). */
  private indicators(): void {
    for (;;) {
      const c = this.code(this.pos);
      if (c === 0x21) throw DECLINED; // !
      if (c === 0x26) { // &
        if (this.flowLevel > 0) throw DECLINED;
        this.anchorLike(Tok.ANCHOR);
        this.spaces(true);
        continue;
      }
      if (c === DASH || c === QUESTION || c === COLON) {
        const inFlow = this.flowLevel > 0;
        const c1 = this.code(this.pos + 1);
        if (isEmpty(c1) || (inFlow && isFlowIndicator(c1))) {
          if (!inFlow) this.indentNext = this.indentValue + 1;
          else if (this.flowKey) this.flowKey = false;
          if (c === QUESTION) throw DECLINED;
          this.emit(c === DASH ? Tok.SEQ : Tok.COLON, this.pos);
          this.pos++;
          this.spaces(true);
          continue;
        }
      }
      return;
    }
  }

  /** `&name` or `*name`; empty ones and ones ending in `:` are declined. */
  private anchorLike(kind: Tok): void {
    let i = this.pos + 1;
    while (!isNotAnchorChar(this.code(i))) i++;
    if (i === this.pos + 1 || this.code(i - 1) === COLON) throw DECLINED;
    this.emit(kind, this.pos);
    this.pos = i;
  }
}

/**
 * The tokens of a text, or undefined where the fast path declines it (see above). The arrays
 * are reused by the next call.
 */
export function tokenize(text: string): Tokens | undefined {
  if (text.includes('\r')) return undefined;
  startTokens();
  const scanner = new Scanner(text);
  try {
    scanner.run();
  } catch (e) {
    if (e === DECLINED) return undefined;
    throw e;
  }
  return endTokens(scanner.n, text.length);
}
