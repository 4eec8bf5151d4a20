/** Benchmark inputs: listing, counting and copying a corpus of manifests. */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** One manifest of the corpus, with its text. */
export interface CorpusFile {
  path: string;
  rel: string;
  text: string;
}

/** Every `*.yaml`/`*.yml` under `dir`, sorted (what the CLI discovers, minus .gitignore rules). */
export function listYaml(dir: string, root = dir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listYaml(path, root));
    else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) out.push(path);
  }
  return out.sort();
}

/** Reads the corpus. */
export function readCorpus(dir: string): CorpusFile[] {
  return listYaml(dir).map((path) => ({ path, rel: relative(dir, path), text: readFileSync(path, 'utf8') }));
}

/** A fresh temporary directory. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `privreg-bench-${prefix}-`));
}

/** Copies the YAML files of `from` into `to` (`copies` times, under copy01/, copy02/... when > 1). */
export function copyCorpus(from: string, to: string, copies = 1): void {
  const files = listYaml(from);
  for (let c = 1; c <= copies; c++) {
    const base = copies === 1 ? to : join(to, `copy${String(c).padStart(2, '0')}`);
    for (const file of files) {
      const target = join(base, relative(from, file));
      mkdirSync(join(target, '..'), { recursive: true });
      cpSync(file, target);
    }
  }
}

/** Total size of the YAML files under `dir`, in bytes. */
export function treeBytes(dir: string): number {
  return listYaml(dir).reduce((n, f) => n + statSync(f).size, 0);
}

/** Removes a temporary directory. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
