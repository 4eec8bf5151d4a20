/**
 * The record of a whole run, kept beside the result cache (`--cache`), in `<cache file>.run`:
 * the stat of each file of the run (in order) when the text its result was made of was read,
 * a key over everything else the run's report depends on, and the report itself, opaque here
 * (the CLI's: the text report without its time). A run over as many files, each statting as
 * then, with the same key, prints the recorded report and reads nothing else: not the cache of
 * results, not one result. Any difference (a file more, less, moved, touched; other options)
 * and the run goes on as without the record, file by file, and records itself again at the end
 * when it can.
 *
 * The key is made by `ResultCache`: the settings, the build, the mode, each file's path, name
 * and options. A file's text is told by its stat, as by the `metadata` strategy of the cache
 * (see `FileStamps`); the run's cross-file facts (CRDs, ServiceAccounts, registry Secrets) are
 * facts of those texts, so they need no key of their own. A run is recorded only when every
 * result came from the cache or was stored in it, each file with a stamp: so never one with a
 * file that may hold a credential, an unreadable file or a chart.
 */
import { isRecord } from '../core/data.js';
import { readPrivateBytes, writePrivateFile } from '../io/private-file.js';
import { sameStat, type FileStamp, type RunStats } from './file-stamps.js';
import type { DiscoveredFile } from '../io/discover.js';

/** Names what the file is; bumped when its shape changes. */
export const RECORD_FORMAT = 'privreg-fix run record 2';

/** Numbers in `RunRecord.stats` per file: size, modification and change times, inode, device. */
const STAT_FIELDS = 5;

/** The record of a run; in its file, a line of JSON (all but `text`), then `text` as it is. */
export interface RunRecord {
  key: string;
  /** The stat of each file, `STAT_FIELDS` numbers each (see `statRow`). */
  stats: number[];
  /** What the run reported (the caller's: any JSON value)… */
  report: unknown;
  /** …and a text it printed, kept unescaped: read back as bytes, not decoded. */
  text: string | Uint8Array;
}

/** The numbers of a stamp's stat in a record. */
export const statRow = (s: FileStamp): number[] => [s.size, s.mtimeMs, s.ctimeMs, s.ino, s.dev];

/** The record of a run kept in `file`; undefined when missing, foreign, corrupt or not private. */
export function readRunRecord(file: string): RunRecord | undefined {
  const content = readPrivateBytes(file);
  const end = content?.indexOf(0x0a) ?? -1;
  if (content === undefined || end < 0) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(content.toString('utf8', 0, end));
  } catch {
    return undefined;
  }
  if (!isRecord(data) || data.format !== RECORD_FORMAT) return undefined;
  const { key, stats, report } = data;
  if (typeof key !== 'string' || report === undefined || !Array.isArray(stats) || !stats.every((n) => typeof n === 'number')) return undefined;
  return { key, stats, report, text: content.subarray(end + 1) };
}

/** Writes the record of a run (atomically; a failure is ignored: it is an optimisation). */
export function writeRunRecord(file: string, { text, ...rest }: RunRecord): void {
  // JSON.stringify escapes every line break: the first line is the JSON.
  const head = `${JSON.stringify({ format: RECORD_FORMAT, ...rest })}\n`;
  writePrivateFile(file, typeof text === 'string' ? head + text : Buffer.concat([Buffer.from(head), text]));
}

/** Whether `files` are as many as the record's and each stats as its row says (see `sameStat`); stops at the first that does not. */
export function unchanged(record: RunRecord, files: readonly DiscoveredFile[], stats: RunStats): boolean {
  if (record.stats.length !== files.length * STAT_FIELDS) return false;
  for (const [i, file] of files.entries()) {
    const [size, mtimeMs, ctimeMs, ino, dev] = record.stats.slice(i * STAT_FIELDS, (i + 1) * STAT_FIELDS) as [number, number, number, number, number];
    const info = stats.of(file.absolute)?.info;
    if (!info?.isFile() || !sameStat({ size, mtimeMs, ctimeMs, ino, dev }, info)) return false;
  }
  return true;
}
