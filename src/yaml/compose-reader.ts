import { Tok, type Tokens } from './compose-tokens.js';
import { DECLINE, type ScalarMaker } from './compose-scalars.js';
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
   * From a line start, skips blank and comment lines to the next content token and sets `col`;
   * `maxComment` and `skippedEnd` tell where those comment lines were (the yaml package keeps
   * them in a collection that ends there when they are at least as indented as it, see
   * keepComments). Returns whether there were comments.
   */
  nextLine(): boolean {
    const { kind } = this;
    let maxComment = -1;
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
      this.maxComment = maxComment;
      this.skippedEnd = this.at(i);
      this.p = i;
      this.col = k === Tok.EOF || k === Tok.DOC_START || k === Tok.DOC_MODE ? END : col;
      return maxComment !== -1;
    }
  }

  /** Where the lines skipped by the last nextLine() end (the next content token). */
  skippedEnd = 0;

  /**
   * When a block collection at column `c` ends: the yaml package keeps the comment lines
   * before the end in it (extending its range) when one is at least as indented as it (its
   * CST pop rule); otherwise they pass to the collection around it. Returns the range end.
   */
  keepComments(c: number, end: number): number {
    if (c === 0 || this.maxComment < c) return end;
    this.maxComment = -1;
    return this.skippedEnd;
  }

  /**
   * After a value with trailing tokens (scalar, alias, flow collection) in a collection at
   * column `c`: the yaml package appends to the value the comment lines more indented than
   * the collection that follow it (blank lines between them too), to its range and its
   * comment (joined as its resolveEnd joins them).
   */
  indentedComments(c: number, node: { range?: [number, number, number] | null; comment?: string | null }): void {
    const { kind } = this;
    let j = this.p;
    // Line breaks since the last comment (the one ending the value's line counts after a comment).
    let breaks = node.comment ? 1 : 0;
    for (;;) {
      let i = j;
      let col = 0;
      if (kind[i] === Tok.SPACE) {
        col = this.src(i).length;
        i++;
      }
      if (kind[i] === Tok.NEWLINE) {
        j = i + 1;
        breaks++;
        continue;
      }
      if (kind[i] !== Tok.COMMENT || col <= c) return;
      const text = this.src(i).substring(1) || ' ';
      node.comment = node.comment ? node.comment + '\n'.repeat(breaks) + text : text;
      breaks = 0;
      const next = kind[i + 1];
      if (next === Tok.NEWLINE) {
        j = i + 2;
        breaks = 1;
      } else if (next === Tok.EOF) j = i + 1;
      else throw DECLINE;
      this.p = j;
      if (node.range) node.range[2] = this.at(j);
    }
  }

  /**
   * The comment of an empty document's `---` and the lines after it (tokens from..to), joined
   * as the yaml package's resolveProps joins them.
   */
  startComment(from: number, to: number): string {
    let comment = '';
    let sep = '';
    let atNewline = false;
    for (let i = from + 1; i < to; i++) {
      const k = this.kind[i];
      if (k === Tok.COMMENT) {
        const text = this.src(i).substring(1) || ' ';
        comment = comment ? comment + sep + text : text;
        sep = '';
        atNewline = false;
      } else if (k === Tok.NEWLINE) {
        if (!atNewline) sep += '\n';
        else if (comment) comment += '\n';
        atNewline = true;
      }
    }
    return comment;
  }

  skipSpace(): void {
    if (this.kind[this.p] === Tok.SPACE) this.p++;
  }

  /**
   * After a node that ends its line: spaces, an optional comment, the newline. Returns the
   * node's end (after the newline) and its comment.
   */
  lineEnd(): { end: number; comment: string } {
    const spaced = this.kind[this.p] === Tok.SPACE;
    this.skipSpace();
    let comment = '';
    if (this.kind[this.p] === Tok.COMMENT) {
      // A comment right after a node is an error the yaml package reports.
      if (!spaced) throw DECLINE;
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
