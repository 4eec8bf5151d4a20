/**
 * The result cache's file (see `ResultCache`): its shape, and reading it, where anything
 * unexpected (missing, corrupt, foreign, of another format, writable by others) gives an empty cache.
 */
import { isRecord } from '../core/data.js';
import type { IndexFacts } from '../engine/index-facts.js';
import { readPrivateJson, writePrivateFile } from '../io/private-file.js';
import type { Finding, TextEdit } from '../core/types.js';
import type { FileStamp } from './file-stamps.js';

/** Names what the file is (a foreign JSON file is ignored); bumped when entries change shape. */
export const FORMAT = 'privreg-fix result cache 3';

/** One stored result. */
export interface CacheEntry {
  key: string;
  findings: Finding[];
  skipped: boolean;
  /** The edits that turn the text into the output (absent: no change, or see `output`). */
  edits?: TextEdit[];
  /** The output, when the edits do not give it. */
  output?: string;
  pullSecretNamespaces?: Record<string, string[]>;
}

/** The whole file. */
export interface CacheFile {
  format: string;
  entries: Record<string, CacheEntry>;
  /** Per absolute path: the file's stat when its text was read (see `known`). */
  stamps: Record<string, FileStamp>;
  /** Per absolute path: what the file adds to the run's index (see `learnIndex`). */
  facts: Record<string, { key: string; facts: IndexFacts }>;
}

/** Whether a stored entry has the shape of a result (one tampered into another shape is ignored). */
export function validEntry(e: unknown): e is CacheEntry {
  if (typeof e !== 'object' || e === null) return false;
  const x = e as Partial<CacheEntry>;
  return typeof x.key === 'string' && typeof x.skipped === 'boolean' && Array.isArray(x.findings)
    && x.findings.every((f) => typeof f === 'object' && f !== null && typeof f.ruleId === 'string' && typeof f.message === 'string'
      && typeof f.start === 'number' && typeof f.startPos === 'object' && typeof f.endPos === 'object')
    && (x.edits === undefined || Array.isArray(x.edits)) && (x.output === undefined || typeof x.output === 'string');
}

/** Reads a cache file; anything unexpected gives an empty cache. */
export function readCacheFile(file: string): CacheFile {
  const empty = (): CacheFile => ({
    format: FORMAT, entries: Object.create(null) as CacheFile['entries'],
    stamps: Object.create(null) as CacheFile['stamps'], facts: Object.create(null) as CacheFile['facts'],
  });
  const data = readPrivateJson(file, FORMAT) as Partial<CacheFile> | undefined;
  if (!data || !isRecord(data.entries) || !isRecord(data.facts) || !isRecord(data.stamps)) return empty();
  const out = empty();
  Object.assign(out.entries, data.entries);
  Object.assign(out.stamps, data.stamps);
  Object.assign(out.facts, data.facts);
  return out;
}

/** Writes the cache file atomically (a failure is ignored: the cache is an optimisation). */
export function writeCacheFile(file: string, data: Omit<CacheFile, 'format'>): void {
  writePrivateFile(file, JSON.stringify({ format: FORMAT, ...data }));
}
