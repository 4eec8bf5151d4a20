import { isMap, isScalar, type Document, findPair } from '../yaml/nodes.js';

/** The annotation Helm 4 puts on each object it hands a post-renderer, naming its template. */
export const HELM4_SOURCE_ANNOTATION = 'postrenderer.helm.sh/postrender-filename';

const SOURCE_COMMENT = /^# Source: (\S.*?)\s*$/m;

/**
 * The chart template each document of a Helm render came from (`chart/templates/x.yaml`), by
 * document index; undefined for a document without one. Helm 3 and `helm template` write a
 * `# Source:` comment after each `---`; Helm 4 hands post-renderers an annotation instead.
 */
export function renderedSources(text: string, docs: readonly Document.Parsed[]): (string | undefined)[] {
  return docs.map((doc) => {
    const start = doc.range[0];
    const contentStart = doc.contents?.range?.[0] ?? doc.range[1];
    const comment = SOURCE_COMMENT.exec(text.slice(start, contentStart));
    if (comment) return comment[1];
    return annotationOf(doc);
  });
}

function annotationOf(doc: Document.Parsed): string | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const meta = findPair(root, 'metadata')?.value;
  const annotations = isMap(meta) ? findPair(meta, 'annotations')?.value : undefined;
  const value = isMap(annotations) ? findPair(annotations, HELM4_SOURCE_ANNOTATION)?.value : undefined;
  return isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
}

/** Index of the document of `docs` holding `offset` (-1 before the first). */
export function documentAt(docs: readonly Document.Parsed[], offset: number): number {
  let index = -1;
  while (index + 1 < docs.length && (docs[index + 1] as Document.Parsed).range[0] <= offset) index++;
  return index;
}
