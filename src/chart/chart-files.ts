import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseManifest } from '../yaml/parse.js';
import { readTarGz } from './tar.js';

/** A chart's files, read from a directory or from a packaged chart (`.tgz`). */
interface ChartTree {
  read(rel: string): Buffer | undefined;
  /** Names directly inside `rel`, directories with a trailing `/`. */
  list(rel: string): string[];
}

/** The default values of a subchart (vendored in `charts/`), and its own subcharts. */
export interface Subchart {
  /** Where its values go in the parent's values: the dependency's alias, else its name. */
  key: string;
  name: string;
  /** Its `values.yaml` as data (undefined when it has none). */
  values: unknown;
  subcharts: Subchart[];
  /** Where it is, relative to the chart directory (`charts/redis`, `charts/redis-1.2.0.tgz`). */
  location: string;
}

/** What chart mode reads of a chart directory. */
export interface ChartFiles {
  dir: string;
  name: string;
  /** `values.yaml` of the chart (it may not exist). */
  valuesFile: string;
  subcharts: Subchart[];
  /** Subcharts that could not be read (their values are then not looked at). */
  problems: string[];
}

/** A chart directory that is not one (no `Chart.yaml`). */
export class NotAChartError extends Error {}

function dirTree(root: string): ChartTree {
  return {
    read: (rel) => (existsSync(path.join(root, rel)) && statSync(path.join(root, rel)).isFile() ? readFileSync(path.join(root, rel)) : undefined),
    list: (rel) => {
      const dir = path.join(root, rel);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
      return readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name)).sort();
    },
  };
}

function archiveTree(files: Map<string, Buffer>, top: string): ChartTree {
  return {
    read: (rel) => files.get(path.posix.join(top, rel)),
    list: (rel) => {
      const prefix = `${path.posix.join(top, rel)}/`;
      const names = new Set<string>();
      for (const name of files.keys()) {
        if (!name.startsWith(prefix)) continue;
        const rest = name.slice(prefix.length);
        const slash = rest.indexOf('/');
        names.add(slash === -1 ? rest : rest.slice(0, slash + 1));
      }
      return [...names].sort();
    },
  };
}

/** YAML data of a chart file, undefined when absent or unparseable. */
function yamlData(tree: ChartTree, rel: string): unknown {
  const bytes = tree.read(rel);
  if (bytes === undefined) return undefined;
  const file = parseManifest(rel, bytes.toString('utf8').replace(/^\uFEFF/, ''));
  if (file.errors.length > 0) return undefined;
  return file.docs[0]?.toJS({ maxAliasCount: 1000 }) as unknown;
}

interface ChartMeta {
  name: string;
  dependencies: { name: string; alias?: string }[];
}

function chartMeta(tree: ChartTree): ChartMeta | undefined {
  const data = yamlData(tree, 'Chart.yaml') as { name?: unknown; dependencies?: unknown } | undefined;
  if (!data || typeof data.name !== 'string') return undefined;
  const deps = Array.isArray(data.dependencies) ? data.dependencies : [];
  const dependencies = deps.flatMap((d: { name?: unknown; alias?: unknown }) =>
    typeof d?.name === 'string' ? [{ name: d.name, ...(typeof d.alias === 'string' && d.alias ? { alias: d.alias } : {}) }] : []);
  return { name: data.name, dependencies };
}

/** The subcharts in `charts/` of a chart, under each key the parent gives them. */
function subchartsOf(tree: ChartTree, meta: ChartMeta, at: string, problems: string[]): Subchart[] {
  const out: Subchart[] = [];
  for (const entry of tree.list('charts')) {
    const location = path.posix.join(at, 'charts', entry.replace(/\/$/, ''));
    let sub: ChartTree;
    if (entry.endsWith('/')) {
      sub = archiveOrDir(tree, `charts/${entry}`);
    } else if (/\.tgz$/.test(entry)) {
      try {
        const files = readTarGz(tree.read(`charts/${entry}`) ?? Buffer.alloc(0));
        const top = [...files.keys()][0]?.split('/')[0] ?? '';
        sub = archiveTree(files, top);
      } catch (e) {
        problems.push(`${location}: cannot read the archive (${(e as Error).message})`);
        continue;
      }
    } else {
      continue;
    }
    const subMeta = chartMeta(sub);
    if (!subMeta) {
      if (entry.endsWith('/') || /\.tgz$/.test(entry)) problems.push(`${location}: no readable Chart.yaml`);
      continue;
    }
    const deps = meta.dependencies.filter((d) => d.name === subMeta.name);
    const keys = deps.length > 0 ? deps.map((d) => d.alias ?? d.name) : [subMeta.name];
    const values = yamlData(sub, 'values.yaml');
    const nested = subchartsOf(sub, subMeta, location, problems);
    for (const key of keys) out.push({ key, name: subMeta.name, values, subcharts: nested, location });
  }
  return out;
}

function archiveOrDir(tree: ChartTree, rel: string): ChartTree {
  return {
    read: (r) => tree.read(path.posix.join(rel, r)),
    list: (r) => tree.list(path.posix.join(rel, r)),
  };
}

/** Reads a chart directory: its name, where its values are, and its vendored subcharts' values. */
export function readChart(dir: string): ChartFiles {
  const tree = dirTree(dir);
  const meta = chartMeta(tree);
  if (!meta) {
    throw new NotAChartError(existsSync(path.join(dir, 'Chart.yaml'))
      ? `${dir}/Chart.yaml: not a chart description (no name)`
      : `${dir}: not a Helm chart (no Chart.yaml)`);
  }
  const problems: string[] = [];
  const subcharts = subchartsOf(tree, meta, '', problems);
  return { dir, name: meta.name, valuesFile: path.join(dir, 'values.yaml'), subcharts, problems };
}
