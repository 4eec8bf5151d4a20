import { Tok, type Tokens } from './fast-tokens.js';
import { DECLINE, type ScalarMaker } from './fast-scalars.js';
import type { Schema } from 'yaml';

/** Column meaning "no more content in this document" (end of text or a `---` line). */
export const END = -1;

/**
 * A cursor over the tokens of a text, by lines: what the fast composer's readers share.
 *
 * Protocol: the readers return with `p` at the first content token of a line (or at the end
 * of the document) and `col` set to that token's column (END at the end).
 */
export class LineReader {
  p: number;
  col = END;
  /** Rightmost column of the comment lines the last nextLine() skipped (-1: none). */
  maxComment = -1;
  readonly kind: Uint8Array;
  private readonly offsets: Int32Array;

  constructor(
    tokens: Tokens,
    start: number,
    readonly text: string,
    readonly scalars: ScalarMaker,
    readonly schema: Schema,
  ) {
    this.kind = tokens.kind;
    this.offsets = tokens.offset;
    this.p = start;
  }

  /** Offset where the token at `i` starts (the text's end after the last token). */
  at(i: number): number {
    return this.offsets[i] as number;
  }

  /** Source of the token at `i`. */
  src(i: number): string {
    return this.text.slice(this.offsets[i], this.offsets[i + 1]);
  }

  /** Column of the token at `i`. */
  columnOf(i: number): number {
    const o = this.at(i);
    return o - (this.text.lastIndexOf('\n', o - 1) + 1);
  }

  /**
   * From a line start, skips blank and comment lines to the next content token and sets `col`.
   * Comment lines must not sit right of that token (the yaml package would attach them to a
   * preceding value or collection, changing its range); returns whether there were comments.
   */
  nextLine(): boolean {
    const { kind } = this;
    let maxComment = -1;
    this.maxComment = -1;
    for (;;) {
      let i = this.p;
      let col = 0;
      if (kind[i] === Tok.SPACE) {
        col = this.src(i).length;
        i++;
      }
      const k = kind[i];
      if (k === Tok.NEWLINE) {
        this.p = i + 1;
        continue;
      }
      if (k === Tok.COMMENT) {
        if (col > maxComment) maxComment = col;
        const next = kind[i + 1];
        if (next === Tok.NEWLINE) this.p = i + 2;
        else if (next === Tok.EOF) this.p = i + 1;
        else throw DECLINE;
        continue;
      }
      if (k === Tok.EOF || k === Tok.DOC_START || k === Tok.DOC_MODE) {
        if (maxComment > 0) throw DECLINE;
        this.p = i;
        this.col = END;
        return maxComment !== -1;
      }
      if (maxComment > col) throw DECLINE;
      this.maxComment = maxComment;
      this.p = i;
      this.col = col;
      return maxComment !== -1;
    }
  }

  skipSpace(): void {
    if (this.kind[this.p] === Tok.SPACE) this.p++;
  }

  /**
   * After a node that ends its line: spaces, an optional comment, the newline. Returns the
   * node's end (after the newline) and its comment.
   */
  lineEnd(): { end: number; comment: string } {
    this.skipSpace();
    let comment = '';
    if (this.kind[this.p] === Tok.COMMENT) {
      comment = this.src(this.p).substring(1) || ' ';
      this.p++;
    }
    const k = this.kind[this.p];
    if (k === Tok.NEWLINE) this.p++;
    else if (k !== Tok.EOF) throw DECLINE;
    return { end: this.at(this.p), comment };
  }

  /** Whether the token at `i` (a scalar) is followed on its line by `:` (it is a key). */
  isKey(i: number): boolean {
    let j = i + 1;
    if (this.kind[j] === Tok.SPACE) j++;
    return this.kind[j] === Tok.COLON;
  }
}
