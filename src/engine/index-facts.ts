import type { InputIndex, InputIndexData } from '../rules/input-index.js';

/** What one file adds to the run's `InputIndex`, as JSON (sorted: a stable digest too). */
export interface IndexFacts {
  serviceAccounts: string[];
  serviceAccountNeeds: [string, string[]][];
  registrySecrets: [string, string[]][];
  movedServiceAccounts: [string, string[]][];
}

const pairs = (m: ReadonlyMap<string, ReadonlySet<string>>): [string, string[]][] =>
  [...m].map(([k, v]): [string, string[]] => [k, [...v].sort()]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

/** The facts of an index as JSON. */
export function factsOf(data: InputIndexData): IndexFacts {
  return {
    serviceAccounts: [...data.serviceAccounts].sort(),
    serviceAccountNeeds: pairs(data.serviceAccountNeeds),
    registrySecrets: pairs(data.registrySecrets),
    movedServiceAccounts: pairs(data.movedServiceAccounts),
  };
}

function isPairs(v: unknown): v is [string, string[]][] {
  return Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && Array.isArray(p[1]) && p[1].every((s) => typeof s === 'string'));
}

/** Whether a value read from a cache file has the shape of `IndexFacts`. */
export function isIndexFacts(v: unknown): v is IndexFacts {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Partial<IndexFacts>;
  return Array.isArray(f.serviceAccounts) && f.serviceAccounts.every((s) => typeof s === 'string')
    && isPairs(f.serviceAccountNeeds) && isPairs(f.registrySecrets) && isPairs(f.movedServiceAccounts);
}

function mergeInto(map: Map<string, Set<string>>, entries: readonly [string, string[]][]): void {
  for (const [k, values] of entries) {
    let set = map.get(k);
    if (!set) map.set(k, (set = new Set()));
    for (const v of values) set.add(v);
  }
}

/** Adds one file's facts to the run's index (what `InputIndex.add` of that file would add). */
export function mergeFacts(index: InputIndex, facts: IndexFacts): void {
  for (const sa of facts.serviceAccounts) index.serviceAccounts.add(sa);
  mergeInto(index.serviceAccountNeeds, facts.serviceAccountNeeds);
  mergeInto(index.registrySecrets, facts.registrySecrets);
  mergeInto(index.movedServiceAccounts, facts.movedServiceAccounts);
}
