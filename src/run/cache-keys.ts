/** The digests the result cache's keys are made of (see `ResultCache`). */
import type { RunSettings } from '../config/resolve.js';
import { createHash } from '../core/digest.js';
import type { FixOptions } from '../core/options.js';
import { factsOf } from '../engine/index-facts.js';
import type { InputIndexData } from '../rules/input-index.js';
import { schemaStamp } from '../validate/schema-store.js';

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
  // The same bytes as one update per part and NUL: one update of them all costs less (a run's record has thousands).
  if (parts.length === 1) h.update(parts[0] as string).update('\0');
  else h.update(`${parts.join('\0')}\0`);
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

/** What every key of a run depends on: the format, the build, the bundled schemas, the run's settings and what `--schema-dir` holds. */
export class SettingsKey {
  private parts: string | undefined;
  private digested: string | undefined;
  constructor(private readonly context: CacheContext, private readonly format: string) {}

  /** As a text (see `ResultCache`'s record key). */
  text(): string {
    if (this.parts === undefined) {
      const s = this.context.settings;
      const read = this.context.readSchemaDirs;
      if (s.schemaDirs.length > 0 && !read) throw new Error('the result cache needs readSchemaDirs to key results on --schema-dir');
      const dirs = s.schemaDirs.length > 0 && read ? sha(JSON.stringify(read(s.schemaDirs))) : '';
      this.parts = JSON.stringify([this.format, this.context.build, schemaStamp(s.kubernetesVersion),
        [s.kubernetesVersion, s.validate, s.strictKinds, s.schemaDirs], dirs]);
    }
    return this.parts;
  }

  digest(): string {
    this.digested ??= sha(this.text());
    return this.digested;
  }
}
