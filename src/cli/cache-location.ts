import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** The name of the cache file inside a cache directory. */
export const CACHE_FILE_NAME = '.privreg-fix-cache';

/**
 * Where `--cache` keeps its results. `--cache-location` names the file, or a directory to put
 * it in (an existing directory, or a path ending in a separator), as in eslint. Without it, as
 * prettier and the tools of the `find-cache-dir` convention do: `$CACHE_DIR/privreg-fix/` when
 * set, else `node_modules/.cache/privreg-fix/` of the project of the working directory (the
 * nearest directory upwards holding a `package.json`, else the working directory itself).
 */
export function cacheFile(location: string | undefined, cwd: string, env: NodeJS.ProcessEnv): string {
  if (location !== undefined) {
    const resolved = path.resolve(cwd, location);
    const isDir = /[\\/]$/.test(location) || (existsSync(resolved) && statSync(resolved).isDirectory());
    return isDir ? path.join(resolved, CACHE_FILE_NAME) : resolved;
  }
  const own = env.CACHE_DIR;
  if (own && !['true', 'false', '1', '0'].includes(own)) return path.join(path.resolve(cwd, own), 'privreg-fix', CACHE_FILE_NAME);
  return path.join(projectRoot(cwd), 'node_modules', '.cache', 'privreg-fix', CACHE_FILE_NAME);
}

function projectRoot(cwd: string): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}
