/**
 * Which kinds a CRD file defines and which it uses, so that a run can process its CRD files in
 * parallel (each knowing only its own CRDs) and then re-process the few whose objects depend on
 * another CRD file: the result is then the same whatever the order or the thread.
 */
import { isMap, isSeq, type YAMLMap } from 'yaml';
import { findPair } from '../fix/collection-edits.js';
import { groupKindKey } from '../kinds/api-version.js';
import { stringAt } from '../manifest/objects.js';
import type { ManifestFile } from '../manifest/parse.js';

/** What one CRD-bearing file defines and uses, as lower-case `group/Kind` keys. */
export interface CrdUsage {
  /** Kinds its CustomResourceDefinitions define. */
  defines: string[];
  /** Kinds of its objects (items of `List` kinds included). */
  uses: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The `group/Kind` key a decoded CRD defines (undefined when it names none). */
export function crdGroupKind(crd: unknown): string | undefined {
  const spec = isObject(crd) ? crd.spec : undefined;
  if (!isObject(spec) || typeof spec.group !== 'string') return undefined;
  const names = spec.names;
  if (!isObject(names) || typeof names.kind !== 'string') return undefined;
  return `${spec.group}/${names.kind}`.toLowerCase();
}

function addUse(map: YAMLMap, out: Set<string>): void {
  const apiVersion = stringAt(map, 'apiVersion');
  const kind = stringAt(map, 'kind');
  if (apiVersion !== undefined && kind !== undefined) out.add(groupKindKey(apiVersion, kind).toLowerCase());
  const items = findPair(map, 'items')?.value;
  if (isSeq(items)) for (const item of items.items) if (isMap(item)) addUse(item, out);
}

/** The `group/Kind` keys of the objects of a parsed file (see `CrdUsage.uses`). */
export function usedKinds(file: ManifestFile): string[] {
  const out = new Set<string>();
  for (const doc of file.docs) if (isMap(doc.contents)) addUse(doc.contents, out);
  return [...out];
}

/**
 * The CRD files (by their place in `usages`, in path order) whose first result may depend on the
 * CRDs of other files: those with an object of a kind that another CRD file defines, and those
 * defining a kind that an earlier file defines too (their CRD for it is not the one used, which
 * they report: see `duplicate-crds.ts`). Every other CRD file's result does not depend on which
 * other CRDs were known when it was processed.
 */
export function filesToRerun(usages: readonly CrdUsage[]): number[] {
  const definedBy = new Map<string, number[]>();
  usages.forEach((u, i) => {
    for (const key of u.defines) definedBy.set(key, [...(definedBy.get(key) ?? []), i]);
  });
  const out: number[] = [];
  usages.forEach((u, i) => {
    const usesOthers = u.uses.some((key) => (definedBy.get(key) ?? []).some((j) => j !== i));
    const redefines = u.defines.some((key) => (definedBy.get(key) ?? []).some((j) => j < i));
    if (usesOthers || redefines) out.push(i);
  });
  return out;
}

const DOC_START = /^---/m;
const TOP_API_VERSION = /^apiVersion:[ \t]*["']?([\w.-]+\.[\w.-]+)\/[\w.-]+/m;
const TOP_KIND = /^kind:[ \t]*["']?([\w.-]+)/m;

/**
 * Scheduling hints for a parallel run, from the text alone: the `group/Kind` of each top-level
 * object of a group with a dot, other than `*.k8s.io` (custom kinds, usually). Files that share
 * such a kind are best fixed by the same worker, which then compiles its schema once (see
 * `pickAffinity`). Only hints: results never depend on them.
 */
export function customKindsOf(text: string): string[] {
  const out = new Set<string>();
  for (const doc of text.split(DOC_START)) {
    const group = TOP_API_VERSION.exec(doc)?.[1];
    if (group === undefined || group.endsWith('.k8s.io')) continue;
    const kind = TOP_KIND.exec(doc)?.[1];
    if (kind !== undefined) out.add(`${group}/${kind}`.toLowerCase());
  }
  return [...out];
}

/** Of a file's custom kinds, the one most files use (`uses`: files per kind), as its hint. */
export function pickAffinity(kinds: readonly string[], uses: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  for (const k of kinds) if (best === undefined || (uses.get(k) ?? 0) > (uses.get(best) ?? 0)) best = k;
  return best;
}
