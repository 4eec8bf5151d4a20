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
 * run are kept beside the cache (see `CrdStore`), read only when some file is to be fixed, and
 * so is the report of the last whole run (see `run-record.ts`): a run over the same unchanged
 * files prints it again without reading the cache file at all.
 *
 * The cache is an optimisation only: a missing, corrupt, foreign or unreadable cache file is
 * ignored (and replaced), and a failure to write it too. Nothing secret is stored: files that
 * may hold registry credentials (docker-registry Secrets) are never cached, and neither is a
 * file's text (only the edits of a fix, which privreg-fix wrote, or its output when needed).
 */
import { existsSync } from 'node:fs';
import { applyEdits } from '../fix/text-edits.js';
import type { DiscoveredFile } from '../io/discover.js';
import { isChartFile } from './helm-chart.js';
import { CrdStore } from './crd-store.js';
import { FileStamps, RunStats } from './file-stamps.js';
import { readRunRecord, statRow, unchanged, writeRunRecord, type RunRecord } from './run-record.js';
import { entryOf, FORMAT, readCacheFile, writeCacheFile, type CacheEntry, type CacheFile } from './cache-file.js';
import { factsOf, isIndexFacts, mergeFacts } from '../engine/index-facts.js';
import { indexDigest, OptionsDigests, SettingsKey, sha, type CacheContext } from './cache-keys.js';
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

/** The result cache of one run (see the module comment). */
export class ResultCache {
  private read: { entries: CacheFile['entries']; stamps: FileStamps; facts: CacheFile['facts'] } | undefined;
  private readonly stats = new RunStats();
  private readonly crds: CrdStore;
  private readonly hashes = new Map<DiscoveredFile, string>();
  /** Files that may define CRDs, with what of them the keys depend on, in path order. */
  private readonly crdFiles = new Map<DiscoveredFile, string>();
  private readonly keys = new Map<DiscoveredFile, string>();
  private readonly seen = new Set<string>();
  /** Paths whose stored entry has the key `lookup` made (storing its result again changes nothing). */
  private readonly current = new Set<string>();
  /** Paths whose stored entry is this run's result (found by `lookup` or put by `store`): see `record`. */
  private readonly valid = new Set<string>();
  private readonly settingsKey: SettingsKey;
  private runDigest = '';
  /** What the keys of index facts, and of check and fix results (anew at `seal`), share per options object. */
  private readonly indexDigests = new OptionsDigests(() => [this.settingsKey.digest(), 'index']);
  private resultDigests = this.digestsOfResults();
  private dirty = false;

  constructor(readonly file: string, private readonly context: CacheContext) {
    this.crds = new CrdStore(`${file}.crds`);
    this.settingsKey = new SettingsKey(context, FORMAT);
  }

  /** The cache file, read when first needed (a run its record replays reads none of it). */
  private get data(): NonNullable<ResultCache['read']> {
    if (this.read === undefined) {
      const data = readCacheFile(this.file);
      this.read = { entries: data.entries, stamps: new FileStamps(data.stamps, this.stats), facts: data.facts };
    }
    return this.read;
  }

  /**
   * The report of the last run recorded (see `record` and `run-record.ts`) when it holds as many
   * files, each statting as then, with the same paths, names, options, settings, `mode` and
   * `view` (what else the report depends on: its format, colours, …); undefined otherwise.
   */
  replay(files: readonly DiscoveredFile[], optionsFor: (file: DiscoveredFile) => FixOptions, mode: RunMode, view: string): Pick<RunRecord, 'report' | 'text'> | undefined {
    if (this.context.strategy === 'content') return undefined;
    const record = readRunRecord(`${this.file}.run`);
    if (!record || !unchanged(record, files, this.stats)) return undefined;
    return this.recordKey(files, optionsFor, mode, view) === record.key ? record : undefined;
  }

  /**
   * Records the run's `report` for `replay` (after `save`), when every file's result is the one
   * stored for its text as stamped; a run not recorded leaves the last record (which it does not match).
   */
  record(files: readonly DiscoveredFile[], optionsFor: (file: DiscoveredFile) => FixOptions, mode: RunMode, view: string, report: Pick<RunRecord, 'report' | 'text'>): void {
    if (this.context.strategy === 'content') return;
    const stats: number[] = [];
    for (const file of files) {
      const stamp = this.valid.has(file.absolute) ? this.data.stamps.valid(file.absolute) : undefined;
      if (stamp === undefined || stamp.hash !== this.hashes.get(file)) return;
      stats.push(...statRow(stamp));
    }
    writeRunRecord(`${this.file}.run`, { key: this.recordKey(files, optionsFor, mode, view), stats, ...report });
  }

  /**
   * The key of a run's record: not a digest but what it is made of (compared whole, it needs no
   * hash: a replayed run loads no `node:crypto`), each options object once.
   */
  private recordKey(files: readonly DiscoveredFile[], optionsFor: (file: DiscoveredFile) => FixOptions, mode: RunMode, view: string): string {
    const options = new Map<FixOptions, number>();
    const rows: (string | number)[] = [];
    for (const file of files) {
      const o = optionsFor(file);
      let i = options.get(o);
      if (i === undefined) options.set(o, (i = options.size));
      rows.push(file.absolute, file.display, i);
    }
    return JSON.stringify([this.settingsKey.text(), mode, view, [...options.keys()], rows]);
  }

  /**
   * Whether the file is known unchanged without reading it: it stats as when its text was last
   * read (see `FileStamps`). Else (or with the `content` strategy) its text must be read and
   * given to `noteText`. Call it before reading the file.
   */
  known(file: DiscoveredFile): boolean {
    if (this.context.strategy === 'content') return false;
    const stamp = this.data.stamps.check(file.absolute);
    if (stamp === undefined) return false;
    this.remember(file, stamp.hash, stamp.crd);
    return true;
  }

  /** Whether a file the run knows (see `known` and `noteText`) may define CRDs. */
  mayDefineCrds(file: DiscoveredFile): boolean {
    return this.crdFiles.has(file);
  }

  /** Forgets what `known` learned of a file that then could not be read, or was found changed. */
  forget(file: DiscoveredFile): void {
    this.valid.delete(file.absolute);
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
    const known = this.data.facts[file.absolute];
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
    this.data.facts[file.absolute] = { key, facts };
    this.dirty = true;
    return true;
  }

  /** Records a file's text as read by the pre-pass (`crd`: it may define CRDs). */
  noteText(file: DiscoveredFile, text: string, crd: boolean): void {
    const hash = sha(text);
    this.remember(file, hash, crd);
    // A file that may hold a credential is read every time: no digest of its text is stored.
    if (this.context.strategy === 'content') return;
    if (CREDENTIAL_HINT.test(text)) this.data.stamps.drop(file.absolute);
    else this.data.stamps.record(file.absolute, text, hash, crd);
  }

  /** Seals the run's cross-file facts once the pre-pass is over. */
  seal(index: InputIndexData): void {
    this.runDigest = sha(...this.crdFiles.values(), indexDigest(index));
    this.resultDigests = this.digestsOfResults();
  }

  private digestsOfResults(): Record<'check' | 'fix', OptionsDigests> {
    return {
      check: new OptionsDigests(() => [this.settingsKey.digest(), this.runDigest, 'check']),
      fix: new OptionsDigests(() => [this.settingsKey.digest(), this.runDigest, 'fix']),
    };
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
    const entry = entryOf(this.data.entries[file.absolute]);
    if (entry?.key !== key) return undefined;
    this.current.add(file.absolute);
    this.valid.add(file.absolute);
    if (mode === 'write' && (entry.edits !== undefined || entry.output !== undefined)) return undefined;
    return entry;
  }

  /** A stored result `lookup` gave, parsed again from its line (kept parsed, every hit of a run would live to its end). */
  hit(file: DiscoveredFile): CacheEntry | undefined {
    const entry = entryOf(this.data.entries[file.absolute]);
    return entry !== undefined && entry.key === this.keys.get(file) ? entry : undefined;
  }

  /** The key of what a CRD file teaches: its text, where it is shown, the settings. */
  private crdKey(file: DiscoveredFile): string | undefined {
    const hash = this.hashes.get(file);
    return hash === undefined ? undefined : sha(this.settingsKey.digest(), 'crds', file.display, hash);
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
    this.data.entries[file.absolute] = entry;
    this.valid.add(file.absolute);
  }

  /** Writes the cache when it changed (atomically), dropping what it holds of files that are gone. */
  save(): void {
    const gone = (path: string): boolean => !this.seen.has(path) && !existsSync(path);
    for (const path of Object.keys(this.data.entries)) {
      if (gone(path)) {
        delete this.data.entries[path];
        this.dirty = true;
      }
    }
    for (const path of Object.keys(this.data.facts)) if (this.data.entries[path] === undefined && !this.seen.has(path)) delete this.data.facts[path];
    this.data.stamps.prune((path) => this.seen.has(path) || this.data.facts[path] !== undefined);
    this.crds.save((path) => !gone(path));
    if (!this.dirty && !this.data.stamps.dirty) return;
    writeCacheFile(this.file, { entries: this.data.entries, stamps: this.data.stamps.stamps, facts: this.data.facts });
    this.dirty = false;
    this.data.stamps.dirty = false;
  }
}
