/** Cheap tests of a text before any parse, apart from the engine (a cached run loads none of it). */

const CRD_HINT = /^kind:\s*["']?CustomResourceDefinition\b/m;

/** Whether a text may define CustomResourceDefinitions (a cheap test before any parse). */
export function mayHoldCrds(text: string): boolean {
  return CRD_HINT.test(text);
}
