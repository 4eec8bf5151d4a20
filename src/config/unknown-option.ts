import { suggest } from './suggest.js';

/**
 * The message for a `node:util` parseArgs error. An unknown long option gets a "did you mean"
 * naming the closest known one (the edit distance config keys use), e.g.
 * `unknown option '--namspace' (did you mean '--namespace'?)`; other errors keep parseArgs'
 * message. `options` are the long option names.
 */
export function parseErrorMessage(error: unknown, options: Iterable<string>): string {
  const e = error as { code?: unknown; message?: unknown };
  const message = typeof e.message === 'string' ? e.message : 'invalid arguments';
  if (e.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return message;
  const flag = /'(--[^'=\s]+)/.exec(message)?.[1];
  const close = flag === undefined ? undefined : suggest(flag.slice(2), options);
  return close === undefined ? message : `unknown option '${flag}' (did you mean '--${close}'?)`;
}
