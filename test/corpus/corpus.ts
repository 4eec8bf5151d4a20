import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The shared corpus of real-world manifests, when present (it is not part of a user's clone). */
export const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');

/**
 * Skips the running test when the shared corpus is absent (a user's clone has no `../shared`).
 * Called inside the test, so collecting the suite never touches `../shared`.
 */
export function needCorpus(ctx: { skip: (condition: boolean, note?: string) => void }): void {
  ctx.skip(!existsSync(CORPUS), '../shared/corpus is absent');
}

/** Every YAML file of a directory tree, sorted. */
export function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(name)) out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** Reads a file as text, BOM kept. */
export const readText = (f: string): string => readFileSync(f, 'utf8');
