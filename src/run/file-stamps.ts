/**
 * What `stat` said of each file when its text was last read, with the digest of that text: the
 * `metadata` strategy of `--cache` (as eslint's) tells a file unchanged by its stat, without
 * reading it. A stat records size, modification and change times, inode and device; `ctime`
 * cannot be set back by `touch` or `cp -p`, and a new checkout gives every file new inodes, so a
 * file rewritten in any of those ways is read again. A stat taken soon after the file's last
 * change (see `RACY_MS`) is not recorded: the file may change again within the same timestamp
 * tick, unseen by a stat (git's "racily clean" entries).
 */
import { statSync, type Stats } from 'node:fs';

/** A file's stat when its text (of digest `hash`) was read; `crd`: the text may define CRDs. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  dev: number;
  hash: string;
  crd: boolean;
}

/**
 * How long (in ms) after a file's last change its stat may be recorded: on a file system with
 * whole-second times (FAT keeps 2 s, HFS+ and some network file systems 1 s), and on one with
 * finer times (a Linux file system's clock ticks every few milliseconds), where the times have
 * a fraction of a second (a whole second there is one time in a thousand: then the longer wait).
 */
export const RACY_MS = 2000;
export const FINE_RACY_MS = 100;

const racyWindow = (info: Stats): number => (info.mtimeMs % 1000 === 0 && info.ctimeMs % 1000 === 0 ? RACY_MS : FINE_RACY_MS);

function validStamp(s: unknown): s is FileStamp {
  if (typeof s !== 'object' || s === null) return false;
  const x = s as Partial<FileStamp>;
  return typeof x.size === 'number' && typeof x.mtimeMs === 'number' && typeof x.ctimeMs === 'number' && typeof x.ino === 'number'
    && typeof x.dev === 'number' && typeof x.hash === 'string' && typeof x.crd === 'boolean';
}

const sameStat = (a: FileStamp, b: Stats): boolean =>
  a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino && a.dev === b.dev;

/** The stamps of a cache file, by absolute path (see the module comment). */
export class FileStamps {
  /** The stat taken before a file's text was read, and when. */
  private readonly taken = new Map<string, { info: Stats; at: number }>();
  /** Whether the stamps changed since they were read. */
  dirty = false;

  /** `now`: the clock the file system's times are compared with (a test may set it forward). */
  constructor(readonly stamps: Record<string, FileStamp>, private readonly now: () => number = Date.now) {}

  /**
   * Stats a file (call it before reading the file) and gives its stamp when the file stats as
   * then: its text is the one of `hash`. Undefined: read it, then `record` what was read.
   */
  check(absolute: string): FileStamp | undefined {
    const at = this.now();
    let info: Stats;
    try {
      info = statSync(absolute);
    } catch {
      return undefined;
    }
    this.taken.set(absolute, { info, at });
    const stamp = this.stamps[absolute];
    return info.isFile() && validStamp(stamp) && sameStat(stamp, info) ? stamp : undefined;
  }

  /** Records the stamp of a text read after `check`: only of a stat taken well after the file's last change, of as many bytes as were read. */
  record(absolute: string, text: string, hash: string, crd: boolean): void {
    const taken = this.taken.get(absolute);
    const old = this.stamps[absolute];
    if (taken && taken.info.isFile() && taken.at - Math.max(taken.info.mtimeMs, taken.info.ctimeMs) >= racyWindow(taken.info)
      && taken.info.size === Buffer.byteLength(text)) {
      const { size, mtimeMs, ctimeMs, ino, dev } = taken.info;
      if (validStamp(old) && old.hash === hash && old.crd === crd && sameStat(old, taken.info)) return;
      this.stamps[absolute] = { size, mtimeMs, ctimeMs, ino, dev, hash, crd };
      this.dirty = true;
    } else if (old !== undefined) {
      delete this.stamps[absolute];
      this.dirty = true;
    }
  }

  /** Drops the stamp of a path (its file is to be read every time). */
  drop(absolute: string): void {
    if (this.stamps[absolute] === undefined) return;
    delete this.stamps[absolute];
    this.dirty = true;
  }

  /** Drops the stamps of paths `keep` says no to. */
  prune(keep: (absolute: string) => boolean): void {
    for (const path of Object.keys(this.stamps)) {
      if (keep(path)) continue;
      delete this.stamps[path];
      this.dirty = true;
    }
  }
}
