/**
 * Copies of values taken from a file that outlive the file. Strings read from YAML are, in V8,
 * often slices of the whole file text (and strings built from them point at those slices), so
 * keeping one short name in a run-wide set keeps the entire text of its file alive: on a large
 * tree, every CRD bundle whose kind or schema is remembered. What a run keeps across files
 * (learned kinds and schemas, names in the input index, reported kinds, held results) is copied
 * with `detach` first, which makes fresh strings.
 */
export function detach<T>(value: T): T {
  return structuredClone(value);
}
