import { newPair, YAMLMap, YAMLSeq, type Scalar } from './package.js';
import { Tok } from './compose-tokens.js';
import { DECLINE } from './compose-scalars.js';
import type { LineReader } from './compose-reader.js';

const isScalarToken = (k: number | undefined): boolean => k === Tok.PLAIN || k === Tok.DOUBLE || k === Tok.SINGLE;

/** A one-line scalar in a flow collection (p at it); its range ends after the spaces after it. */
function flowScalar(r: LineReader, atKey: boolean): Scalar {
  const k = r.kind[r.p];
  if (!isScalarToken(k)) throw DECLINE;
  const src = r.src(r.p);
  if (src.includes('\n')) throw DECLINE;
  const o = r.at(r.p);
  r.p++;
  if (atKey) {
    // `key:` with the `:` right after the key; a key's range has no trailing spaces.
    if (r.kind[r.p] !== Tok.COLON) throw DECLINE;
    return k === Tok.PLAIN ? r.scalars.plain(src, o, o + src.length, true) : r.scalars.quoted(src, o, o + src.length);
  }
  r.skipSpace();
  const end = r.at(r.p);
  return k === Tok.PLAIN ? r.scalars.plain(src, o, end, false) : r.scalars.quoted(src, o, end);
}

/**
 * A flow collection on one line that ends its line (p at `[` or `{`): a sequence of plain
 * or quoted scalars (`[a, "b"]`) or a map of such keys and values (`{a: 1}`), or empty.
 * Anything else throws DECLINE.
 */
export function flowCollection(r: LineReader): YAMLSeq | YAMLMap {
  const { kind } = r;
  const start = r.at(r.p);
  const isMap = kind[r.p] === Tok.MAP_OPEN;
  const coll = isMap ? new YAMLMap(r.schema) : new YAMLSeq(r.schema);
  coll.flow = true;
  r.p++;
  r.skipSpace();
  const close = isMap ? Tok.MAP_CLOSE : Tok.SEQ_CLOSE;
  const seen = new Set<unknown>();
  if (kind[r.p] !== close) {
    for (;;) {
      if (isMap) {
        const key = flowScalar(r, true);
        if (seen.has(key.value)) throw DECLINE;
        seen.add(key.value);
        r.p++;
        r.skipSpace();
        (coll as YAMLMap).items.push(newPair(key, flowScalar(r, false)));
      } else (coll as YAMLSeq).items.push(flowScalar(r, false));
      if (kind[r.p] === close) break;
      if (kind[r.p] !== Tok.COMMA) throw DECLINE;
      r.p++;
      r.skipSpace();
    }
  }
  if (kind[r.p] !== (isMap ? Tok.MAP_CLOSE : Tok.SEQ_CLOSE)) throw DECLINE;
  const closed = r.at(r.p) + 1;
  if (r.isKey(r.p)) throw DECLINE;
  r.p++;
  const { end, comment } = r.lineEnd();
  coll.range = [start, closed, end];
  if (comment) coll.comment = comment;
  return coll;
}
