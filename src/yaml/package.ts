/**
 * The values of the `yaml` package this adapter uses, each read once. In the bundle, a CommonJS
 * package's exports are reached through a getter at every use (`import_yaml.isMap(node)`, `new
 * import_yaml.Pair(...)`): about 60 ms of a cold `--check` over the corpus went to those getters.
 * The classes come with their types under the same names.
 */
import * as yaml from 'yaml';

export const { isAlias, isCollection, isMap, isPair, isScalar, isSeq, parse, parseAllDocuments } = yaml;

export const Alias = yaml.Alias;
export type Alias = yaml.Alias;
export const Pair = yaml.Pair;
export type Pair<K = unknown, V = unknown> = yaml.Pair<K, V>;
export const YAMLMap = yaml.YAMLMap;
export type YAMLMap<K = unknown, V = unknown> = yaml.YAMLMap<K, V>;
export const YAMLSeq = yaml.YAMLSeq;
export type YAMLSeq<T = unknown> = yaml.YAMLSeq<T>;
export const Scalar = yaml.Scalar;
export type Scalar<T = unknown> = yaml.Scalar<T>;
export const LineCounter = yaml.LineCounter;
export type LineCounter = yaml.LineCounter;

/**
 * Scalars and pairs for the fast composer, made without their constructors: those define the
 * node-type symbol on every node with `Object.defineProperty` (a slow call: about 0.3 s of a
 * cold `--check` over the corpus, for some two million nodes). Here the symbol sits, with the
 * same value and attributes, on a prototype between the node and its class's, so the package's
 * own tests (`isScalar`, `isPair`: `node[NODE_TYPE] === ...`), `instanceof`, `constructor` and
 * every method see what they see on a node the package made; the own properties are the ones
 * the constructors set, in their order.
 */
const NODE_TYPE = Symbol.for('yaml.node.type');

function nodeProto<T extends object>(base: { prototype: T }, sample: object): T {
  const proto = Object.create(base.prototype) as T;
  Object.defineProperty(proto, NODE_TYPE, { value: (sample as Record<symbol, unknown>)[NODE_TYPE] });
  return proto;
}

const SCALAR_PROTO = nodeProto(yaml.Scalar, new yaml.Scalar(null));
const PAIR_PROTO = nodeProto(yaml.Pair, new yaml.Pair(null));

/** `new Scalar(value)`. */
export function newScalar(value: unknown): Scalar {
  const node = Object.create(SCALAR_PROTO) as Scalar;
  node.value = value;
  return node;
}

/** `new Pair(key, value)`. */
export function newPair<K, V>(key: K, value: V): Pair<K, V> {
  const node = Object.create(PAIR_PROTO) as Pair<K, V>;
  node.key = key;
  node.value = value;
  return node;
}
