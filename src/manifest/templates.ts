import { isCollection, isPair, type Document } from '../yaml/nodes.js';

/** Where a template marker was found. */
export interface TemplateMarker {
  start: number;
  end: number;
}

const MARKER = /\{\{|\{%/;

/**
 * Finds Helm/Go (`{{ }}`) or Jinja (`{% %}`) template syntax that YAML reads as structure: a
 * flow collection opening with `{{`, or any marker in a file that does not parse. Such files are
 * templates, not YAML: the `yaml` package reads `name: {{ .x }}` as nested flow maps. Markers
 * inside scalars (`"{{ $labels.x }}"`, Argo's `{{args.x}}` in plain text) are only text, and
 * edits elsewhere leave them untouched.
 */
export function findTemplateMarker(text: string, docs: readonly Document.Parsed[], hasErrors: boolean): TemplateMarker | undefined {
  const first = text.search(MARKER);
  if (first === -1) return undefined;
  if (hasErrors) return { start: first, end: first + 2 };
  // Documents in order, each depth first in source order: the first such collection of the file.
  for (const doc of docs) {
    const stack: unknown[] = [doc.contents];
    while (stack.length > 0) {
      const node = stack.pop();
      if (!isCollection(node)) continue;
      const [start, end] = node.range ?? [0, 0];
      if (node.flow && MARKER.test(text.slice(start, start + 2))) return { start, end: Math.min(end, start + 2) };
      const items = node.items as unknown[];
      for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i];
        if (isPair(item)) stack.push(item.value, item.key);
        else stack.push(item);
      }
    }
  }
  return undefined;
}
