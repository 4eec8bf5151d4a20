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

/** Whether a file stats as its stamp says (the same size, times, inode and device). */
export const sameStat = (a: Omit<FileStamp, 'hash' | 'crd'>, b: Stats): boolean =>
  a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino && a.dev === b.dev;

/** A stat and when it was taken. */
export interface TakenStat {
  info: Stats;
  at: number;
}

/**
 * The stats of one run, each file's taken once (before its text is read, if it is): the record
 * of a whole run (see `RunRecord`) and the stamps of each file (see `FileStamps`) ask the same.
 */
export class RunStats {
  private readonly taken = new Map<string, TakenStat | null>();

  /** `now`: the clock the file system's times are compared with (a test may set it forward). */
  constructor(private readonly now: () => number = Date.now) {}

  /** The file's stat (taken now, or when first asked), undefined when it cannot be taken. */
  of(absolute: string): TakenStat | undefined {
    let taken = this.taken.get(absolute);
    if (taken === undefined) {
      const at = this.now();
      try {
        taken = { info: statSync(absolute), at };
      } catch {
        taken = null;
      }
      this.taken.set(absolute, taken);
    }
    return taken ?? undefined;
  }

  /** The file's stat when one was taken (see `of`): none is taken now. */
  peek(absolute: string): TakenStat | undefined {
    return this.taken.get(absolute) ?? undefined;
  }
}

/** The stamps of a cache file, by absolute path (see the module comment). */
export class FileStamps {
  /** Whether the stamps changed since they were read. */
  dirty = false;

  /** `stats`: the run's stats, each taken before the file's text was read. */
  constructor(readonly stamps: Record<string, FileStamp>, private readonly stats: RunStats = new RunStats()) {}

  /**
   * Stats a file (call it before reading the file) and gives its stamp when the file stats as
   * then: its text is the one of `hash`. Undefined: read it, then `record` what was read.
   */
  check(absolute: string): FileStamp | undefined {
    const info = this.stats.of(absolute)?.info;
    const stamp = this.stamps[absolute];
    return info?.isFile() && validStamp(stamp) && sameStat(stamp, info) ? stamp : undefined;
  }

  /** The stored stamp of a file (as `check` or `record` left it), when it has the shape of one. */
  valid(absolute: string): FileStamp | undefined {
    const stamp = this.stamps[absolute];
    return validStamp(stamp) ? stamp : undefined;
  }

  /** Records the stamp of a text read after `check`: only of a stat taken well after the file's last change, of as many bytes as were read. */
  record(absolute: string, text: string, hash: string, crd: boolean): void {
    const taken = this.stats.peek(absolute);
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
