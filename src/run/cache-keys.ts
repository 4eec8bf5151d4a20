/** The digests the result cache's keys are made of (see `ResultCache`). */
import { createHash } from 'node:crypto';
import type { RunSettings } from '../config/resolve.js';
import type { FixOptions } from '../core/options.js';
import { factsOf } from '../engine/index-facts.js';
import type { InputIndexData } from '../rules/input-index.js';

/** A digest of `parts` and of each frozen options object met (most files of a run share one), made once. */
export class OptionsDigests {
  private readonly digests = new WeakMap<FixOptions, string>();
  constructor(private readonly parts: () => string[]) {}
  of(options: FixOptions): string {
    if (!Object.isFrozen(options)) return sha(...this.parts(), JSON.stringify(options));
    let digest = this.digests.get(options);
    if (digest === undefined) this.digests.set(options, (digest = sha(...this.parts(), JSON.stringify(options))));
    return digest;
  }
}

/** The SHA-256 (hex) of `parts`, each ended by a NUL (so no two lists of parts give one text). */
export const sha = (...parts: string[]): string => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
};

/** A digest of the input index's facts (in a stable order). */
export function indexDigest(data: InputIndexData): string {
  return sha(JSON.stringify(factsOf(data)));
}

/** How a file is told unchanged: by its stat, then its content (`metadata`), or by its content alone. */
export type CacheStrategy = 'metadata' | 'content';
export const CACHE_STRATEGIES: readonly CacheStrategy[] = ['metadata', 'content'];

/** What a run's keys depend on besides each file. */
export interface CacheContext {
  /** privreg-fix's version and a stamp of its build (see `moduleStamp`). */
  build: string;
  settings: RunSettings;
  /** `metadata` (the default) trusts an unchanged stat; `content` reads and hashes every file. */
  strategy?: CacheStrategy;
  /**
   * What `settings.schemaDirs` hold (`readSchemaDirs`), needed when there are any: results
   * depend on their contents. Given by the caller, so that the cache loads no YAML parser.
   */
  readSchemaDirs?: (dirs: string[]) => unknown;
}
