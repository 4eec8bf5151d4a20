/** Maps a path into a decoded value back to the YAML node it came from, and names it. */
import { isAlias, isMap, isPair, isScalar, isSeq, type Node } from '../yaml/nodes.js';
import type { PathSegment, RawError } from './ajv-errors.js';

/** An offset range in the file text. */
export interface TextRange {
  start: number;
  end: number;
}

const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Formats a path the way Kubernetes names fields: `spec.containers[0].ports[0].containerPort`,
 * with map keys that are not plain identifiers in brackets (`metadata.labels[app.kubernetes.io/name]`).
 */
export function formatFieldPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (SIMPLE_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${segment}]`;
  }
  return out;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return undefined;
}

function rangeOf(node: { range?: [number, number, number] | null } | null | undefined): TextRange | undefined {
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

interface Step {
  /** The node holding the value at this depth. */
  value: Node | undefined;
  /** The key node of the pair that holds it, for map entries. */
  key: Node | undefined;
}

/** Follows `path` from `root`; returns one step per segment reached (stops where the YAML ends). */
function follow(root: Node, path: readonly PathSegment[]): Step[] {
  const steps: Step[] = [];
  let current: unknown = root;
  for (const segment of path) {
    // An alias points at an anchor elsewhere; its own range is the best place to point at.
    if (isAlias(current)) break;
    let next: Step | undefined;
    if (isMap(current)) {
      // The last pair wins, like the decoder (only reachable when duplicate keys were allowed).
      for (let i = current.items.length - 1; i >= 0; i--) {
        const pair = current.items[i];
        if (isPair(pair) && keyText(pair.key) === String(segment)) {
          next = { value: (pair.value ?? undefined) as Node | undefined, key: pair.key as Node };
          break;
        }
      }
    } else if (isSeq(current) && typeof segment === 'number') {
      const item = current.items[segment];
      if (item !== undefined) next = { value: item as Node, key: undefined };
    }
    if (next === undefined) break;
    steps.push(next);
    current = next.value;
  }
  return steps;
}

/**
 * The text range an error points at: the unknown key itself, the map that lacks a required
 * field, or the wrong value; when the YAML has no node there (merge keys, aliases, a `key:`
 * with no value) the nearest node above it.
 */
export function locateError(root: Node, error: RawError): TextRange {
  const target = error.kind === 'required' ? error.path.slice(0, -1) : error.path;
  const steps = follow(root, target);
  const reached = steps.length === target.length;
  const last = steps[steps.length - 1];
  if (reached && last !== undefined) {
    if (error.kind === 'unknown') return rangeOf(last.key) ?? rangeOf(last.value) ?? rangeOf(root) ?? { start: 0, end: 0 };
    // A key with an empty value (`selector:`) has a zero-length value node: point at the key.
    const valueRange = rangeOf(last.value);
    if (valueRange !== undefined && valueRange.end > valueRange.start) return valueRange;
    return rangeOf(last.key) ?? valueRange ?? rangeOf(root) ?? { start: 0, end: 0 };
  }
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i];
    const range = rangeOf(step?.value) ?? rangeOf(step?.key);
    if (range !== undefined && range.end > range.start) return range;
  }
  return rangeOf(root) ?? { start: 0, end: 0 };
}
