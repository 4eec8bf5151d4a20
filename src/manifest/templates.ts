import { isMap, isSeq, visit, type Document } from 'yaml';

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
  let found: TemplateMarker | undefined;
  for (const doc of docs) {
    visit(doc, {
      Node(_key, node) {
        if (!node.range) return undefined;
        const [start, end] = node.range;
        if ((isMap(node) || isSeq(node)) && node.flow && MARKER.test(text.slice(start, start + 2))) {
          found = { start, end: Math.min(end, start + 2) };
          return visit.BREAK;
        }
        return undefined;
      },
    });
    if (found) break;
  }
  return found;
}
