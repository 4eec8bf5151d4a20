/**
 * Kinds of the `yaml` package's lexical tokens, as the fast composer (compose.ts) reads them
 * and its scanner (compose-lexer.ts) makes them. OTHER is a token the fast path does not handle
 * (the scanner declines the text at it, and the caller falls back to the `yaml` package's own
 * composer).
 */
export const enum Tok {
  PLAIN,
  DOUBLE,
  SINGLE,
  NEWLINE,
  SPACE,
  COMMENT,
  SEQ,
  COLON,
  SEQ_OPEN,
  MAP_OPEN,
  SEQ_CLOSE,
  MAP_CLOSE,
  COMMA,
  ANCHOR,
  ALIAS,
  BLOCK_HEADER,
  DOC_MODE,
  DOC_START,
  /** Block scalar contents (the token after a block scalar header's line). */
  BLOCK_BODY,
  OTHER,
  /** After the last token. */
  EOF,
}

/**
 * The tokens of one text: kind and start offset of each; a token's source is the text up to
 * the next token's start (the Lexer's tokens are contiguous slices; its markers are empty).
 * `kind` holds EOF from index `count` on, and `offset` the text's length.
 */
export interface Tokens {
  kind: Uint8Array;
  offset: Int32Array;
  count: number;
}
