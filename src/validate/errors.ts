/**
 * The usage errors of validation's setup, apart from the modules that raise them, so that the
 * command line can tell them without loading the validator (a fully cached run loads none of it).
 */

/** A `--schema-dir` path that is missing or unreadable, or a file in it that does not parse: a usage error (exit 2). */
export class SchemaPathError extends Error {
  override readonly name = 'SchemaPathError';
}
