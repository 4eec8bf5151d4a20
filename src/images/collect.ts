import { isMap, type Scalar } from '../yaml/nodes.js';
import { resolveFileOptions } from '../config/resolve.js';
import type { ConfigFile } from '../config/types.js';
import { documentData } from '../engine/doc-data.js';
import { mayHoldCrds } from '../engine/learn-input.js';
import type { FixOptions } from '../core/options.js';
import { suppressedRules } from '../rules/suppressions.js';
import type { DiscoveredFile } from '../io/discover.js';
import { readText, ReadError } from '../io/read-text.js';
import { kindFromCrd } from '../kinds/crd-kinds.js';
import { KindRegistry } from '../kinds/registry.js';
import { findObjects, stringAt, type ManifestObject } from '../manifest/objects.js';
import { parseManifest } from '../yaml/parse.js';
import { createPositionMapper, type PositionMapper } from '../yaml/positions.js';
import { findTemplateMarker } from '../manifest/templates.js';
import { objectPodSpecs } from '../kinds/pod-data.js';
import { fieldImages, imageAfterFix, podImages } from '../rules/pod-images.js';
import { InventoryBuilder, type Inventory } from './inventory.js';

/** What decides the destinations: the config file and the flags, as for the main command. */
export interface CollectSettings {
  config: ConfigFile | undefined;
  flags: Partial<FixOptions>;
}

/** Reads a file for the inventory; undefined (with a problem recorded) when it cannot be read. */
async function readFor(file: DiscoveredFile, builder: InventoryBuilder): Promise<string | undefined> {
  try {
    return await readText(file.absolute);
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    builder.problems.push({ file: file.display, message: `cannot read: ${e.message}` });
    return undefined;
  }
}

/** Learns the kinds of CustomResourceDefinitions in the input (their pod-spec paths). */
async function learnKinds(files: readonly DiscoveredFile[], kinds: KindRegistry): Promise<void> {
  for (const f of files) {
    const text = await readText(f.absolute).catch(() => undefined);
    if (text === undefined || !mayHoldCrds(text)) continue;
    const parsed = parseManifest(f.display, text);
    if (parsed.errors.length > 0) continue;
    for (const doc of parsed.docs) {
      const root = doc.contents;
      if (!isMap(root) || stringAt(root, 'kind') !== 'CustomResourceDefinition') continue;
      const kind = kindFromCrd(documentData(doc));
      if (kind) kinds.addCrdKind(kind);
    }
  }
}

/**
 * The image inventory of `files`: every image of every pod spec (containers, init and
 * ephemeral containers, image volumes) of every kind privreg-fix knows, and the image fields
 * of well-known custom resources, each with the value `--write` gives it under the same
 * config and flags. Files that are not YAML, or are templates, are listed as problems.
 */
export async function collectImages(files: readonly DiscoveredFile[], settings: CollectSettings): Promise<Inventory> {
  const builder = new InventoryBuilder();
  const kinds = new KindRegistry();
  await learnKinds(files, kinds);
  for (const f of files) {
    const text = await readFor(f, builder);
    if (text === undefined) continue;
    builder.files++;
    const parsed = parseManifest(f.display, text);
    const mapper = createPositionMapper(text);
    const firstError = parsed.errors[0];
    if (firstError) {
      builder.problems.push({ file: f.display, message: `invalid YAML (${firstError.message}); its images are not listed`, startPos: mapper.positionAt(firstError.start) });
      continue;
    }
    const marker = findTemplateMarker(text, parsed.docs, false);
    if (marker) {
      builder.problems.push({ file: f.display, message: 'template syntax ({{ }}): render the chart first; its images are not listed', startPos: mapper.positionAt(marker.start) });
      continue;
    }
    const options = resolveFileOptions(settings.config, settings.flags, f.absolute);
    for (const object of findObjects(parsed.docs)) collectObject(object, options, kinds, mapper, f.display, builder);
  }
  return builder.build();
}

function collectObject(object: ManifestObject, options: FixOptions, kinds: KindRegistry, mapper: PositionMapper, file: string, builder: InventoryBuilder): void {
  const suppressed = suppressedRules(object);
  // The destination is what `--write` produces: nothing moves where the rewrite is turned off.
  const rewrites = !suppressed.has('all') && !suppressed.has('image-not-from-registry') && options.rules['image-not-from-registry'] !== 'off';
  const add = (node: Scalar, fieldPath: string): void => {
    const value = node.value as string;
    const rewritten = rewrites && !node.anchor ? imageAfterFix(value, options) : value;
    const [start, end] = node.range ?? [0, 0];
    builder.add({ file, start, end, startPos: mapper.positionAt(start), endPos: mapper.positionAt(end), fieldPath: `${object.fieldPrefix}${fieldPath}`, object: object.ref, value, rewritten });
  };
  const { apiVersion, kind } = object.ref;
  const info = kinds.lookup(apiVersion, kind, options.kinds);
  // The same places the rewrite rule reads: pod specs (free-form parts of CRDs included) and the
  // kind's image fields (the operators' tables in kinds/).
  const seen = new Set<Scalar>();
  for (const spec of objectPodSpecs(object.node, info).found) {
    for (const image of podImages(spec.node)) {
      seen.add(image.node);
      add(image.node, `${spec.fieldPath}.${image.fieldPath}`);
    }
  }
  for (const image of fieldImages(object.node, info.imagePaths)) if (!seen.has(image.node)) add(image.node, image.fieldPath);
}
