import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');

/**
 * The folders of src/, bottom to top: a module may import from its own folder and from folders
 * listed before its own, never after (type-only and dynamic imports included). docs/ARCHITECTURE.md
 * explains each layer; a new folder must be placed here.
 */
export const LAYERS = [
  'core', // vocabulary: findings, edits, options, outcome, errors
  'yaml', // the one YAML adapter: dialect, parse with limits, positions, node helpers
  'io', // the file system and the process streams
  'image', // image reference grammar and registry names
  'credentials', // docker config files and auth strings
  'config', // config file, flags and defaults into options
  'validate', // schemas (built-in and CRDs) and ajv
  'manifest', // objects in parsed documents, templates, rendered sources
  'fix', // text edits that keep the file's layout
  'kinds', // Kubernetes knowledge: scopes, pod-spec paths, CRDs, followPath
  'rules', // one file per rule, and the registry of rules
  'engine', // one text in, one result out: lint, fix, verify, validate
  'run', // many files: discover, pre-pass, cache, write
  'report', // text, JSON, SARIF, GitHub and diff output
  'registry', // the registry's HTTP API
  'api', // the library's entry points
  'krm', // the KRM function
  'post-render', // the Helm post-renderer's report
  'create', // `create namespace|secret`
  'images', // the image inventory and its verification
  'chart', // chart mode
  'cli', // argument parsing, main(), one file per subcommand under cli/commands/
  '', // src/index.ts, the package's entry
];

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.ts$/.test(name) ? [p] : [];
  });
}

const folderOf = (file: string): string => {
  const parts = path.relative(SRC, file).split(path.sep);
  return parts.length > 1 ? (parts[0] as string) : '';
};

interface Import { from: string; spec: string; target?: string }

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => {
    const spec = (m[1] ?? m[2]) as string;
    return spec.startsWith('.') ? { from: file, spec, target: path.resolve(path.dirname(file), spec) } : { from: file, spec };
  });
}

describe('the layers of src/', () => {
  const files = sourceFiles(SRC);
  const imports = files.flatMap(importsOf);
  const rel = (f: string): string => path.relative(ROOT, f);

  it('every folder has its place in LAYERS', () => {
    expect([...new Set(files.map(folderOf))].filter((f) => !LAYERS.includes(f))).toEqual([]);
  });

  it('a folder imports only from folders below it (so there is no cycle between folders)', () => {
    const upward = imports.filter((i) => i.target?.startsWith(SRC)).filter((i) => {
      const a = folderOf(i.from);
      const b = folderOf((i.target as string).replace(/\.js$/, '.ts'));
      return a !== b && LAYERS.indexOf(b) > LAYERS.indexOf(a);
    }).map((i) => `${rel(i.from)} imports ${i.spec}`);
    expect(upward).toEqual([]);
  });

  it('only src/yaml/ imports the yaml package (one dialect, one set of limits)', () => {
    const direct = imports.filter((i) => i.spec === 'yaml' && folderOf(i.from) !== 'yaml').map((i) => rel(i.from));
    expect(direct).toEqual([]);
  });

  it('no source file is over 300 lines', () => {
    const big = files.map((f) => [rel(f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 300);
    expect(big).toEqual([]);
  });

  it('scripts/ and test/ do not import each other, and neither is imported by src/', () => {
    const crossing = (dir: string, other: string): string[] => sourceFiles(path.join(ROOT, dir)).flatMap(importsOf)
      .filter((i) => i.target?.startsWith(path.join(ROOT, other) + path.sep)).map((i) => `${rel(i.from)} imports ${i.spec}`);
    expect([...crossing('scripts', 'test'), ...crossing('test', 'scripts'), ...crossing('src', 'test'), ...crossing('src', 'scripts')]).toEqual([]);
  });
});
