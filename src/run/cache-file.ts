/**
 * The result cache's file (see `ResultCache`): its shape, and reading it, where anything
 * unexpected (missing, corrupt, foreign, of another format, writable by others) gives an empty cache.
 *
 * A header line (JSON: the format, the stamps, the index facts and the paths of the entries) and
 * then one line per entry, the JSON of its result, in the header's order. An entry is parsed only
 * when its file is looked up, and one not looked at again is written back as the line it was:
 * a run that reuses most results neither builds them all at start (and keeps them to the end)
 * nor serialises them again to save the few it changed.
 */
import { isRecord } from '../core/data.js';
import type { IndexFacts } from '../engine/index-facts.js';
import { readPrivateText, writePrivateFile } from '../io/private-file.js';
import type { FileResult, Finding, TextEdit } from '../core/types.js';
import { applyEdits } from '../fix/text-edits.js';
import type { DiscoveredFile } from '../io/discover.js';
import type { FileStamp } from './file-stamps.js';

/** Names what the file is (a foreign JSON file is ignored); bumped when entries change shape. */
export const FORMAT = 'privreg-fix result cache 4';

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

/** A stored result: as read (the JSON text of its line) until `entryOf` parses it, or as made by this run. */
export type StoredEntry = CacheEntry | string;

/** The whole file. */
export interface CacheFile {
  /** Per absolute path: the stored result. */
  entries: Record<string, StoredEntry>;
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

/** A stored entry as a result, when it parses and has the shape of one. */
export function entryOf(stored: StoredEntry | undefined): CacheEntry | undefined {
  if (typeof stored !== 'string') return stored;
  try {
    const entry = JSON.parse(stored) as unknown;
    return validEntry(entry) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** A file's result from its stored entry and its text (undefined: texts not wanted). */
export function resultOfEntry(file: DiscoveredFile, entry: CacheEntry, text: string | undefined): FileResult {
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

const isStringList = (x: unknown): x is string[] => Array.isArray(x) && x.every((p) => typeof p === 'string');

/** Reads a cache file; anything unexpected gives an empty cache. */
export function readCacheFile(file: string): CacheFile {
  const out: CacheFile = {
    entries: Object.create(null) as CacheFile['entries'],
    stamps: Object.create(null) as CacheFile['stamps'], facts: Object.create(null) as CacheFile['facts'],
  };
  const text = readPrivateText(file);
  if (text === undefined) return out;
  const end = text.indexOf('\n');
  let header: Record<string, unknown>;
  try {
    const data = JSON.parse(end < 0 ? text : text.slice(0, end)) as unknown;
    if (!isRecord(data) || data.format !== FORMAT) return out;
    header = data;
  } catch {
    return out;
  }
  const { entries: paths, stamps, facts } = header;
  const lines = end < 0 ? [] : text.slice(end + 1).split('\n');
  if (!isStringList(paths) || paths.length !== lines.length || !isRecord(facts) || !isRecord(stamps)) return out;
  for (const [i, path] of paths.entries()) out.entries[path] = lines[i] as string;
  Object.assign(out.stamps, stamps);
  Object.assign(out.facts, facts);
  return out;
}

/** Writes the cache file atomically (a failure is ignored: the cache is an optimisation). */
export function writeCacheFile(file: string, data: CacheFile): void {
  const paths = Object.keys(data.entries);
  const header = JSON.stringify({ format: FORMAT, stamps: data.stamps, facts: data.facts, entries: paths });
  // JSON.stringify escapes every line break, so each entry is one line.
  const lines = paths.map((p) => {
    const entry = data.entries[p] as StoredEntry;
    return typeof entry === 'string' ? entry : JSON.stringify(entry);
  });
  writePrivateFile(file, [header, ...lines].join('\n'));
}
