import { YAMLMap, YAMLSeq } from 'yaml';
import { Tok } from './fast-tokens.js';
import { DECLINE } from './fast-scalars.js';
import type { LineReader } from './fast-reader.js';

/**
 * A flow collection on one line that ends its line (p at `[` or `{`): `{}`, `[]` or a
 * sequence of plain or quoted scalars (`[a, "b"]`). Anything else throws DECLINE.
 */
export function flowCollection(r: LineReader): YAMLSeq | YAMLMap {
  const { kind } = r;
  const start = r.at(r.p);
  const isMap = kind[r.p] === Tok.MAP_OPEN;
  const coll = isMap ? new YAMLMap(r.schema) : new YAMLSeq(r.schema);
  coll.flow = true;
  r.p++;
  r.skipSpace();
  if (!isMap && kind[r.p] !== Tok.SEQ_CLOSE) {
    for (;;) {
      const k = kind[r.p];
      if (k !== Tok.PLAIN && k !== Tok.DOUBLE && k !== Tok.SINGLE) throw DECLINE;
      const src = r.src(r.p);
      if (src.includes('\n')) throw DECLINE;
      const o = r.at(r.p);
      r.p++;
      // An item's range ends after the spaces that follow it.
      r.skipSpace();
      const end = r.at(r.p);
      (coll as YAMLSeq).items.push(k === Tok.PLAIN ? r.scalars.plain(src, o, end, false) : r.scalars.quoted(src, o, end));
      if (kind[r.p] === Tok.SEQ_CLOSE) break;
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
