/**
 * The `kubectl kustomize` peer: a kustomization over a copy of the corpus that applies only a
 * namespace and an image rewrite. kustomize refuses whole inputs for things privreg-fix reports
 * per file (invalid YAML, templates, the same object in two files), so files it cannot take are
 * left out and the documents it did process are counted.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { CorpusFile } from './corpus.js';

/** Whether `kubectl` is on the PATH. */
export function hasKubectl(): boolean {
  return spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function collectImages(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) collectImages(v, out);
  else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'image' && typeof v === 'string') out.add(v.replace(/@.*$/, '').replace(/:[^:/]*$/, ''));
      else collectImages(v, out);
    }
  }
}

/** Files kustomize can take together (no duplicate object ids), their documents and images. */
export function kustomizeInput(files: readonly CorpusFile[]): { files: string[]; documents: Map<string, number>; images: string[] } {
  const ids = new Set<string>();
  const images = new Set<string>();
  const taken: string[] = [];
  const documents = new Map<string, number>();
  for (const f of files) {
    if (/\{\{|\{%/.test(f.text)) continue;
    const docs = parseAllDocuments(f.text);
    if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) continue;
    const values = docs.map((d) => d.toJS() as unknown).filter((v) => v !== null && v !== undefined);
    const own: string[] = [];
    let ok = values.length > 0;
    for (const v of values) {
      const meta = isObject(v) && isObject(v.metadata) ? v.metadata : undefined;
      if (!isObject(v) || typeof v.kind !== 'string' || typeof v.apiVersion !== 'string' || typeof meta?.name !== 'string' || v.kind.endsWith('List')) {
        ok = false;
        break;
      }
      // kustomize's resource id is group (not version), kind, namespace and name; the namespace
      // transformer moves everything into one namespace, so the namespace cannot tell apart.
      const group = v.apiVersion.includes('/') ? v.apiVersion.slice(0, v.apiVersion.indexOf('/')) : '';
      // It also renames Namespace objects to the target namespace.
      own.push(`${group}|${v.kind}|${v.kind === 'Namespace' ? '' : meta.name}`);
    }
    if (!ok || own.some((id) => ids.has(id)) || new Set(own).size !== own.length) continue;
    for (const id of own) ids.add(id);
    for (const v of values) collectImages(v, images);
    taken.push(f.rel);
    documents.set(f.rel, values.length);
  }
  return { files: taken, documents, images: [...images].filter((i) => /^[a-z0-9]/.test(i)).sort() };
}

/** Writes kustomization.yaml into `dir` (a copy of the corpus). */
export function writeKustomization(dir: string, files: readonly string[], images: readonly string[]): void {
  const lines = ['apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', 'namespace: bench', 'resources:'];
  for (const f of files) lines.push(`  - ${JSON.stringify(f)}`);
  lines.push('images:');
  for (const image of images) lines.push(`  - name: ${JSON.stringify(image)}`, `    newName: ${JSON.stringify(`reg.example.com/mirror/${image.replace(/^[^/]*\.[^/]*\//, '')}`)}`);
  writeFileSync(join(dir, 'kustomization.yaml'), `${lines.join('\n')}\n`);
}

/**
 * Makes the kustomization build: runs kustomize, and while it fails naming one of the files,
 * drops that file and tries again. Returns the files kept (the last run succeeded) or undefined.
 */
export function settleKustomization(dir: string, files: string[], images: readonly string[], tries = 300): string[] | undefined {
  let kept = [...files];
  for (let i = 0; i < tries; i++) {
    writeKustomization(dir, kept, images);
    const r = spawnSync('kubectl', ['kustomize', dir], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status === 0) return kept;
    // kustomize names the file for most errors; for others it prints the object: find the file
    // that defines an object of that name.
    const name = /\\?"name\\?":\\?"([^"\\]+)/.exec(r.stderr)?.[1];
    const bad = kept.find((f) => r.stderr.includes(f))
      ?? (name ? kept.find((f) => new RegExp(`^\\s*name:\\s*["']?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*$`, 'm').test(readFileSync(join(dir, f), 'utf8'))) : undefined);
    if (!bad) return undefined;
    kept = kept.filter((f) => f !== bad);
  }
  return undefined;
}
