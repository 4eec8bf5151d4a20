/**
 * Glob matching, on picomatch (the one adapter of that library): the config's globs and the
 * globs of path arguments (see `walkFiles`).
 */
import picomatch from 'picomatch';

/**
 * The config's glob matching (`include`, `exclude`, `overrides`). Paths and globs use `/`; `*`,
 * `?`, `[abc]`, `[!a]`, `**` and `{a,b}` as picomatch reads them (POSIX brackets on), dot files
 * matched like any other file, and, as in .gitignore, a glob that matches a directory matches
 * everything below it.
 */
export function compileGlob(glob: string): (path: string) => boolean {
  const isMatch = picomatch(glob.replace(/^(\.\/)+/, '').replace(/\/+$/, ''), { dot: true, posix: true });
  return (path) => {
    const p = normalizePath(path);
    if (isMatch(p)) return true;
    for (let slash = p.lastIndexOf('/'); slash > 0; slash = p.lastIndexOf('/', slash - 1)) {
      if (isMatch(p.slice(0, slash))) return true;
    }
    return false;
  };
}

// Overrides are matched once per file, so compiled globs are kept (a config has few globs).
const cache = new Map<string, (path: string) => boolean>();

/** Whether `path` (relative, `/`-separated) matches any of `globs`. */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  return globs.some((g) => {
    let match = cache.get(g);
    if (!match) cache.set(g, (match = compileGlob(g)));
    return match(path);
  });
}

/** Strips `./` prefixes and a trailing `/`, and turns `\` separators into `/` in paths. */
export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}

/**
 * A path argument's glob split into the directory its walk starts in and the glob the paths
 * below are matched with (`k8s/apps/*.yaml`: `k8s/apps` and `*.yaml`, as picomatch's `scan`
 * splits it); `isGlob` false: no glob characters at all.
 */
export function splitGlob(pattern: string): { base: string; glob: string; isGlob: boolean } {
  const { base, glob, isGlob } = picomatch.scan(pattern);
  return { base, glob, isGlob };
}

/** A glob as a discovery pattern matches paths (relative, `/`-separated): dot files like any other. */
export function pathMatcher(glob: string): (path: string) => boolean {
  return picomatch(glob, { dot: true });
}
