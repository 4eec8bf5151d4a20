import { isRecord, listItems } from '../core/data.js';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathMatcher, splitGlob } from './glob.js';
import { walkFiles } from './walk.js';

/** A file to process: how it is shown, and where it is. */
export interface DiscoveredFile {
  display: string;
  absolute: string;
}

/** A path argument that matched nothing. */
export class NoMatchError extends Error {}

const isManifestPath = pathMatcher('**/*.{yaml,yml,json}');
/** A glob whose walk would start in one of these finds nothing (they are never walked). */
const PRUNED = /(^|\/)(node_modules|\.git)(\/|$)/;

/**
 * Expands path arguments (files, directories, globs) into a sorted, de-duplicated list of files.
 * Directories are searched for `*.yaml`/`*.yml` (and `*.json` holding Kubernetes objects), honouring `.gitignore` and skipping
 * `node_modules` and `.git`; a Helm chart found there is its `Chart.yaml` alone (see
 * `keepChartRoots`). Files named explicitly are always taken, even when ignored.
 */
export async function discover(args: readonly string[], cwd: string): Promise<DiscoveredFile[]> {
  const found = new Map<string, DiscoveredFile>();
  const inside = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
  const add = (absolute: string): void => {
    // Most files are below the current directory: their path from it is a slice.
    const rel = absolute.startsWith(inside) && !absolute.includes(`${path.sep}..`) ? absolute.slice(inside.length) : path.relative(cwd, absolute);
    const display = (rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? absolute : rel).split(path.sep).join('/');
    found.set(absolute, { display, absolute });
  };
  for (const arg of args.length > 0 ? args : ['.']) {
    const absolute = path.resolve(cwd, arg);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isFile()) {
      add(absolute);
      continue;
    }
    let matches: string[];
    if (info?.isDirectory()) matches = walkFiles(absolute, isManifestPath);
    else {
      const globbed = globFiles(arg.split(path.sep).join('/'), cwd);
      if (!globbed) throw new NoMatchError(`${arg}: no such file or directory`);
      matches = globbed;
    }
    if (matches.length === 0 && !info) throw new NoMatchError(`${arg}: no files match this pattern`);
    for (const m of keepChartRoots(matches)) if (!m.endsWith('.json') || (await isKubernetesJson(m))) add(m);
  }
  return [...found.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}

/**
 * The files a glob (`/`-separated, relative to `cwd` or absolute) matches, walked from the
 * directory where it starts (see `walkFiles`); undefined when `pattern` is no glob.
 */
export function globFiles(pattern: string, cwd: string): string[] | undefined {
  const { base, glob, isGlob } = splitGlob(pattern);
  if (!isGlob) return undefined;
  return PRUNED.test(base) ? [] : walkFiles(path.resolve(cwd, base), pathMatcher(glob), cwd);
}

const CHART_FILE = 'Chart.yaml';

const isInside = (file: string, dir: string): boolean => file.startsWith(dir + path.sep);

/**
 * A Helm chart among the matches (a directory holding `Chart.yaml`) is represented by its
 * `Chart.yaml` alone: its templates are not YAML, its values files are not manifests, and its
 * vendored subcharts are part of it. The engine reports such a file as a chart (`helm-chart`).
 */
function keepChartRoots(matches: readonly string[]): string[] {
  const roots = matches.filter((m) => path.basename(m) === CHART_FILE).map((m) => path.dirname(m));
  if (roots.length === 0) return [...matches];
  const outermost = roots.filter((r) => !roots.some((o) => isInside(r, o)));
  return matches.filter((m) => {
    const root = outermost.find((r) => isInside(m, r));
    return root === undefined || m === path.join(root, CHART_FILE);
  });
}

/** Larger JSON files found by a scan are not read to decide (lock files, data dumps). */
const MAX_JSON_PROBE = 16 * 1024 * 1024;

/**
 * Whether a `.json` file a scan found holds Kubernetes data: one object with `apiVersion` and
 * `kind` at the top level, or a `List` (`kind` ending in `List`, with `items`), as `kubectl get
 * -o json` writes them. package.json, tsconfig.json and other JSON are left out.
 */
async function isKubernetesJson(file: string): Promise<boolean> {
  try {
    const info = await stat(file);
    if (info.size > MAX_JSON_PROBE) return false;
    const data = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, '')) as unknown;
    if (!isRecord(data) || typeof data.kind !== 'string') return false;
    return typeof data.apiVersion === 'string' || listItems(data) !== undefined;
  } catch {
    return false;
  }
}
