import type { Document, Node } from 'yaml';
import { Scalar, YAMLMap, YAMLSeq } from './package.js';

/**
 * Plain data of YAML nodes, as the `yaml` package's `toJS` gives it, without its conversion
 * context where that context cannot change the result: maps, sequences and scalars of the
 * plain node classes (no tagged collections such as `!!set` or `!!omap`), no alias, no merge
 * key, every key a scalar of a primitive value. Scalars give their values as they are (`toJS`
 * keeps them: a timestamp stays a Date), a key its value as a string (null as ''), and a key met
 * twice its last value. Anything else is left to `toJS` itself (`test/yaml/data.test.ts` holds
 * the two to the same results).
 */

const UNSURE = Symbol('unsure');

/**
 * A map key as `toJS` names it, or UNSURE: a merge key (the yaml package makes its value a
 * symbol; a `<<` string is not trusted either), an alias, a collection, a Date...
 */
function keyOf(key: unknown): string | typeof UNSURE {
  if (key === null || (key as object).constructor !== Scalar) return UNSURE;
  const value = (key as Scalar).value;
  if (value === null) return '';
  if (value === '<<' || typeof value === 'object' || typeof value === 'symbol') return UNSURE;
  return String(value);
}

/** Names an empty object has (`toJS` tests `key in map`): `__proto__`, `toString`, ... */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Sets a property as `toJS` does: an inherited name (`__proto__` above all) is defined as an own
 * property; any other is assigned (which replaces the value of a key met before, as defining it
 * would: `in` on a large map is what this saves).
 */
function setKey(map: Record<string, unknown>, key: string, value: unknown): void {
  if (INHERITED.has(key)) Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  else map[key] = value;
}

function plain(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  const type = (node as object).constructor;
  if (type === Scalar) return (node as Scalar).value;
  if (type === YAMLMap) {
    const map: Record<string, unknown> = {};
    for (const { key, value } of (node as YAMLMap).items) {
      const name = keyOf(key);
      if (name === UNSURE) throw UNSURE;
      setKey(map, name, plain(value));
    }
    return map;
  }
  if (type === YAMLSeq) {
    const { items } = node as YAMLSeq;
    const seq: unknown[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) seq[i] = plain(items[i]);
    return seq;
  }
  // An alias, a pair in a flow sequence, a tagged collection.
  throw UNSURE;
}

/** `doc.toJS()`. */
export function documentToJS(doc: Document.Parsed): unknown {
  try {
    return plain(doc.contents);
  } catch (e) {
    if (e !== UNSURE) throw e;
    return doc.toJS() as unknown;
  }
}

/** `node.toJS(doc)` (null for no node, as a pair without a value gives). */
export function nodeToJS(node: Node | null | undefined, doc: Document.Parsed): unknown {
  try {
    return plain(node);
  } catch (e) {
    if (e !== UNSURE) throw e;
    return (node as Node).toJS(doc) as unknown;
  }
}

/**
 * What `map.toJS(doc)[key]` gives (undefined when the data has no such key), converting only
 * that value when the map's keys leave no doubt about which pair gives it.
 */
export function valueToJS(map: YAMLMap, key: string, doc: Document.Parsed): unknown {
  let found: { value: unknown } | undefined;
  for (const pair of map.items) {
    const name = keyOf(pair.key);
    if (name === UNSURE) return (map.toJS(doc) as Record<string, unknown>)[key];
    if (name === key) found = pair;
  }
  return found ? nodeToJS(found.value as Node | null, doc) : undefined;
}
