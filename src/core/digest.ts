/**
 * `node:crypto`'s `createHash`, the module loaded on the first digest: a run that makes none (a
 * run its record replays, a pre-commit check of a few files without CRDs) does not load it
 * (about 8 ms: crypto brings some fifteen internal modules).
 */
import { createRequire } from 'node:module';
import type { Hash } from 'node:crypto';

let crypto: typeof import('node:crypto') | undefined;

/** `crypto.createHash(algorithm)`. */
export function createHash(algorithm: string): Hash {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash(algorithm);
}
