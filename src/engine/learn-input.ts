import { isMap } from 'yaml';
import { kindFromCrd } from '../kinds/crd-kinds.js';
import { stringAt } from '../manifest/objects.js';
import { parseManifest, type ManifestFile } from '../manifest/parse.js';
import type { Engine } from './fix-text.js';
import type { FixOptions } from './options.js';

const CRD_HINT = /^kind:\s*["']?CustomResourceDefinition\b/m;
const REGISTRY_SECRET_HINT = /kubernetes\.io\/docker(?:configjson|cfg)/;

/** The run-wide engine plus an optional hook for CRDs (the validator's). */
export type LearningEngine = Engine & { onCrd?: (crd: unknown) => void };

/** Whether a text may define CustomResourceDefinitions (a cheap test before any parse). */
export function mayHoldCrds(text: string): boolean {
  return CRD_HINT.test(text);
}

/** Registers the CustomResourceDefinitions of a parsed file: their kinds and schemas. */
export function learnCrds(file: ManifestFile, engine: LearningEngine): void {
  if (file.errors.length > 0) return;
  for (const doc of file.docs) {
    const root = doc.contents;
    if (!isMap(root) || stringAt(root, 'kind') !== 'CustomResourceDefinition') continue;
    const data = doc.toJS() as unknown;
    const kind = kindFromCrd(data);
    if (kind) engine.kinds.addCrdKind(kind);
    engine.onCrd?.(data);
  }
}

/**
 * The index part of the pre-pass over one file's text: records ServiceAccounts and registry
 * Secrets. Parses only texts that can hold something of interest, except in ServiceAccount
 * mode, which needs every pod's ServiceAccount. CRDs are learned when their file is fixed.
 */
export function learnIndex(text: string, options: FixOptions, engine: LearningEngine): void {
  const withPods = options.pullSecretsOn === 'serviceaccount';
  if (!withPods && !REGISTRY_SECRET_HINT.test(text)) return;
  const file = parseManifest('', text);
  if (file.errors.length === 0) engine.index.add(file, options, engine.kinds, withPods);
}

/** Learns everything one text can teach the run: CRDs, then the index (for single texts). */
export function learnInput(text: string, options: FixOptions, engine: LearningEngine): void {
  if (mayHoldCrds(text)) learnCrds(parseManifest('', text), engine);
  learnIndex(text, options, engine);
}
