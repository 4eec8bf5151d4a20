import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq, findPair, hasMergeKey } from '../yaml/nodes.js';
import type { TextEdit } from '../core/types.js';
import { addPair, appendNames, appendStrings, fillEmptyValue, replaceScalar } from '../fix/collection-edits.js';
import { detectLayout, eolAt, type Layout } from '../fix/layout.js';
import { renderBlockPair, type NewValue } from '../fix/new-value.js';
import { parseManifest } from '../yaml/parse.js';
import { isValueMap, type ValueChange } from './values.js';

/** The edits of one change in a values file, or why it cannot be made there. */
export interface ChangeEdit {
  change: ValueChange;
  edits: TextEdit[];
  /** Offset of the node changed (or of the insertion), for the finding. */
  at: number;
  problem?: string;
}

/** Values added below one place: leaves are values, inner nodes maps of further keys. */
type Tree = Map<string, Tree | unknown>;

/** Where new keys go: into a map (addPair), under an empty key (fillEmptyValue), or at the end of an empty file. */
interface Insertion {
  tree: Tree;
  changes: number[];
  /** The edits writing the whole tree there. */
  make(tree: Tree): TextEdit[] | undefined;
}

function listValue(items: readonly unknown[]): NewValue | undefined {
  if (items.every((i) => typeof i === 'string')) return { kind: 'strings', items: items as string[] };
  if (items.every((i) => isValueMap(i) && typeof i.name === 'string' && Object.keys(i).length === 1)) {
    return { kind: 'names', names: items.map((i) => (i as { name: string }).name) };
  }
  return undefined;
}

function newValue(value: unknown): NewValue | undefined {
  if (typeof value === 'string') return { kind: 'scalar', value };
  if (Array.isArray(value)) return listValue(value);
  if (value instanceof Map) {
    const entries: [string, NewValue][] = [];
    for (const [k, v] of value as Tree) {
      const nv = newValue(v);
      if (!nv) return undefined;
      entries.push([k, nv]);
    }
    return { kind: 'map', entries };
  }
  return undefined;
}

function treeOf(keys: readonly string[], value: unknown): Tree {
  const [first, ...rest] = keys as [string, ...string[]];
  return new Map([[first, rest.length === 0 ? value : treeOf(rest, value)]]);
}

function mergeTree(into: Tree, add: Tree): void {
  for (const [k, v] of add) {
    const have = into.get(k);
    if (have instanceof Map && v instanceof Map) mergeTree(have as Tree, v as Tree);
    else into.set(k, v);
  }
}

const isEmpty = (v: unknown): boolean => v === null || v === undefined || (isScalar(v) && (v.value === null || v.value === undefined));
const entryKey = (item: unknown): unknown => (isMap(item) ? (findPair(item, 'name')?.value as { value?: unknown } | undefined)?.value : isScalar(item) ? item.value : undefined);

/** Appends the entries of `items` missing from `seq`, in the style of its entries. */
function appendToList(text: string, seq: YAMLSeq, items: readonly unknown[]): TextEdit[] | undefined {
  const listed = new Set(seq.items.map(entryKey));
  const extra = items.filter((i) => !listed.has(isValueMap(i) ? i.name : i));
  if (extra.length === 0) return [];
  const value = listValue(extra);
  if (!value) return undefined;
  return value.kind === 'strings' ? appendStrings(text, seq, value.items) : value.kind === 'names' ? appendNames(text, seq, value.names) : undefined;
}

/**
 * Turns value changes into text splices of a values file, keeping everything else byte for
 * byte: a scalar is replaced in its quote style, list entries are appended in the style of the
 * list, missing keys are added as block lines under the deepest map that exists (changes below
 * one place are grouped, so a new map is written once). Anchors, aliases and merge keys on the
 * way are not edited through.
 */
export function editValues(text: string, changes: readonly ValueChange[]): ChangeEdit[] {
  const file = parseManifest('values', text);
  const doc = file.docs[0];
  const root = doc?.contents;
  const layout: Layout = isMap(root) ? detectLayout(text, root) : { indentUnit: 2, seqIndent: 2 };
  const out: ChangeEdit[] = changes.map((change) => ({ change, edits: [], at: 0 }));
  if (file.errors.length > 0 || file.docs.length > 1 || (root && !isMap(root) && !isEmpty(root))) {
    for (const c of out) c.problem = 'the values file is not one YAML map';
    return out;
  }
  const insertions = new Map<Node | Pair | 'end', Insertion>();
  const insert = (where: Node | Pair | 'end', keys: readonly string[], value: unknown, index: number, make: Insertion['make']): void => {
    const tree = treeOf(keys, value);
    const known = insertions.get(where);
    if (known) {
      mergeTree(known.tree, tree);
      known.changes.push(index);
    } else insertions.set(where, { tree, changes: [index], make });
  };
  changes.forEach((change, index) => {
    const result = out[index] as ChangeEdit;
    const fail = (problem: string, at: number): void => {
      result.problem = problem;
      result.at = at;
    };
    if (!isMap(root)) {
      insert('end', change.path, change.value, index, (tree) => {
        const eol = eolAt(text, 0);
        const lines: string[] = [];
        for (const [k, v] of tree) {
          const nv = newValue(v);
          if (!nv) return undefined;
          lines.push(...renderBlockPair(k, nv, 0, layout));
        }
        const lead = text === '' || text.endsWith('\n') ? '' : eol;
        return [{ start: text.length, end: text.length, text: lead + lines.join(eol) + eol }];
      });
      result.at = text.length;
      return;
    }
    let map: YAMLMap = root;
    for (const [depth, key] of change.path.entries()) {
      if (map.anchor || hasMergeKey(map)) return fail('a map on the way is anchored or uses a merge key (<<); set it by hand', map.range?.[0] ?? 0);
      const pair = findPair(map, key);
      const rest = change.path.slice(depth);
      if (!pair) {
        const where = map;
        insert(where, rest, change.value, index, (tree) => {
          const edits: TextEdit[] = [];
          for (const [k, v] of tree) {
            const nv = newValue(v);
            const e = nv && addPair(text, where, k, nv, [], layout);
            if (!e) return undefined;
            edits.push(...e);
          }
          return edits;
        });
        result.at = map.range?.[0] ?? 0;
        return;
      }
      const value = pair.value as Node | null;
      const at = (value as { range?: number[] } | null)?.range?.[0] ?? (pair.key as { range?: number[] }).range?.[0] ?? 0;
      if (depth === change.path.length - 1) {
        let edits: TextEdit[] | undefined;
        if (typeof change.value === 'string' && isScalar(value) && !value.anchor) edits = replaceScalar(value, change.value);
        else if (Array.isArray(change.value) && isSeq(value) && !value.anchor) edits = appendToList(text, value, change.value);
        else if (isEmpty(value)) {
          const v = newValue(change.value);
          edits = v && fillEmptyValue(text, pair, v, layout);
        }
        if (edits) {
          result.edits = edits;
          result.at = at;
        } else fail(`${key} is not a value privreg-fix can change here; set it by hand`, at);
        return;
      }
      if (isMap(value)) {
        map = value;
        continue;
      }
      if (isEmpty(value)) {
        insert(pair, change.path.slice(depth + 1), change.value, index, (tree) => {
          const nv = newValue(tree);
          return nv && fillEmptyValue(text, pair, nv, layout);
        });
        result.at = at;
        return;
      }
      return fail(`${key} is not a map; set it by hand`, at);
    }
  });
  for (const ins of insertions.values()) {
    const edits = ins.make(ins.tree);
    for (const i of ins.changes) {
      const result = out[i] as ChangeEdit;
      if (edits && edits.length > 0) result.edits = edits;
      else result.problem ??= 'the new key cannot be written here; set it by hand';
    }
  }
  return out;
}
