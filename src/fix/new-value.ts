import { formatScalar } from './scalar-format.js';

/**
 * A small value privreg-fix adds to a document: a string, a map of them, a list of names
 * (`- name: x` items) or of strings (`- x`, as Spark's `imagePullSecrets` takes them).
 */
export type NewValue =
  | { kind: 'scalar'; value: string }
  | { kind: 'map'; entries: [string, NewValue][] }
  | { kind: 'names'; names: string[] }
  | { kind: 'strings'; items: string[] };

/** Style hints for rendering. */
export interface RenderStyle {
  indentUnit: number;
  seqIndent: number;
  /** JSON-like flow collections (`{"name": "x"}`) quote every key and string. */
  json?: boolean;
}

const spaces = (n: number): string => ' '.repeat(n);

/** Renders `key: value` as block lines (without line breaks) with the key at column `col`. */
export function renderBlockPair(key: string, value: NewValue, col: number, style: RenderStyle): string[] {
  if (value.kind === 'scalar') return [`${spaces(col)}${key}: ${formatScalar(value.value)}`];
  return [`${spaces(col)}${key}:`, ...renderBlockChildren(value, col, style)];
}

/** Renders the nested lines of a map or list value whose key sits at column `col`. */
export function renderBlockChildren(value: NewValue, col: number, style: RenderStyle): string[] {
  if (value.kind === 'map') {
    return value.entries.flatMap(([k, v]) => renderBlockPair(k, v, col + style.indentUnit, style));
  }
  if (value.kind === 'names') {
    return value.names.map((n) => `${spaces(col + style.seqIndent)}- name: ${formatScalar(n)}`);
  }
  if (value.kind === 'strings') return value.items.map((s) => `${spaces(col + style.seqIndent)}- ${formatScalar(s)}`);
  return [];
}

/** Renders a value in flow style (`{a: b}`, `[{name: x}]`), JSON-quoted when asked. */
export function renderFlow(value: NewValue, json = false): string {
  const str = (s: string): string => (json ? JSON.stringify(s) : formatScalar(s));
  if (value.kind === 'scalar') return str(value.value);
  if (value.kind === 'map') return `{${value.entries.map(([k, v]) => `${str(k)}: ${renderFlow(v, json)}`).join(', ')}}`;
  if (value.kind === 'strings') return `[${value.items.map(str).join(', ')}]`;
  return `[${renderFlowNames(value.names, json)}]`;
}

/** Renders list items `{name: x}, {name: y}` for a flow sequence. */
export function renderFlowNames(names: readonly string[], json = false): string {
  const str = (s: string): string => (json ? JSON.stringify(s) : formatScalar(s));
  return names.map((n) => `{${str('name')}: ${str(n)}}`).join(', ');
}
