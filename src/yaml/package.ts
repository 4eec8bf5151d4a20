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
