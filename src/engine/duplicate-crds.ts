/**
 * Two CustomResourceDefinitions for one group and kind (`duplicate-crd`). A run uses one of them
 * for everything, scope, pod templates and schemas alike: the first in path order (then document
 * order), which `KindRegistry.addCrdKind` picks whatever the order CRDs are learned in. Every
 * other one is reported where it is, naming the one used. (A cluster keeps one too: with the same
 * `metadata.name` the one applied last replaces the other; with another name the second is not
 * served, its `NamesAccepted` condition false.)
 */
import { createHash } from '../core/digest.js';
import { isMap, type Node, type YAMLMap, findPair } from '../yaml/nodes.js';
import type { KindRegistry } from '../kinds/registry.js';
import type { ManifestObject } from '../manifest/objects.js';
import type { RuleReport } from '../rules/rule.js';
import { crdKindOf } from '../validate/index.js';
import { documentData } from './doc-data.js';
import { suppressedRules } from '../rules/suppressions.js';

/** The rule id. */
export const DUPLICATE_CRD = 'duplicate-crd';

function rangeOf(node: unknown): { start: number; end: number } | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

/** The node naming a CRD's kind: `spec.names.kind`, else `metadata.name`, else the object. */
export function crdNameNode(root: YAMLMap): { start: number; end: number } {
  const spec = findPair(root, 'spec')?.value;
  const names = isMap(spec) ? findPair(spec, 'names')?.value : undefined;
  const kind = isMap(names) ? rangeOf(findPair(names, 'kind')?.value) : undefined;
  const meta = findPair(root, 'metadata')?.value;
  const name = isMap(meta) ? rangeOf(findPair(meta, 'name')?.value) : undefined;
  return kind ?? name ?? rangeOf(root) ?? { start: 0, end: 0 };
}

/**
 * A digest of the text of a CRD's `spec` (cheaper than of its data, and the same for the copies
 * that matter: one CRD vendored twice).
 */
export function specDigest(text: string, root: YAMLMap): string {
  const spec = rangeOf(findPair(root, 'spec')?.value);
  return createHash('sha256').update(spec ? text.slice(spec.start, spec.end) : '').digest('hex').slice(0, 32);
}

/**
 * `duplicate-crd` warnings for the CRDs of a file that are not the ones used for their kind.
 * `path` is the file's display path; CRDs learned from the single text of a run (no file) are
 * this file's.
 */
export function duplicateCrdReports(path: string, text: string, objects: readonly ManifestObject[], kinds: KindRegistry): RuleReport[] {
  const out: RuleReport[] = [];
  for (const object of objects) {
    if (object.ref.kind !== 'CustomResourceDefinition' || object.path.length > 0) continue;
    if (!object.ref.apiVersion.startsWith('apiextensions.k8s.io/')) continue;
    const data = documentData(object.doc);
    const groupKind = crdKindOf(data);
    const used = groupKind === undefined ? undefined : kinds.crdSource(groupKind);
    if (used?.documentIndex === undefined) continue;
    const usedFile = used.file ?? path;
    if (usedFile === path && used.documentIndex === object.ref.documentIndex) continue;
    const suppressed = suppressedRules(object);
    if (suppressed.has('all') || suppressed.has(DUPLICATE_CRD)) continue;
    const at = crdNameNode(object.node);
    const identical = used.digest === specDigest(text, object.node);
    out.push({
      ruleId: DUPLICATE_CRD,
      message: `CustomResourceDefinition for ${groupKind} defined twice: the one at ${usedFile}:${used.line ?? 1} comes first and is used (scope, pod templates, validation); this ${identical ? 'identical copy' : 'different one'} is ignored. ${identical ? 'Remove it' : 'Keep only one'}`,
      start: at.start,
      end: at.end,
      object: object.ref,
    });
  }
  return out;
}
