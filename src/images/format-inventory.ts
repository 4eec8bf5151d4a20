import type { ManifestResult } from '../registry/client.js';
import { formatImage, type ImageEntry, type ImageLocation, type Inventory } from './inventory.js';

/** The version of the `--format json` document; bumped on incompatible changes. */
export const IMAGES_JSON_VERSION = 1;

/** Registry answers per image of an inventory (from `--verify`). */
export type VerifyResults = ReadonlyMap<ImageEntry, ManifestResult>;

const objectName = (l: ImageLocation): string => `${l.object.kind}${l.object.name !== undefined ? ` ${l.object.name}` : ''}`;

function locationRows(locations: readonly ImageLocation[], withValue = false): string[] {
  const rows = locations.map((l) => [`${l.file}:${l.startPos.line}:${l.startPos.column}`, objectName(l), l.fieldPath, withValue ? JSON.stringify(l.value) : '']);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] as string).length)));
  return rows.map((r) => `  ${r.map((c, i) => (i < 3 ? c.padEnd(widths[i] as number) : c)).join('  ')}`.replace(/ +$/, ''));
}

function status(result: ManifestResult | undefined): string {
  if (!result) return '';
  if (result.status === 'present') return `  [present${result.digest ? ` ${result.digest}` : ''}]`;
  return `  [${result.status}]`;
}

/**
 * The inventory for people: each distinct image as `SOURCE -> DESTINATION` (or `(not
 * rewritten)`), then the places naming it; non-literal references and unreadable files after,
 * and a summary line. With verify results, each image line ends with the registry's answer.
 */
export function formatInventoryText(inventory: Inventory, verified?: VerifyResults): string {
  const blocks: string[] = [];
  for (const image of inventory.images) {
    const head = image.moved ? `${formatImage(image.source)} -> ${formatImage(image.destination)}` : `${formatImage(image.source)}  (not rewritten)`;
    blocks.push([head + status(verified?.get(image)), ...locationRows(image.locations)].join('\n'));
  }
  if (inventory.unresolved.length > 0) {
    blocks.push(['not literal image references (render templates or substitute variables first):', ...locationRows(inventory.unresolved, true)].join('\n'));
  }
  if (inventory.problems.length > 0) {
    blocks.push(['files whose images are not listed:', ...inventory.problems.map((p) => `  ${p.file}${p.startPos ? `:${p.startPos.line}:${p.startPos.column}` : ''}  ${p.message}`)].join('\n'));
  }
  const places = inventory.images.reduce((n, i) => n + i.locations.length, 0);
  const moved = inventory.images.filter((i) => i.moved).length;
  const summary = `${inventory.images.length} image(s) in ${places} place(s) in ${inventory.files} file(s); ${moved} to copy to another registry`;
  blocks.push(summary);
  return `${blocks.join('\n\n')}\n`;
}

const jsonLocation = (l: ImageLocation): object => ({
  file: l.file,
  line: l.startPos.line,
  column: l.startPos.column,
  endLine: l.endPos.line,
  endColumn: l.endPos.column,
  fieldPath: l.fieldPath,
  object: { apiVersion: l.object.apiVersion, kind: l.object.kind, name: l.object.name, namespace: l.object.namespace, documentIndex: l.object.documentIndex },
  value: l.value,
  rewritten: l.rewritten,
});

/** The inventory as a stable JSON document (`version` 1), with the registry's answers when verified. */
export function formatInventoryJson(inventory: Inventory, verified?: VerifyResults): string {
  const doc = {
    version: IMAGES_JSON_VERSION,
    images: inventory.images.map((image) => {
      const result = verified?.get(image);
      return {
        source: formatImage(image.source),
        destination: formatImage(image.destination),
        moved: image.moved,
        sourceImage: image.source,
        destinationImage: image.destination,
        locations: image.locations.map(jsonLocation),
        ...(result ? { verify: result } : {}),
      };
    }),
    unresolved: inventory.unresolved.map(jsonLocation),
    problems: inventory.problems.map((p) => ({ file: p.file, ...(p.startPos ? { line: p.startPos.line, column: p.startPos.column } : {}), message: p.message })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
