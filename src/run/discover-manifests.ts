import path from 'node:path';
import { matchesAny } from '../io/glob.js';
import { configDiscovery, configRelativePath } from '../config/resolve.js';
import type { ConfigFile } from '../config/types.js';
import { discover, type DiscoveredFile } from '../io/discover.js';

/**
 * The files a run processes, as the CLI finds them: `paths` (or the config's `include` globs
 * when no path is given), minus the config's `exclude` globs — except files named explicitly,
 * which are always processed.
 */
export async function discoverManifests(paths: readonly string[], cwd: string, config: ConfigFile | undefined): Promise<DiscoveredFile[]> {
  const discovery = config ? configDiscovery(config) : undefined;
  const files = paths.length === 0 && discovery?.include
    ? await discover(discovery.include.map((g) => path.relative(cwd, path.resolve(discovery.baseDir, g)) || '.'), cwd)
    : await discover(paths, cwd);
  if (!config || !discovery || discovery.exclude.length === 0) return files;
  const explicit = new Set(paths.map((p) => path.resolve(cwd, p)));
  return files.filter((f) => explicit.has(f.absolute) || !matchesAny(configRelativePath(config, f.absolute), discovery.exclude));
}
