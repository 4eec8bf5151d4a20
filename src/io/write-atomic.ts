import { randomBytes } from 'node:crypto';
import { open, realpath, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Temporary files being written, so an interrupted run can remove them. */
const inFlight = new Set<string>();

/** Removes temporary files of writes still in progress (for signal handlers). */
export async function cleanupInFlight(): Promise<void> {
  await Promise.all([...inFlight].map((f) => unlink(f).catch(() => undefined)));
  inFlight.clear();
}

/**
 * Replaces a file's content atomically: the text goes to a temporary file in the same directory,
 * is flushed to disk, gets the original's mode, and is renamed over the original. A symbolic link
 * is followed and its target written, so the link stays a link. On any failure the original is
 * left untouched and the temporary file removed.
 */
export async function writeAtomic(file: string, text: string): Promise<void> {
  const target = await realpath(file);
  const { mode } = await stat(target);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.privreg-fix-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  inFlight.add(tmp);
  try {
    const handle = await open(tmp, 'wx', mode & 0o7777);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.chmod(mode & 0o7777);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, target);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  } finally {
    inFlight.delete(tmp);
  }
}
