import { isMap } from '../yaml/nodes.js';
import { kindFromCrd } from '../kinds/crd-kinds.js';
import type { CrdSource } from '../kinds/registry.js';
import { findObjects, stringAt } from '../manifest/objects.js';
import { parseManifest, type ManifestFile } from '../yaml/parse.js';
import { createPositionMapper, type PositionMapper } from '../yaml/positions.js';
import { crdKindOf, customResourceSchemas, type CustomResourceSchema } from '../validate/index.js';
import { crdNameNode, specDigest } from './duplicate-crds.js';
import { findTemplateMarker } from '../manifest/templates.js';
import { documentData } from './doc-data.js';
import type { Engine } from './fix-text.js';
import type { CustomKind, FixOptions } from '../core/options.js';
import { addToIndex } from '../rules/input-index.js';
import { mayHoldCrds } from './input-hints.js';

const REGISTRY_SECRET_HINT = /kubernetes\.io\/docker(?:configjson|cfg)/;
/** A ServiceAccount (or a binding subject naming one), in block, flow or JSON style. */
const SERVICE_ACCOUNT_HINT = /kind["']?\s*:\s*["']?ServiceAccount\b/;

/** The run-wide engine (the CRDs it learns reach its kinds and its validator). */
export type LearningEngine = Engine;

export { mayHoldCrds };

/**
 * What one CRD teaches a run, as plain data another thread can learn from: its kind, where it
 * was found (which decides which of two CRDs for one kind is used), and (when validating) its
 * resources' schemas, without the CRD's descriptions.
 */
export interface LearnedCrd {
  /** `group/Kind` as written in the CRD. */
  groupKind: string;
  kind: CustomKind;
  source: CrdSource;
  schemas?: CustomResourceSchema[];
}

/** The CRD knowledge of one file, in document order. */
export interface CrdBatch {
  crds: LearnedCrd[];
}

/**
 * The CRDs of a parsed file (none when it has errors). `fileRank` is the file's place in path
 * order among the run's CRD files; `withSchemas` false when nothing is validated.
 */
export function crdBatchOf(file: ManifestFile, fileRank: number, withSchemas: boolean): CrdBatch {
  const batch: CrdBatch = { crds: [] };
  if (file.errors.length > 0) return batch;
  let lines: PositionMapper | undefined;
  file.docs.forEach((doc, documentIndex) => {
    const root = doc.contents;
    if (!isMap(root) || stringAt(root, 'kind') !== 'CustomResourceDefinition') return;
    const data = documentData(doc);
    const kind = kindFromCrd(data);
    const groupKind = crdKindOf(data);
    if (groupKind === undefined) return;
    if (!kind) return;
    lines ??= createPositionMapper(file.text);
    const source: CrdSource = { rank: [0, fileRank, documentIndex], documentIndex, line: lines.positionAt(crdNameNode(root).start).line, digest: specDigest(file.text, root) };
    if (file.path !== '') source.file = file.path;
    batch.crds.push(withSchemas ? { groupKind, kind, source, schemas: customResourceSchemas(data) } : { groupKind, kind, source });
  });
  return batch;
}

/**
 * Teaches an engine one CRD: its kind and, when it is the one used for its kind (see
 * `KindRegistry.addCrdKind`), its schemas. Kinds and schemas thus always come from one CRD.
 */
export function learnCrd(engine: Engine, crd: LearnedCrd, owned = false): void {
  if (engine.kinds.addCrdKind(crd.kind, crd.source)) engine.validation?.validator.setCustomResourceSchemas(crd.groupKind, crd.schemas ?? [], owned);
}

/** Learns a batch from `crdBatchOf`; `owned`: the batch may be kept as it is (see `setCustomResourceSchemas`). */
export function learnCrdBatch(batch: CrdBatch, engine: Engine, owned = false): void {
  for (const crd of batch.crds) learnCrd(engine, crd, owned);
}

/**
 * Whether a parsed file's result cannot depend on CRDs other than the ones already learned:
 * every object in it is of a built-in kind (a CustomResourceDefinition is one), whose scope, pod
 * specs and schema no CRD changes. A file that does not parse is never fixed: it qualifies too.
 */
export function usesBuiltinKindsOnly(file: ManifestFile, engine: Engine, options: FixOptions): boolean {
  if (file.errors.length > 0) return true;
  return findObjects(file.docs).every((o) => engine.kinds.lookup(o.ref.apiVersion, o.ref.kind, options.kinds).source === 'builtin');
}

/**
 * The index part of the pre-pass over one file's text: records ServiceAccounts and registry
 * Secrets. Parses only texts that can hold something of interest, except in ServiceAccount
 * mode, which needs every pod's ServiceAccount. CRDs are learned apart (see `crdBatchOf`).
 */
export function learnIndex(text: string, options: FixOptions, engine: LearningEngine, parse = (): ManifestFile => parseManifest('', text)): void {
  const withPods = options.pullSecretsOn === 'serviceaccount';
  if (!withPods && !REGISTRY_SECRET_HINT.test(text) && !SERVICE_ACCOUNT_HINT.test(text)) return;
  const file = parse();
  if (file.errors.length > 0) return;
  // A template is left alone (`template-skipped`): the fix moves none of its ServiceAccounts.
  const moves = findTemplateMarker(text, file.docs, false) === undefined;
  addToIndex(engine.index, file, options, engine.kinds, withPods, moves);
}

/**
 * Learns everything one text can teach the run: CRDs, then the index (for single texts). The
 * text is parsed at most once, by `parse` (by default without a file name, as CRDs of a single
 * text are named by no file).
 */
export function learnInput(text: string, options: FixOptions, engine: LearningEngine, parse = (): ManifestFile => parseManifest('', text)): void {
  let parsed: ManifestFile | undefined;
  const once = (): ManifestFile => (parsed ??= parse());
  if (mayHoldCrds(text)) learnCrdBatch(crdBatchOf(once(), 0, engine.validation !== undefined), engine);
  learnIndex(text, options, engine, once);
}
