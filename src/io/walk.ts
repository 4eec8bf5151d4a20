/**
 * The walk of a directory for discovery: one pass over the tree that prunes `node_modules` and
 * `.git` and honours `.gitignore` files as git reads them. A `.gitignore` applies to the paths
 * below its directory; a deeper one decides before a shallower one (the last matching line of
 * the deepest file that has one wins); an ignored directory is not entered, so nothing below it
 * comes back. The `.gitignore` files of the directories above the walk's root count too, up to
 * the root of its git work tree (the nearest directory holding `.git`); outside a work tree,
 * only those inside the walked tree. The lines of every file are rebased to one directory and
 * matched by the `ignore` package (with its default, case-insensitive, as globby's `gitignore`
 * option, which discovery used before, matched them).
 */
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Directories never entered, wherever they are. */
const PRUNED = new Set(['node_modules', '.git']);

/** The `.gitignore` rules in force in a directory: every line met from the top, in order, based there. */
interface Rules {
  lines: readonly string[];
  ignore: Ignore | undefined;
  /** The walk's root, from the top (the directory the lines are based at): `''` or ending in `/`. */
  prefix: string;
}

const toPosix = (p: string): string => (path.sep === '/' ? p : p.split(path.sep).join('/'));

/**
 * A `.gitignore` line of the directory `base` (from the top, `/`-separated; `''`: the top) as a
 * line of the top's: what has a slash at its start or middle is anchored at `base`, anything
 * else may match at any depth below it (gitignore(5), "PATTERN FORMAT").
 */
function rebase(line: string, base: string): string {
  if (base === '') return line;
  const negated = line.startsWith('!');
  const pattern = negated ? line.slice(1) : line;
  const slash = pattern.indexOf('/');
  const anchored = slash !== -1 && slash !== pattern.length - 1;
  const rebased = anchored ? `${base}/${pattern.startsWith('/') ? pattern.slice(1) : pattern}` : `${base}/**/${pattern}`;
  return negated ? `!${rebased}` : rebased;
}

/** The rules with the `.gitignore` of `dir` (`base`: that directory from the top) added. */
function withFile(rules: Rules, dir: string, base: string): Rules {
  let text: string;
  try {
    text = readFileSync(path.join(dir, '.gitignore'), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return rules;
    throw new Error(`cannot read ${path.join(dir, '.gitignore')}: ${(e as Error).message}`, { cause: e });
  }
  const own = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#')).map((l) => rebase(l, base));
  if (own.length === 0) return rules;
  const lines = [...rules.lines, ...own];
  return { lines, ignore: ignore().add(lines), prefix: rules.prefix };
}

/** The nearest directory at or above `dir` that holds `.git` (a directory, or a worktree's file). */
function gitRootOf(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    try {
      statSync(path.join(d, '.git'));
      return d;
    } catch {
      // not here
    }
    if (path.dirname(d) === d) return undefined;
  }
}

/**
 * The rules of the `.gitignore` files above `root`, from the top down: the top is its git work
 * tree's root, or outside a work tree `base` when `root` is below it, else `root` itself.
 */
function rulesAbove(root: string, base: string | undefined): Rules {
  const top = gitRootOf(root) ?? (base !== undefined && root.startsWith(base + path.sep) ? base : root);
  const prefix = top === root ? '' : `${toPosix(path.relative(top, root))}/`;
  let rules: Rules = { lines: [], ignore: undefined, prefix };
  if (top === root) return rules;
  const dirs: string[] = [];
  for (let d = path.dirname(root); ; d = path.dirname(d)) {
    dirs.unshift(d);
    if (d === top || path.dirname(d) === d) break;
  }
  for (const d of dirs) rules = withFile(rules, d, toPosix(path.relative(top, d)));
  return rules;
}

/** Whether a path (from the walk's root, `/`-separated; a directory's with a trailing `/`) is ignored. */
const isIgnored = (rules: Rules, rel: string): boolean => rules.ignore !== undefined && rules.ignore.ignores(rules.prefix + rel);

/**
 * The files below `root` whose path from it (`/`-separated) `wanted` accepts, as absolute
 * paths, in no particular order (see the module comment); `base`: where `.gitignore` files
 * above `root` are read from outside a git work tree (a glob's walk reads those between the
 * current directory and the glob's own directory). Symbolic links are followed, except
 * one back to a directory being walked (a cycle); broken links are skipped. A directory that
 * cannot be read is an error, as is a `.gitignore` that exists but cannot be read.
 */
export function walkFiles(root: string, wanted: (rel: string) => boolean, base?: string): string[] {
  const found: string[] = [];
  // The directories being walked, outermost first; their real paths, found when a link is met.
  const open: string[] = [];
  const reals = new Map<string, string>();
  const realOf = (dir: string): string => {
    let real = reals.get(dir);
    if (real === undefined) reals.set(dir, (real = realpathSync.native(dir)));
    return real;
  };
  const walk = (dir: string, rel: string, rules: Rules): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return;
      throw e;
    }
    if (entries.some((e) => e.name === '.gitignore' && !e.isDirectory())) rules = withFile(rules, dir, `${rules.prefix}${rel}`.replace(/\/$/, ''));
    open.push(dir);
    // `dir` is resolved (see below) and an entry's name holds no separator: `path.join` would
    // only normalise again what is normal (a warm run over a large tree spent ~5 ms there).
    const under = dir.endsWith(path.sep) ? dir : dir + path.sep;
    for (const entry of entries) {
      const full = under + entry.name;
      const entryRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(full);
          isDir = target.isDirectory();
          isFile = target.isFile();
          if (isDir && open.some((d) => realOf(d) === realOf(full))) continue;
        } catch {
          continue;
        }
      }
      if (isDir) {
        if (!PRUNED.has(entry.name) && !isIgnored(rules, `${entryRel}/`)) walk(full, entryRel, rules);
      } else if (isFile && wanted(entryRel) && !isIgnored(rules, entryRel)) found.push(full);
    }
    open.pop();
  };
  const top = path.resolve(root);
  walk(top, '', rulesAbove(top, base));
  return found;
}
