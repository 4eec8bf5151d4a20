import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { CommandError } from '../core/errors.js';

/**
 * Whether `dir` is inside a git work tree, asking git itself (`git rev-parse
 * --is-inside-work-tree`) so worktrees, submodules and GIT_DIR behave as git sees them.
 * A missing git binary, or any git failure, means "not in a work tree".
 */
export function isInsideGitWorkTree(dir: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('git', ['rev-parse', '--is-inside-work-tree'], { cwd: dir, env, timeout: 10_000 }, (error, stdout) => {
      resolve(error === null && String(stdout).trim() === 'true');
    });
  });
}

/** Throws unless `dir` exists and is a directory (git and the temp file both need it). */
async function checkDirectory(dir: string): Promise<void> {
  try {
    if ((await stat(dir)).isDirectory()) return;
  } catch {
    // Reported below with the same message as "not a directory".
  }
  throw new CommandError(`cannot write to ${dir}: no such directory`);
}

/**
 * Writes `content` to `file` atomically with permission bits `mode`: a temp file is created
 * in the same directory (so the rename stays on one filesystem) with that mode from the
 * start, flushed, then renamed over the target. Readers never see a partial file and a
 * secret never exists with wider permissions, even briefly.
 */
export async function writeFileAtomic(file: string, content: string, mode: number): Promise<void> {
  const dir = path.dirname(file);
  await checkDirectory(dir);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      // The umask may have removed bits from `mode`; chmod makes the result exact.
      await handle.chmod(mode);
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new CommandError(`cannot write ${file} (${code})`);
  }
}

/** Options for writing a generated Secret. */
export interface SecretWriteOptions {
  /** Write even inside a git work tree. */
  force: boolean;
  env: NodeJS.ProcessEnv;
}

/**
 * Writes a Secret manifest with mode 0600, refusing a path inside a git work tree unless
 * `force`: a Secret's data is only base64, so committing it publishes the password.
 */
export async function writeSecretFile(file: string, content: string, options: SecretWriteOptions): Promise<void> {
  const dir = path.dirname(file);
  await checkDirectory(dir);
  if (!options.force && (await isInsideGitWorkTree(dir, options.env))) {
    throw new CommandError(
      `refusing to write the Secret to ${file}: that path is inside a git work tree, and a committed Secret leaks ` +
        'the registry password (Secret data is base64, not encryption; anyone who can read the repository or its ' +
        'history can decode it). Write it outside the repository, or pass --force if the file is git-ignored or ' +
        'encrypted before commit.',
    );
  }
  await writeFileAtomic(file, content, 0o600);
}
