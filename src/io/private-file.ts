/**
 * Files privreg-fix keeps for itself between runs (caches): written atomically with the
 * current user's permissions only, and trusted only when the current user owns them and nobody
 * else can write them. Shared by the cache of compiled validators and the result cache.
 */
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Whether a file belongs to this user and is writable by nobody else (always true off POSIX). */
export function isPrivate(stats: Stats): boolean {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return true;
  return stats.uid === process.getuid() && (stats.mode & 0o022) === 0;
}

/**
 * The text of a file privreg-fix kept for itself (see `writePrivateFile`): undefined when it is
 * missing, unreadable or not private (what it holds decides results, so only a file this user
 * wrote and nobody else can change is read).
 */
export function readPrivateText(file: string): string | undefined {
  return readPrivateBytes(file)?.toString('utf8');
}

/** The bytes of a file privreg-fix kept for itself (see `readPrivateText`). */
export function readPrivateBytes(file: string): Buffer | undefined {
  try {
    return isPrivate(statSync(file)) ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/** The JSON of a private file (see `readPrivateText`) when it is `format`'s; else undefined. */
export function readPrivateJson(file: string, format: string): Record<string, unknown> | undefined {
  const text = readPrivateText(file);
  if (text === undefined) return undefined;
  try {
    const data = JSON.parse(text) as unknown;
    return typeof data === 'object' && data !== null && (data as { format?: unknown }).format === format ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes `data` to `file` through a temporary file in the same directory and a rename, so that
 * a reader never sees half a file; creates the directory (mode 0700). Returns whether it was
 * written: any failure is swallowed (a cache is an optimisation) and the temporary file removed.
 */
export function writePrivateFile(file: string, data: string | Uint8Array): boolean {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(temp, data, { mode: 0o600 });
    renameSync(temp, file);
    return true;
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // nothing was written
    }
    return false;
  }
}

/** Size and modification time of a module's file (`import.meta.url`): a stamp of the build. */
export function moduleStamp(url: string): string {
  try {
    const s = statSync(fileURLToPath(url));
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'unknown';
  }
}
