import { isAlias, isMap, isScalar, isSeq, type Pair, type YAMLMap, type YAMLSeq, findPair } from '../yaml/nodes.js';
import type { TextEdit } from '../core/types.js';
import { addPair, appendNames, appendStrings, fillEmptyValue } from '../fix/collection-edits.js';
import type { NewValue } from '../fix/new-value.js';
import { sharedReason } from '../yaml/aliases.js';
import type { RuleContext } from './rule.js';

/** Names listed in an imagePullSecrets sequence: `{name: x}` items, or plain `x` items. */
export function listedNames(seq: YAMLSeq): Set<string> {
  const names = new Set<string>();
  for (const item of seq.items) {
    const name = isMap(item) ? findPair(item, 'name')?.value : item;
    if (isScalar(name) && typeof name.value === 'string') names.add(name.value);
  }
  return names;
}

/** Where an `imagePullSecrets` list lives and what must be in it. */
export interface PullSecretTarget {
  /** The map holding (or to hold) `imagePullSecrets`: a pod spec or a ServiceAccount. */
  map: YAMLMap;
  /** Data path of that map from the document root. */
  path: (string | number)[];
  /** Field path of that map for messages, e.g. `spec.template.spec`. */
  fieldPath: string;
  /** Keys after which a new `imagePullSecrets` key goes, in order of preference. */
  after: readonly string[];
  /** What holds the list, for messages: `Deployment "web" pod spec (spec.template.spec)`. */
  label: string;
  /** The list takes plain names (`- x`), not `{name: x}` items. */
  plain?: boolean;
}

/**
 * Reports `missing-pull-secret` when `target.map` does not list every `wanted` secret, with a
 * fix that appends the missing ones (creating or filling the key as needed), or without a fix
 * when the list cannot be extended safely (an alias, an anchor, not a list).
 */
export function ensurePullSecrets(ctx: RuleContext, target: PullSecretTarget, wanted: readonly string[]): void {
  if (wanted.length === 0) return;
  const { ref } = ctx.object;
  const pair = findPair(target.map, 'imagePullSecrets');
  const value = pair?.value;
  let missing = [...new Set(wanted)];
  let existing: unknown[] = [];
  let fix: TextEdit[] | undefined;
  let at = target.map.range;
  let why: string | undefined;
  if (!pair) {
    fix = addPair(ctx.text, target.map, 'imagePullSecrets', namesValue(missing, target.plain), target.after, ctx.layout());
  } else if (isScalar(value) && value.value === null) {
    why = sharedReason(ctx.object.doc, ctx.text, value);
    fix = why ? undefined : fillEmptyValue(ctx.text, pair as Pair, namesValue(missing, target.plain), ctx.layout());
    at = value.range ?? at;
  } else if (isSeq(value) && !value.anchor) {
    const listed = listedNames(value);
    missing = missing.filter((n) => !listed.has(n));
    if (missing.length === 0) return;
    existing = value.toJS(ctx.object.doc) as unknown[];
    fix = target.plain ? appendStrings(ctx.text, value, missing) : appendNames(ctx.text, value, missing);
    at = value.range ?? at;
  } else {
    if (isSeq(value) && listedNamesAll(value, missing)) return;
    at = (isAlias(value) ? value.range : (value as { range?: typeof at } | null)?.range) ?? at;
  }
  const list = missing.map((n) => `"${n}"`).join(', ');
  const base = `${target.label} is missing imagePullSecrets ${list}`;
  ctx.report({
    message: fix ? base : `${base}; ${why ? `imagePullSecrets ${why}: add them by hand` : 'imagePullSecrets is not a list that can be extended automatically'}`,
    start: at?.[0] ?? 0,
    end: at?.[1] ?? 0,
    fieldPath: `${target.fieldPath}.imagePullSecrets`,
    ...(fix
      ? {
          fix,
          patches: [{
            documentIndex: ref.documentIndex,
            path: [...target.path, 'imagePullSecrets'],
            value: [...existing, ...missing.map((name) => (target.plain ? name : { name }))],
          }],
        }
      : {}),
  });
}

function listedNamesAll(seq: YAMLSeq, names: readonly string[]): boolean {
  const listed = listedNames(seq);
  return names.every((n) => listed.has(n));
}

/** The `imagePullSecrets` value for `names`: `{name: x}` items, or plain `x` items. */
export function namesValue(names: string[], plain = false): NewValue {
  return plain ? { kind: 'strings', items: names } : { kind: 'names', names };
}
