import * as fs from 'node:fs';
import path from 'node:path';

/**
 * The file-system calls the writer makes, all synchronous. They are a parameter so that tests
 * can inject failures (a full disk, a failing rename) and check that nothing is lost.
 */
export interface WriterFs {
  realpathSync(file: string): string;
  statSync(file: string): fs.Stats;
  openSync(file: string, flags: string, mode: number): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fchmodSync(fd: number, mode: number): void;
  fchownSync(fd: number, uid: number, gid: number): void;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(file: string): void;
}

/** The real file system. */
export const nodeWriterFs: WriterFs = {
  realpathSync: (f) => fs.realpathSync(f),
  statSync: (f) => fs.statSync(f),
  openSync: (f, flags, mode) => fs.openSync(f, flags, mode),
  writeSync: (fd, b, o, l) => fs.writeSync(fd, b, o, l),
  fchmodSync: (fd, m) => fs.fchmodSync(fd, m),
  fchownSync: (fd, u, g) => fs.fchownSync(fd, u, g),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (a, b) => fs.renameSync(a, b),
  unlinkSync: (f) => fs.unlinkSync(f),
};

/** A file the writer refuses to replace (read-only, several hard links, not a regular file). */
export class WriteRefusedError extends Error {}

/** Temporary files being written (by this thread), so an interrupted run can remove them. */
const inFlight = new Set<string>();

/** Set by a signal handler (`stopWrites`): no write starts any more. */
let stopped = false;

/** A write refused because the run is being interrupted. */
export class WriteStoppedError extends Error {}

/**
 * Stops writing: no write starts any more. Writes are synchronous from temporary file to
 * rename (see `writeAtomicSync`), so a signal handler calling this never runs in the middle of
 * one: every file is then either complete or untouched. For signal handlers, before exiting.
 */
export function stopWrites(): void {
  stopped = true;
}

/** Marks the temporary files privreg-fix writes: `.<name>.privreg-fix-<pid>-<hex>.tmp`. */
export const TEMP_FILE_PATTERN = /^\..+\.privreg-fix-\d+-[0-9a-f]+\.tmp$/;

/** Removes temporary files of writes still in progress, synchronously (for signal handlers). */
export function cleanupInFlightSync(): void {
  for (const f of inFlight) {
    try {
      fs.unlinkSync(f);
    } catch {
      // Already renamed into place or never created: nothing to remove.
    }
  }
  inFlight.clear();
}

/** Replaces a file's content atomically; see {@link writeAtomicSync}. */
export async function writeAtomic(file: string, text: string, fsi: WriterFs = nodeWriterFs): Promise<void> {
  writeAtomicSync(file, text, fsi);
}

/**
 * Replaces a file's content atomically: the text goes to a temporary file in the same directory
 * (`.<name>.privreg-fix-<pid>-<hex>.tmp`), is flushed to disk with the original's mode (and
 * owner, when allowed), and is renamed over the original. Every step is synchronous, so a
 * signal handler never runs in the middle of a write: it sees either no temporary file or a
 * complete one that it can remove. A symbolic link is followed and its target written, so the
 * link stays a link. Read-only files, files with several hard links (a rename would split them)
 * and anything but a regular file are refused with a {@link WriteRefusedError}. On any failure
 * the original is left untouched and the temporary file removed.
 */
export function writeAtomicSync(file: string, text: string, fsi: WriterFs = nodeWriterFs): void {
  if (stopped) throw new WriteStoppedError('the run is being interrupted');
  replace(file, text, fsi);
}

/**
 * A part of a temporary file's name that no other write of this process or another uses at the
 * same time; it is made with `O_EXCL` (`wx`), so a name taken already fails the write rather
 * than reuse a file, and it need not be unpredictable (`node:crypto` costs a short run ~8 ms to load).
 */
let written = 0;
const tempSuffix = (): string => `${(written++).toString(16)}${Math.floor(Math.random() * 2 ** 32).toString(16).padStart(8, '0')}`;

function replace(file: string, text: string, fsi: WriterFs): void {
  const target = fsi.realpathSync(file);
  const info = fsi.statSync(target);
  if (!info.isFile()) throw new WriteRefusedError('not a regular file');
  if ((info.mode & 0o222) === 0) throw new WriteRefusedError('the file is read-only');
  if (info.nlink > 1) throw new WriteRefusedError(`the file has ${info.nlink} hard links and replacing it would split them`);
  const mode = info.mode & 0o7777;
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.privreg-fix-${process.pid}-${tempSuffix()}.tmp`);
  inFlight.add(tmp);
  let created = false;
  try {
    const fd = fsi.openSync(tmp, 'wx', mode);
    created = true;
    try {
      const bytes = Buffer.from(text, 'utf8');
      for (let off = 0; off < bytes.length;) off += fsi.writeSync(fd, bytes, off, bytes.length - off);
      // open()'s mode is filtered by the umask; the original's mode is wanted exactly.
      fsi.fchmodSync(fd, mode);
      keepOwner(fsi, fd, info);
      fsi.fsyncSync(fd);
    } finally {
      fsi.closeSync(fd);
    }
    fsi.renameSync(tmp, target);
    created = false;
  } finally {
    if (created) {
      try {
        fsi.unlinkSync(tmp);
      } catch {
        // The original is intact either way; the error that matters is the one being thrown.
      }
    }
    inFlight.delete(tmp);
  }
}

/** Gives the new file the original's owner and group where the process may (as root, typically). */
function keepOwner(fsi: WriterFs, fd: number, info: fs.Stats): void {
  if (process.getuid === undefined || (info.uid === process.getuid() && info.gid === process.getgid?.())) return;
  try {
    fsi.fchownSync(fd, info.uid, info.gid);
  } catch {
    // Not permitted (not root): the file becomes the writer's, as with any editor's save.
  }
}
