import type { CST, Node } from 'yaml';
import { Alias, newPair, YAMLMap, YAMLSeq } from './package.js';
import { Tok } from './compose-tokens.js';
import { DECLINE } from './compose-scalars.js';
import { flowCollection } from './compose-flow.js';
import { END, LineReader } from './compose-reader.js';

/** Deepest nesting read here (parse.ts refuses texts past 256 levels, after either parse). */
const MAX_DEPTH = 300;

const isScalarToken = (k: number | undefined): boolean => k === Tok.PLAIN || k === Tok.DOUBLE || k === Tok.SINGLE;

/**
 * Reads the block structure of one document from the tokens, building the yaml package's
 * nodes with the ranges its composer gives them. Whatever is not certain throws DECLINE.
 */
export class BlockReader extends LineReader {
  /**
   * Whether the last value read was empty: the yaml package keeps the lines after it in the
   * value's separator, not in the document's end.
   */
  lastEmpty = false;
  /** Indentation of the collection a block scalar is in (its CST `indent`; 0 at the root). */
  private blockIndent = 0;
  /** Nesting of the collection being read: deeper texts are left to the yaml package. */
  private depth = 0;
  /** Deepest nesting of a block collection read (1: the root collection). */
  maxDepth = 0;
  /** Whether an alias was read. */
  sawAlias = false;

  /** The root node at column 0 (p at it): a block map or sequence. */
  root(): Node {
    const k = this.kind[this.p];
    if (this.col !== 0 || !(k === Tok.SEQ || (isScalarToken(k) && this.isKey(this.p)))) throw DECLINE;
    return this.nested(0);
  }

  /**
   * The value after `key:` or `- ` (p after the indicator and its spaces) in a collection at
   * column `parent`. `inSeq`: after `- `, where a compact map or sequence may start.
   * `commented`: comment lines came before the `-` (an empty item would take them).
   */
  private value(parent: number, inSeq: boolean, commented = false): Node {
    const { kind } = this;
    let anchor: string | undefined;
    // Where an empty value sits: after the indicator (or anchor) and the spaces after it.
    let emptyAt = this.at(this.p);
    if (kind[this.p] === Tok.ANCHOR) {
      anchor = this.src(this.p).substring(1);
      this.p++;
      // White space must separate an anchor from what follows.
      const next = kind[this.p];
      if (next !== Tok.SPACE && next !== Tok.NEWLINE && next !== Tok.EOF) throw DECLINE;
      this.skipSpace();
      emptyAt = this.at(this.p);
    }
    const k = kind[this.p];
    let node: Node;
    if (k === Tok.COMMENT || k === Tok.NEWLINE || k === Tok.EOF) {
      if (k === Tok.COMMENT) this.p++;
      if (kind[this.p] === Tok.NEWLINE) this.p++;
      else if (kind[this.p] !== Tok.EOF) throw DECLINE;
      const comments = this.nextLine() || k === Tok.COMMENT;
      const c = this.col;
      if (c > parent || (c === parent && !inSeq && kind[this.p] === Tok.SEQ)) node = this.nested(c);
      else {
        // An empty value: comments around it would be placed by the yaml package's own rules.
        if (comments || commented) throw DECLINE;
        this.lastEmpty = true;
        node = this.scalars.empty(emptyAt, emptyAt, false);
      }
    } else if (inSeq && (k === Tok.SEQ || (isScalarToken(k) && this.isKey(this.p)))) {
      if (anchor !== undefined) throw DECLINE;
      node = this.nested(this.columnOf(this.p));
    } else node = this.inline(false);
    if (anchor !== undefined) {
      // An alias cannot have an anchor: an error the yaml package reports.
      if (node instanceof Alias) throw DECLINE;
      node.anchor = anchor;
    }
    return node;
  }

  /** A node that starts at column `c` (p at it). */
  private nested(c: number): Node {
    const k = this.kind[this.p];
    if (k === Tok.SEQ) return this.blockSeq(c);
    if (isScalarToken(k) && this.isKey(this.p)) return this.blockMap(c);
    if (k === Tok.BLOCK_HEADER) throw DECLINE;
    return this.inline(true);
  }

  /**
   * A scalar, alias, block scalar or flow collection that ends its line (p at it), then the
   * next line. `ownLine`: the node starts its own line (not a block scalar then).
   */
  private inline(ownLine: boolean): Node {
    const i = this.p;
    const k = this.kind[i];
    const start = this.at(i);
    this.lastEmpty = false;
    let node: Node;
    if (k === Tok.BLOCK_HEADER) {
      if (ownLine) throw DECLINE;
      return this.blockScalar();
    }
    if (isScalarToken(k) || k === Tok.ALIAS) {
      this.p++;
      if (this.isKey(i)) throw DECLINE;
      const { end, comment } = this.lineEnd();
      const src = this.src(i);
      if (k === Tok.ALIAS) {
        const alias = new Alias(src.substring(1));
        this.sawAlias = true;
        alias.range = [start, start + src.length, end];
        node = alias;
      } else if (k === Tok.PLAIN) node = this.scalars.plain(src, start, end, false);
      else node = this.scalars.quoted(src, start, end);
      if (comment) node.comment = comment;
    } else if (k === Tok.SEQ_OPEN || k === Tok.MAP_OPEN) {
      node = flowCollection(this);
    } else throw DECLINE;
    this.indentedComments(this.blockIndent, node);
    this.nextLine();
    return node;
  }

  /** A block scalar (p at its header), then the next line. */
  private blockScalar(): Node {
    const { kind } = this;
    const start = this.at(this.p);
    const props: CST.SourceToken[] = [];
    while (kind[this.p] !== Tok.BLOCK_BODY) {
      const k = kind[this.p];
      const type = k === Tok.BLOCK_HEADER ? 'block-scalar-header' : k === Tok.SPACE ? 'space' : k === Tok.COMMENT ? 'comment' : k === Tok.NEWLINE ? 'newline' : undefined;
      if (type === undefined || props.length > 0 === (k === Tok.BLOCK_HEADER)) throw DECLINE;
      props.push({ type, offset: this.at(this.p), indent: 0, source: this.src(this.p) });
      this.p++;
    }
    const body = this.src(this.p);
    this.p++;
    const node = this.scalars.block(props, body, start, this.blockIndent);
    this.nextLine();
    return node;
  }

  /** A block map at column `c`, p at its first key. */
  private blockMap(c: number): YAMLMap {
    const { kind } = this;
    if (++this.depth > MAX_DEPTH) throw DECLINE;
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    const map = new YAMLMap(this.schema);
    const seen = new Set<unknown>();
    const start = this.at(this.p);
    let end = start;
    for (;;) {
      const i = this.p;
      const k = kind[i];
      if (!isScalarToken(k)) throw DECLINE;
      const src = this.src(i);
      if (src.includes('\n')) throw DECLINE;
      const ko = this.at(i);
      const key = k === Tok.PLAIN ? this.scalars.plain(src, ko, ko + src.length, true) : this.scalars.quoted(src, ko, ko + src.length);
      // Duplicate keys are errors: the yaml package reports them.
      if (seen.has(key.value)) throw DECLINE;
      seen.add(key.value);
      this.p = i + 1;
      this.skipSpace();
      // The yaml package refuses a `:` more than 1024 characters after its implicit key's start.
      if (kind[this.p] !== Tok.COLON || this.at(this.p) - ko > 1000) throw DECLINE;
      this.p++;
      this.skipSpace();
      const saved = this.blockIndent;
      this.blockIndent = c;
      const value = this.value(c, false);
      this.blockIndent = saved;
      map.items.push(newPair(key, value));
      end = value.range?.[2] ?? end;
      if (this.col !== c) break;
      if (kind[this.p] === Tok.SEQ) throw DECLINE;
    }
    if (this.col > c) throw DECLINE;
    map.range = [start, end, this.keepComments(c, end)];
    this.depth--;
    return map;
  }

  /** A block sequence at column `c`, p at its first `-`. */
  private blockSeq(c: number): YAMLSeq {
    const { kind } = this;
    if (++this.depth > MAX_DEPTH) throw DECLINE;
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    const seq = new YAMLSeq(this.schema);
    const start = this.at(this.p);
    let end = start;
    let first = true;
    while (kind[this.p] === Tok.SEQ) {
      // Comment lines before a later `-` belong to its item (those before the first, to the parent).
      const commented = !first && this.maxComment !== -1;
      first = false;
      this.p++;
      this.skipSpace();
      const saved = this.blockIndent;
      this.blockIndent = c;
      const item = this.value(c, true, commented);
      this.blockIndent = saved;
      seq.items.push(item);
      end = item.range?.[2] ?? end;
      if (this.col !== c) break;
    }
    if (this.col > c) throw DECLINE;
    seq.range = [start, end, this.keepComments(c, end)];
    this.depth--;
    return seq;
  }
}

export { END };
