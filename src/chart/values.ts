import type { Subchart } from './chart-files.js';

/** A values tree (what `values.yaml` decodes to). */
export type Values = Record<string, unknown>;

/** A key path into values, e.g. `['worker', 'image', 'repository']`. */
export type ValuePath = readonly string[];

/** One value to set: the leaf at `path` becomes `value` (maps above it are merged, as Helm does). */
export interface ValueChange {
  path: ValuePath;
  value: unknown;
}

/** Whether a value is a map (not a list, not null). */
export function isValueMap(v: unknown): v is Values {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Helm's coalescing of values: maps merge key by key, anything else in `over` replaces what is
 * in `base`, and a `null` in `over` removes the key.
 */
export function mergeValues(base: unknown, over: unknown): unknown {
  if (!isValueMap(base) || !isValueMap(over)) return over === undefined ? base : over;
  const out: Values = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === null) delete out[k];
    else out[k] = mergeValues(base[k], v);
  }
  return out;
}

/** A subchart's values as its templates see them: its defaults with its own subcharts'. */
function subchartValues(sub: Subchart): Values {
  const own = isValueMap(sub.values) ? sub.values : {};
  return withSubcharts(own, sub.subcharts);
}

/**
 * Values with the defaults of vendored subcharts coalesced in, as Helm does before rendering:
 * each subchart's defaults under its key (the parent's values win), and their `global`
 * defaults under the parent's `global`.
 */
export function withSubcharts(values: Values, subcharts: readonly Subchart[]): Values {
  let out: Values = { ...values };
  for (const sub of subcharts) {
    const { global, ...rest } = subchartValues(sub);
    out[sub.key] = mergeValues(rest, out[sub.key]);
    if (isValueMap(global)) out = { ...out, global: mergeValues(global, out.global) };
  }
  return out;
}

/** The value at `path`, undefined when any part is missing. */
export function getValue(values: unknown, path: ValuePath): unknown {
  let at = values;
  for (const key of path) {
    if (!isValueMap(at)) return undefined;
    at = at[key];
  }
  return at;
}

/** A values tree holding the changes (as a `-f` file layered last would). */
export function overlayOf(changes: readonly ValueChange[]): Values {
  const out: Values = {};
  for (const { path, value } of changes) {
    let at = out;
    path.forEach((key, i) => {
      if (i === path.length - 1) at[key] = value;
      else {
        if (!isValueMap(at[key])) at[key] = {};
        at = at[key] as Values;
      }
    });
  }
  return out;
}

/** `a.b.c` for messages. */
export function pathText(path: ValuePath): string {
  return path.map((k) => (/^[A-Za-z_][\w-]*$/.test(k) ? k : JSON.stringify(k))).join('.');
}
