import { isMap } from 'yaml';
import { kindFromCrd } from '../kinds/crd-kinds.js';
import { stringAt } from '../manifest/objects.js';
import { parseManifest, type ManifestFile } from '../manifest/parse.js';
import { findTemplateMarker } from '../manifest/templates.js';
import { customResourceSchemas, type CustomResourceSchema } from '../validate/index.js';
import { crdGroupKind, usedKinds, type CrdUsage } from './crd-usage.js';
import { documentData } from './doc-data.js';
import type { Engine } from './fix-text.js';
import type { CustomKind, FixOptions } from './options.js';
import { detach } from '../manifest/detach.js';

const CRD_HINT = /^kind:\s*["']?CustomResourceDefinition\b/m;
const REGISTRY_SECRET_HINT = /kubernetes\.io\/docker(?:configjson|cfg)/;
/** A ServiceAccount (or a binding subject naming one), in block, flow or JSON style. */
const SERVICE_ACCOUNT_HINT = /kind["']?\s*:\s*["']?ServiceAccount\b/;

/** The run-wide engine plus an optional hook for CRDs (the validator's). */
export type LearningEngine = Engine & { onCrd?: (crd: unknown) => void };

/** Whether a text may define CustomResourceDefinitions (a cheap test before any parse). */
export function mayHoldCrds(text: string): boolean {
  return CRD_HINT.test(text);
}

/** The decoded CustomResourceDefinitions of a parsed file (none when it has errors). */
function crdData(file: ManifestFile): unknown[] {
  if (file.errors.length > 0) return [];
  const out: unknown[] = [];
  for (const doc of file.docs) {
    const root = doc.contents;
    if (isMap(root) && stringAt(root, 'kind') === 'CustomResourceDefinition') out.push(documentData(doc));
  }
  return out;
}

/**
 * Registers the CustomResourceDefinitions of a parsed file: their kinds and schemas. Returns
 * what the file defines and uses (see `filesToRerun`).
 */
export function learnCrds(file: ManifestFile, engine: LearningEngine): CrdUsage {
  const defines: string[] = [];
  for (const data of crdData(file)) {
    const kind = kindFromCrd(data);
    if (kind) engine.kinds.addCrdKind(kind);
    engine.onCrd?.(data);
    const key = crdGroupKind(data);
    if (key !== undefined) defines.push(key);
  }
  // Kept until the run ends: copied off the file's text (see `detach`).
  return detach({ defines, uses: usedKinds(file) });
}

/**
 * What one file's CRDs teach a run, as plain data another thread can learn from: the kinds in
 * order, and (when validating) their resources' schemas, without the CRDs' descriptions.
 */
export interface CrdBatch extends CrdUsage {
  kinds: CustomKind[];
  schemas: CustomResourceSchema[][];
}

/** The CRD knowledge of a parsed file; `withSchemas` false when nothing is validated. */
export function crdBatchOf(file: ManifestFile, withSchemas: boolean): CrdBatch {
  const batch: CrdBatch = { kinds: [], schemas: [], defines: [], uses: usedKinds(file) };
  for (const data of crdData(file)) {
    const kind = kindFromCrd(data);
    if (kind) batch.kinds.push(kind);
    if (withSchemas) batch.schemas.push(customResourceSchemas(data));
    const key = crdGroupKind(data);
    if (key !== undefined) batch.defines.push(key);
  }
  return batch;
}

/** Learns a batch from `crdBatchOf` (the same as `learnCrds` of the file it came from). */
export function learnCrdBatch(batch: CrdBatch, engine: Engine): void {
  for (const kind of batch.kinds) engine.kinds.addCrdKind(kind);
  for (const schemas of batch.schemas) engine.validation?.validator.addCustomResourceSchemas(schemas);
}

/**
 * The index part of the pre-pass over one file's text: records ServiceAccounts and registry
 * Secrets. Parses only texts that can hold something of interest, except in ServiceAccount
 * mode, which needs every pod's ServiceAccount. CRDs are learned when their file is fixed.
 */
export function learnIndex(text: string, options: FixOptions, engine: LearningEngine): void {
  const withPods = options.pullSecretsOn === 'serviceaccount';
  if (!withPods && !REGISTRY_SECRET_HINT.test(text) && !SERVICE_ACCOUNT_HINT.test(text)) return;
  const file = parseManifest('', text);
  if (file.errors.length > 0) return;
  // A template is left alone (`template-skipped`): the fix moves none of its ServiceAccounts.
  const moves = findTemplateMarker(text, file.docs, false) === undefined;
  engine.index.add(file, options, engine.kinds, withPods, moves);
}

/** Learns everything one text can teach the run: CRDs, then the index (for single texts). */
export function learnInput(text: string, options: FixOptions, engine: LearningEngine): void {
  if (mayHoldCrds(text)) learnCrds(parseManifest('', text), engine);
  learnIndex(text, options, engine);
}
