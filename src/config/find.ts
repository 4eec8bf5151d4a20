import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** File names looked for in each directory, in order of preference. */
export const CONFIG_FILE_NAMES = ['.privreg-fix.yaml', '.privreg-fix.yml'] as const;

/**
 * Looks for a config file in `cwd` and its ancestors. The walk stops after the repository root
 * (a directory holding `.git`, a directory or a worktree's file), so a stray config in a home
 * directory never applies to a checkout; outside any repository it goes up to the file-system root.
 */
export async function findConfigFile(cwd: string): Promise<string | undefined> {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if ((await kindOf(candidate)) === 'file') return candidate;
    }
    if ((await kindOf(join(dir, '.git'))) !== undefined) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

async function kindOf(path: string): Promise<'file' | 'other' | undefined> {
  try {
    return (await stat(path)).isFile() ? 'file' : 'other';
  } catch {
    return undefined;
  }
}
