/**
 * The result cache of `--cache`: one file (like eslint's `.eslintcache`; its lines are in
 * `cache-file.ts`) holding, per absolute path, the key of the last result and that result
 * (findings, edits). A result is reused only when its key matches, and the key is a hash of
 * everything the result depends on: the file's text, its resolved `FixOptions`, the mode, the
 * run-wide settings and the contents of `--schema-dir`, the privreg-fix version and build, the
 * bundled schemas, and the run's cross-file facts (every CRD file of the input, by path and
 * content, and the ServiceAccounts and registry Secrets the pre-pass found). So a stale entry is
 * never used: editing a CRD, a ServiceAccount or a registry Secret invalidates every result.
 *
 * Unchanged files are told by their stat (see `FileStamps`), and the CRDs each file taught the
 * run are kept beside the cache (see `CrdStore`), read only when some file is to be fixed.
 *
 * The cache is an optimisation only: a missing, corrupt, foreign or unreadable cache file is
 * ignored (and replaced), and a failure to write it too. Nothing secret is stored: files that
 * may hold registry credentials (docker-registry Secrets) are never cached, and neither is a
 * file's text (only the edits of a fix, which privreg-fix wrote, or its output when needed).
 */
import { existsSync } from 'node:fs';
import type { RunSettings } from '../config/resolve.js';
import { applyEdits } from '../fix/text-edits.js';
import type { DiscoveredFile } from '../io/discover.js';
import { schemaStamp } from '../validate/schema-store.js';
import { isChartFile } from './helm-chart.js';
import { CrdStore } from './crd-store.js';
import { FileStamps } from './file-stamps.js';
import { entryOf, FORMAT, readCacheFile, writeCacheFile, type CacheEntry, type CacheFile } from './cache-file.js';
import { factsOf, isIndexFacts, mergeFacts } from '../engine/index-facts.js';
import { indexDigest, OptionsDigests, sha } from './cache-keys.js';
import { InputIndex, type InputIndexData } from '../rules/index-data.js';
import type { CrdBatch } from '../engine/learn-input.js';
import type { FixOptions } from '../core/options.js';
import type { RunMode } from './process-file.js';
import type { FileResult } from '../core/types.js';

export type { CacheEntry };

/** Texts that may hold registry credentials: never cached. */
const CREDENTIAL_HINT = /dockerconfigjson|dockercfg|["']?\bauths["']?\s*:/;
/** Findings that make a result not worth keeping (they depend on more than the file's text). */
const UNCACHED_RULES = new Set(['read-error', 'write-error', 'internal-error', 'plaintext-registry-credential']);

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

/** The result cache of one run (see the module comment). */
export class ResultCache {
  private readonly entries: CacheFile['entries'];
  private readonly stamps: FileStamps;
  private readonly crds: CrdStore;
  private readonly facts: CacheFile['facts'];
  private readonly hashes = new Map<DiscoveredFile, string>();
  /** Files that may define CRDs, with what of them the keys depend on, in path order. */
  private readonly crdFiles = new Map<DiscoveredFile, string>();
  private readonly keys = new Map<DiscoveredFile, string>();
  private readonly seen = new Set<string>();
  /** Paths whose stored entry has the key `lookup` made (storing its result again changes nothing). */
  private readonly current = new Set<string>();
  private settingsDigest: string | undefined;
  private runDigest = '';
  /** What the keys of index facts, and of check and fix results (anew at `seal`), share per options object. */
  private readonly indexDigests = new OptionsDigests(() => [this.settings(), 'index']);
  private resultDigests = this.digestsOfResults();
  private dirty = false;

  constructor(readonly file: string, private readonly context: CacheContext) {
    const data = readCacheFile(file);
    this.entries = data.entries;
    this.stamps = new FileStamps(data.stamps);
    this.facts = data.facts;
    this.crds = new CrdStore(`${file}.crds`);
  }

  /**
   * Whether the file is known unchanged without reading it: it stats as when its text was last
   * read (see `FileStamps`). Else (or with the `content` strategy) its text must be read and
   * given to `noteText`. Call it before reading the file.
   */
  known(file: DiscoveredFile): boolean {
    if (this.context.strategy === 'content') return false;
    const stamp = this.stamps.check(file.absolute);
    if (stamp === undefined) return false;
    this.remember(file, stamp.hash, stamp.crd);
    return true;
  }

  /** Whether a file the run knows (see `known` and `noteText`) may define CRDs. */
  mayDefineCrds(file: DiscoveredFile): boolean {
    return this.crdFiles.has(file);
  }

  /** Forgets what `known` learned of a file that then could not be read. */
  forget(file: DiscoveredFile): void {
    this.hashes.delete(file);
    this.crdFiles.delete(file);
  }

  private remember(file: DiscoveredFile, hash: string, crd: boolean): void {
    this.hashes.set(file, hash);
    if (crd) this.crdFiles.set(file, `${file.absolute}\0${file.display}\0${hash}`);
    else this.crdFiles.delete(file);
  }

  /**
   * The pre-pass of one file (see `noteText`): its ServiceAccounts and registry Secrets into the
   * run's index, from the cache when the file, its options and the run's settings are unchanged.
   * Without `read` (a file `known` unchanged), false when the cache does not have them: read it.
   * `read.learn` records the text's facts in the index it is given (see `learnIndex`).
   */
  learnIndex(file: DiscoveredFile, options: FixOptions, index: InputIndex, read?: { text: string; learn: (own: InputIndex) => void }): boolean {
    const hash = this.hashes.get(file);
    const key = hash === undefined ? undefined : sha(this.indexDigests.of(options), hash);
    const known = this.facts[file.absolute];
    if (key !== undefined && known?.key === key && isIndexFacts(known.facts)) {
      mergeFacts(index, known.facts);
      return true;
    }
    if (read === undefined) return false;
    const own = new InputIndex();
    read.learn(own);
    const facts = factsOf(own.toData());
    mergeFacts(index, facts);
    // Not even a digest of a text that may hold a credential leaves the run.
    if (key === undefined || CREDENTIAL_HINT.test(read.text)) return true;
    this.facts[file.absolute] = { key, facts };
    this.dirty = true;
    return true;
  }

  /** Records a file's text as read by the pre-pass (`crd`: it may define CRDs). */
  noteText(file: DiscoveredFile, text: string, crd: boolean): void {
    const hash = sha(text);
    this.remember(file, hash, crd);
    // A file that may hold a credential is read every time: no digest of its text is stored.
    if (this.context.strategy === 'content') return;
    if (CREDENTIAL_HINT.test(text)) this.stamps.drop(file.absolute);
    else this.stamps.record(file.absolute, text, hash, crd);
  }

  /** Seals the run's cross-file facts once the pre-pass is over. */
  seal(index: InputIndexData): void {
    this.runDigest = sha(...this.crdFiles.values(), indexDigest(index));
    this.resultDigests = this.digestsOfResults();
  }

  private digestsOfResults(): Record<'check' | 'fix', OptionsDigests> {
    return {
      check: new OptionsDigests(() => [this.settings(), this.runDigest, 'check']),
      fix: new OptionsDigests(() => [this.settings(), this.runDigest, 'fix']),
    };
  }

  private settings(): string {
    if (this.settingsDigest === undefined) {
      const s = this.context.settings;
      const read = this.context.readSchemaDirs;
      if (s.schemaDirs.length > 0 && !read) throw new Error('the result cache needs readSchemaDirs to key results on --schema-dir');
      const dirs = s.schemaDirs.length > 0 && read ? JSON.stringify(read(s.schemaDirs)) : '';
      this.settingsDigest = sha(FORMAT, this.context.build, schemaStamp(s.kubernetesVersion),
        JSON.stringify([s.kubernetesVersion, s.validate, s.strictKinds, s.schemaDirs]), dirs);
    }
    return this.settingsDigest;
  }

  /** The key of a file's result (undefined: the file is never cached). */
  keyOf(file: DiscoveredFile, options: FixOptions, mode: RunMode): string | undefined {
    const hash = this.hashes.get(file);
    if (hash === undefined || isChartFile(file.absolute)) return undefined;
    return sha(this.resultDigests[mode === 'check' ? 'check' : 'fix'].of(options), file.absolute, file.display, hash);
  }

  /**
   * The stored result of a file when still valid. In write mode only a result that changes
   * nothing is reused: a file to fix is processed (and written).
   */
  lookup(file: DiscoveredFile, options: FixOptions, mode: RunMode): CacheEntry | undefined {
    this.seen.add(file.absolute);
    const key = this.keyOf(file, options, mode);
    if (key === undefined) return undefined;
    this.keys.set(file, key);
    const entry = entryOf(this.entries[file.absolute]);
    if (entry?.key !== key) return undefined;
    this.current.add(file.absolute);
    if (mode === 'write' && (entry.edits !== undefined || entry.output !== undefined)) return undefined;
    return entry;
  }

  /** A stored result `lookup` gave, parsed again from its line (kept parsed, every hit of a run would live to its end). */
  hit(file: DiscoveredFile): CacheEntry | undefined {
    const entry = entryOf(this.entries[file.absolute]);
    return entry !== undefined && entry.key === this.keys.get(file) ? entry : undefined;
  }

  /** The key of what a CRD file teaches: its text, where it is shown, the settings. */
  private crdKey(file: DiscoveredFile): string | undefined {
    const hash = this.hashes.get(file);
    return hash === undefined ? undefined : sha(this.settings(), 'crds', file.display, hash);
  }

  /** What a CRD file taught the run when its text was as now (ranked as when stored: see `ranked`). */
  crdsOf(file: DiscoveredFile): CrdBatch | undefined {
    const key = this.crdKey(file);
    return key === undefined ? undefined : this.crds.get(file.absolute, key);
  }

  /** Records what a CRD file taught the run (see `crdsOf`); `batch` must not hold slices of the file's text. */
  noteBatch(file: DiscoveredFile, batch: CrdBatch): void {
    const key = this.crdKey(file);
    if (key !== undefined) this.crds.set(file.absolute, key, batch);
  }

  /** Whether `text` is the text the pre-pass read (its result is the cached one). */
  sameText(file: DiscoveredFile, text: string): boolean {
    return this.hashes.get(file) === sha(text);
  }

  /** A result from a stored entry and the file's text (undefined: texts not wanted). */
  static resultOf(file: DiscoveredFile, entry: CacheEntry, text: string | undefined): FileResult {
    const result: FileResult = { path: file.display, absolutePath: file.absolute, source: '', output: '', findings: entry.findings, skipped: entry.skipped };
    if (entry.edits) result.edits = entry.edits;
    if (entry.pullSecretNamespaces) result.pullSecretNamespaces = entry.pullSecretNamespaces;
    if (text === undefined) result.changed = entry.edits !== undefined || entry.output !== undefined;
    else {
      result.source = text;
      result.output = entry.output ?? (entry.edits ? applyEdits(text, [entry.edits]).text : text);
    }
    return result;
  }

  /** Stores a computed result (with its texts) under the key `lookup` made for it. */
  store(file: DiscoveredFile, result: FileResult): void {
    const key = this.keys.get(file);
    if (key === undefined || result.findings.some((f) => UNCACHED_RULES.has(f.ruleId))) return;
    // A written file has another text now (and a failed write is no result to keep).
    if (result.written !== undefined || CREDENTIAL_HINT.test(result.source) || !this.sameText(file, result.source)) return;
    const entry: CacheEntry = { key, findings: result.findings, skipped: result.skipped };
    if (result.output !== result.source) {
      if (result.edits && applyEdits(result.source, [result.edits]).text === result.output) entry.edits = result.edits;
      else entry.output = result.output;
    }
    if (result.pullSecretNamespaces) entry.pullSecretNamespaces = result.pullSecretNamespaces;
    if (!this.current.has(file.absolute)) this.dirty = true;
    this.entries[file.absolute] = entry;
  }

  /** Writes the cache when it changed (atomically), dropping what it holds of files that are gone. */
  save(): void {
    const gone = (path: string): boolean => !this.seen.has(path) && !existsSync(path);
    for (const path of Object.keys(this.entries)) {
      if (gone(path)) {
        delete this.entries[path];
        this.dirty = true;
      }
    }
    for (const path of Object.keys(this.facts)) if (this.entries[path] === undefined && !this.seen.has(path)) delete this.facts[path];
    this.stamps.prune((path) => this.seen.has(path) || this.facts[path] !== undefined);
    this.crds.save((path) => !gone(path));
    if (!this.dirty && !this.stamps.dirty) return;
    writeCacheFile(this.file, { entries: this.entries, stamps: this.stamps.stamps, facts: this.facts });
    this.dirty = false;
    this.stamps.dirty = false;
  }
}
