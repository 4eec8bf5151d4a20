/**
 * Turns ajv's errors (run with `allErrors`) into one clear error per problem, worded like the
 * API server would mean it: a wrong value gets one message (type, then enum, then the first
 * failed format/pattern/length/bound), an unknown field points at its key with a "did you mean",
 * and a failed `anyOf`/`oneOf` reports the branch that came closest instead of every branch.
 */
import type { ErrorObject } from 'ajv';
import { closestField, describeValue, orList } from './describe.js';
import { formatProblem } from './formats.js';

/** One segment of a path into a decoded value: a map key or a sequence index. */
export type PathSegment = string | number;

/**
 * A problem found in a decoded value. `unknown`: `path` ends at an unknown key (point at the
 * key); `required`: `path` ends at a missing field (point at the map that lacks it); `value`:
 * the value at `path` is wrong.
 */
export interface RawError {
  kind: 'unknown' | 'required' | 'value';
  path: PathSegment[];
  message: string;
}

/** The field names allowed in the object at `path` (for "did you mean"), when known. */
export type KnownFields = (path: readonly PathSegment[]) => Iterable<string> | undefined;

/** Keywords about one value of which only the first failed one (in this order) is reported. */
const VALUE_KEYWORDS = [
  'type',
  'enum',
  'const',
  'format',
  'pattern',
  'maxLength',
  'minLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
];
const JUNCTORS = new Set(['anyOf', 'oneOf', 'not']);

function at(root: unknown, path: readonly PathSegment[]): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

/** `/spec/containers/0/name` -> `['spec', 'containers', 0, 'name']` (indices where `root` has arrays). */
export function pointerToPath(pointer: string, root: unknown): PathSegment[] {
  const path: PathSegment[] = [];
  if (pointer === '') return path;
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment: PathSegment = Array.isArray(current) ? Number(key) : key;
    path.push(segment);
    current = current === null || typeof current !== 'object' ? undefined : (current as Record<PathSegment, unknown>)[segment];
  }
  return path;
}

function isWithin(error: ErrorObject, junction: ErrorObject): boolean {
  return (
    error !== junction &&
    error.schemaPath.startsWith(`${junction.schemaPath}/`) &&
    (error.instancePath === junction.instancePath || error.instancePath.startsWith(`${junction.instancePath}/`))
  );
}

function describeJunction(junction: ErrorObject, branches: ErrorObject[], errors: readonly ErrorObject[]): ErrorObject[] {
  const params = junction.params as { passingSchemas?: unknown };
  if (junction.keyword === 'not') return [junction];
  if (junction.keyword === 'oneOf' && Array.isArray(params.passingSchemas)) return [junction];
  const byBranch = new Map<string, ErrorObject[]>();
  for (const e of branches) {
    const index = e.schemaPath.slice(junction.schemaPath.length + 1).split('/')[0] ?? '';
    byBranch.set(index, [...(byBranch.get(index) ?? []), e]);
  }
  const ranked = [...byBranch.values()].map((list) => toProblems(list, errors));
  const closest = ranked.reduce<ErrorObject[] | undefined>((best, r) => (best === undefined || r.length < best.length ? r : best), undefined);
  if (closest !== undefined && closest.length === 1) return closest;
  return [{ ...junction, params: { ...junction.params, branches: byBranch.size } }];
}

/** Drops ajv's duplicates and the errors hidden by another one; keeps ajv's order. */
function toProblems(list: readonly ErrorObject[], all: readonly ErrorObject[]): ErrorObject[] {
  const junctions = list.filter((e) => JUNCTORS.has(e.keyword) && !list.some((j) => JUNCTORS.has(j.keyword) && isWithin(e, j)));
  const inBranch = (e: ErrorObject): boolean => junctions.some((j) => isWithin(e, j));
  const plain = list.filter((e) => !JUNCTORS.has(e.keyword) && !inBranch(e));
  const firstValueError = new Map<string, ErrorObject>();
  for (const e of plain) {
    const rank = VALUE_KEYWORDS.indexOf(e.keyword);
    if (rank < 0) continue;
    const current = firstValueError.get(e.instancePath);
    if (current === undefined || rank < VALUE_KEYWORDS.indexOf(current.keyword)) firstValueError.set(e.instancePath, e);
  }
  const out: ErrorObject[] = [];
  const seen = new Set<string>();
  for (const e of list) {
    if (JUNCTORS.has(e.keyword) && junctions.includes(e)) {
      // Like the API server's order of checks: alternatives only matter for an otherwise valid value.
      const below = plain.some((p) => p.instancePath === e.instancePath || p.instancePath.startsWith(`${e.instancePath}/`));
      if (!below) out.push(...describeJunction(e, list.filter((b) => isWithin(b, e)), all));
      continue;
    }
    if (!plain.includes(e)) continue;
    if (VALUE_KEYWORDS.includes(e.keyword) && firstValueError.get(e.instancePath) !== e) continue;
    const id = `${e.keyword}\0${e.instancePath}\0${JSON.stringify(e.params)}`;
    if (!seen.has(id)) out.push(e);
    seen.add(id);
  }
  return out;
}

function firstDuplicate(items: unknown): number {
  if (!Array.isArray(items)) return 0;
  const seen = items.map((v) => JSON.stringify(v));
  return seen.findIndex((s, i) => seen.indexOf(s) !== i);
}

function toRawError(error: ErrorObject, data: unknown, knownFields: KnownFields | undefined): RawError | undefined {
  const path = pointerToPath(error.instancePath, data);
  const value = at(data, path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const name = String(params.missingProperty);
      return { kind: 'required', path: [...path, name], message: `required field "${name}" is missing` };
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = knownFields?.(path);
      const suggestion = known === undefined ? undefined : closestField(key, known);
      const hint = suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
      return { kind: 'unknown', path: [...path, key], message: `unknown field "${key}"${hint}` };
    }
    case 'uniqueItems':
      return { kind: 'value', path: [...path, firstDuplicate(value)], message: 'duplicate item' };
    case 'anyOf':
    case 'oneOf': {
      const passing = params.passingSchemas;
      const message = Array.isArray(passing)
        ? `must match exactly one of the allowed forms, matches ${passing.length}`
        : `must match one of the ${String(params.branches)} allowed forms`;
      return { kind: 'value', path, message };
    }
    case 'not':
      return { kind: 'value', path, message: 'must not match the forbidden form' };
    default:
      // A null (map value, array item) is decoded as the zero value by the API server: never wrong.
      if (value === null || value === undefined) return undefined;
      return { kind: 'value', path, message: `${describeProblem(error.keyword, params)}, got ${gotOf(error.keyword, value)}` };
  }
}

/** How the found value reads after "got": a count for item/field bounds, else the value. */
function gotOf(keyword: string, value: unknown): string {
  if (keyword === 'minItems' || keyword === 'maxItems') return String(Array.isArray(value) ? value.length : 0);
  if (keyword === 'minProperties' || keyword === 'maxProperties')
    return String(typeof value === 'object' && value !== null ? Object.keys(value).length : 0);
  if (keyword === 'multipleOf') return String(value);
  return describeValue(value);
}

function describeProblem(keyword: string, params: Record<string, unknown>): string {
  switch (keyword) {
    case 'type':
      return `must be ${orList(Array.isArray(params.type) ? params.type.map(String) : String(params.type).split(','))}`;
    case 'enum':
      return `must be one of ${Array.isArray(params.allowedValues) ? params.allowedValues.map((v) => JSON.stringify(v)).join(', ') : ''}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'format':
      return formatProblem(String(params.format));
    case 'pattern':
      return `must match the pattern ${String(params.pattern)}`;
    case 'maxLength':
      return `must be at most ${String(params.limit)} characters long`;
    case 'minLength':
      return `must be at least ${String(params.limit)} characters long`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(params.comparison)} ${String(params.limit)}`;
    case 'multipleOf':
      return `must be a multiple of ${String(params.multipleOf)}`;
    case 'minItems':
      return `must have at least ${String(params.limit)} items`;
    case 'maxItems':
      return `must have at most ${String(params.limit)} items`;
    case 'minProperties':
      return `must have at least ${String(params.limit)} fields`;
    case 'maxProperties':
      return `must have at most ${String(params.limit)} fields`;
    default:
      return `must satisfy "${keyword}"`;
  }
}

/**
 * The problems in ajv's errors for `data` (the null-free copy that was validated, defaults
 * filled in), one per problem, in ajv's order.
 */
export function toRawErrors(errors: readonly ErrorObject[], data: unknown, knownFields?: KnownFields): RawError[] {
  const out: RawError[] = [];
  for (const error of toProblems(errors, errors)) {
    const raw = toRawError(error, data, knownFields);
    if (raw !== undefined) out.push(raw);
  }
  return out;
}
