import { CST, type Document, type Scalar as ScalarNode, type ScalarTag } from 'yaml';
import { isScalar, newScalar, type Scalar } from './package.js';

/** Thrown (and caught by composeManifest) when a text is not for the fast path. */
export const DECLINE: unique symbol = Symbol('decline');

const STR = 'tag:yaml.org,2002:str';

/**
 * Builds scalar nodes the way the `yaml` package's composer does (compose-scalar.js): the
 * value resolved by the document schema's own tags (the first default tag whose test matches
 * a plain scalar; keys also try the `'key'` tags, i.e. `<<`), with `range`, `source`, `type`
 * and the tag's `format`. The matching tag of each distinct plain source is remembered.
 */
export class ScalarMaker {
  private readonly valueTags = new Map<string, ScalarTag>();
  private readonly keyTags = new Map<string, ScalarTag>();
  private readonly tags: ScalarTag[];
  private readonly str: ScalarTag;
  private readonly options: Document.Parsed['options'];
  private failed = false;
  private readonly onError = (): void => {
    this.failed = true;
  };

  constructor(doc: Document.Parsed) {
    const schema = doc.schema;
    // A schema with `compat` tags warns about ambiguous scalars: not handled here.
    if (schema.compat) throw DECLINE;
    this.tags = schema.tags.filter((t): t is ScalarTag => !('collection' in t && t.collection));
    const str = this.tags.find((t) => t.tag === STR);
    if (!str) throw DECLINE;
    this.str = str;
    this.options = doc.options;
  }

  private tagOf(source: string, atKey: boolean): ScalarTag {
    const cache = atKey ? this.keyTags : this.valueTags;
    let tag = cache.get(source);
    if (tag === undefined) {
      tag = this.tags.find((t) => (t.default === true || (atKey && t.default === 'key')) && t.test?.test(source)) ?? this.str;
      cache.set(source, tag);
    }
    return tag;
  }

  private make(tag: ScalarTag, value: string, type: ScalarNode.Type, range: [number, number, number]): Scalar {
    const res: unknown = tag.resolve(value, this.onError, this.options);
    if (this.failed) throw DECLINE;
    const scalar = isScalar(res) ? res : newScalar(res);
    scalar.range = range;
    scalar.source = value;
    scalar.type = type;
    if (tag.format) scalar.format = tag.format;
    return scalar;
  }

  /** A plain scalar on one line (`source` has no line break). */
  plain(source: string, offset: number, end: number, atKey: boolean): Scalar {
    switch (source[0]) {
      // The yaml package reports these starts as errors.
      case ',':
      case '%':
      case '|':
      case '>':
      case '@':
      case '`':
        throw DECLINE;
    }
    const value = source.includes('\n') ? this.resolved('scalar', source, offset) : source;
    return this.make(this.tagOf(value, atKey), value, 'PLAIN', [offset, offset + source.length, end]);
  }

  /** An empty (null) scalar at `offset`. */
  empty(offset: number, end: number, atKey: boolean): Scalar {
    return this.make(this.tagOf('', atKey), '', 'PLAIN', [offset, offset, end]);
  }

  /** A quoted scalar: `source` with its quotes. */
  quoted(source: string, offset: number, end: number): Scalar {
    const double = source[0] === '"';
    const last = source.length - 1;
    if (last < 1 || source[last] !== source[0]) throw DECLINE;
    let value = source.slice(1, last);
    const simple = !value.includes('\n') && (double ? !value.includes('\\') : !value.includes("'"));
    if (!simple) value = this.resolved(double ? 'double-quoted-scalar' : 'single-quoted-scalar', source, offset);
    return this.make(this.str, value, double ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', [offset, offset + source.length, end]);
  }

  /**
   * A block scalar: its header tokens (header, spaces, comment, newline), its body, and the
   * indentation of the collection it is in (the yaml package's block-scalar `indent`).
   */
  block(props: CST.SourceToken[], body: string, offset: number, indent: number): Scalar {
    const token: CST.BlockScalar = { type: 'block-scalar', offset, indent, props, source: body };
    const r = CST.resolveAsScalar(token, true, this.onError);
    if (this.failed || !r || r.type === null) throw DECLINE;
    const scalar = this.make(this.str, r.value, r.type, r.range);
    if (r.comment) scalar.comment = r.comment;
    return scalar;
  }

  private resolved(type: 'scalar' | 'double-quoted-scalar' | 'single-quoted-scalar', source: string, offset: number): string {
    const r = CST.resolveAsScalar({ type, offset, indent: 0, source }, true, this.onError);
    if (this.failed || !r) throw DECLINE;
    return r.value;
  }
}
