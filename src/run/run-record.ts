/**
 * The record of a whole run, kept beside the result cache (`--cache`), in `<cache file>.run`:
 * the files of the run in order, each with its stamp (see `FileStamps`), a key over everything
 * the run's report depends on, and the report itself, opaque here (the CLI's: the text report
 * without its time). A run over the same files, each statting as then, with the same key, prints
 * the recorded report and reads nothing else: not the cache of results, not one result. Any
 * difference (a file more, less, moved, touched; other options) and the run goes on as without
 * the record, file by file, and records itself again at the end when it can.
 *
 * The key is made by `ResultCache` (the settings, the build, each file's options and the digest
 * of its text): the run's cross-file facts (CRDs, ServiceAccounts, registry Secrets) are facts of
 * those texts, so they need no key of their own. A run is recorded only when every result came
 * from the cache or was stored in it, so never one with a file that may hold a credential, an
 * unreadable file or a chart.
 */
import type { DiscoveredFile } from '../io/discover.js';
import { readPrivateJson, writePrivateFile } from '../io/private-file.js';
import { sameStat, type FileStamp, type RunStats } from './file-stamps.js';

/** Names what the file is; bumped when its shape changes. */
export const RECORD_FORMAT = 'privreg-fix run record 1';

/** A file of the run: where it is, where it is shown, its stat and the digest of its text then. */
export type RecordedFile = [absolute: string, display: string, size: number, mtimeMs: number, ctimeMs: number, ino: number, dev: number, hash: string];

/** The record of a run. */
export interface RunRecord {
  key: string;
  files: RecordedFile[];
  /** What the run reported (the caller's: any JSON value). */
  report: unknown;
}

const isRecordedFile = (x: unknown): x is RecordedFile =>
  Array.isArray(x) && x.length === 8 && typeof x[0] === 'string' && typeof x[1] === 'string' && typeof x[7] === 'string'
  && x.slice(2, 7).every((n) => typeof n === 'number');

/** The record of a run kept in `file`; undefined when missing, foreign, corrupt or not private. */
export function readRunRecord(file: string): RunRecord | undefined {
  const data = readPrivateJson(file, RECORD_FORMAT);
  if (data === undefined) return undefined;
  const { key, files, report } = data;
  if (typeof key !== 'string' || report === undefined || !Array.isArray(files) || !files.every(isRecordedFile)) return undefined;
  return { key, files, report };
}

/** Writes the record of a run (atomically; a failure is ignored: it is an optimisation). */
export function writeRunRecord(file: string, record: RunRecord): void {
  writePrivateFile(file, JSON.stringify({ format: RECORD_FORMAT, ...record }));
}

/** The row of a file for its stamp. */
export function recordedFile(absolute: string, display: string, stamp: FileStamp): RecordedFile {
  return [absolute, display, stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, stamp.dev, stamp.hash];
}

/**
 * The digests of the texts of a recorded run's files when `files` are those files, in order,
 * each where it was and statting as then (see `sameStat`); undefined at the first that is not.
 */
export function unchangedHashes(record: RunRecord, files: readonly DiscoveredFile[], stats: RunStats): string[] | undefined {
  if (record.files.length !== files.length) return undefined;
  const hashes: string[] = [];
  for (const [i, file] of files.entries()) {
    const [at, shown, size, mtimeMs, ctimeMs, ino, dev, hash] = record.files[i] as RecordedFile;
    if (at !== file.absolute || shown !== file.display) return undefined;
    const info = stats.of(at)?.info;
    if (!info?.isFile() || !sameStat({ size, mtimeMs, ctimeMs, ino, dev }, info)) return undefined;
    hashes.push(hash);
  }
  return hashes;
}
