/**
 * Finds and loads the generated Kubernetes schemas that ship with the package
 * (`schemas/kubernetes/<version>/`), relative to this module: `src/validate/` and
 * `dist/validate/` both sit two levels below the package root.
 */
import { DEFAULT_KUBERNETES_VERSION } from '../core/options.js';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JsonObject } from './compact-schema.js';


/** Directory holding one sub-directory of schemas per Kubernetes version. */
export const SCHEMAS_ROOT = fileURLToPath(new URL('../../schemas/kubernetes/', import.meta.url));

/** Named schemas that `$ref: '#/definitions/<name>'` points at. */
export type Definitions = Record<string, JsonObject>;

/** The schemas of one Kubernetes version. */
export interface KubernetesSchemas {
  version: string;
  /** The version's directory (holding `validators/`). */
  dir: string;
  /** `<apiVersion>/<kind>` -> definition name. */
  kinds: Record<string, string>;
  /**
   * Named schemas, `$ref`'d as `#/definitions/<name>`: read on first call, only needed for CRDs
   * and for the "did you mean" of unknown fields (validation itself runs precompiled code).
   */
  definitions(): Definitions;
}

/** Versions for which generated schemas are present, newest first. */
export function listKubernetesVersions(root: string = SCHEMAS_ROOT): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(`${root}/${entry.name}/kinds.json`))
    .map((entry) => entry.name)
    .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
}

/**
 * A stamp of the bundled schemas of one version (size and time of its files and of its
 * precompiled validators' directory), for caches of results that depend on them.
 */
export function schemaStamp(version: string, root: string = SCHEMAS_ROOT): string {
  const dir = `${root}/${version}`;
  const names = existsSync(dir) ? readdirSync(dir).sort() : [];
  return names.map((name) => {
    const s = statSync(`${dir}/${name}`);
    return `${name}:${s.size}:${s.mtimeMs}`;
  }).join('|');
}

/** Raised for a `--kubernetes-version` with no schemas. */
export class UnknownKubernetesVersionError extends Error {
  constructor(version: string, available: readonly string[]) {
    super(`no schemas for Kubernetes ${version}; available: ${available.join(', ') || 'none'}`);
    this.name = 'UnknownKubernetesVersionError';
  }
}

const cache = new Map<string, KubernetesSchemas>();

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Throws `UnknownKubernetesVersionError` unless schemas of `version` are bundled. */
export function checkKubernetesVersion(version: string, root: string = SCHEMAS_ROOT): void {
  const versions = listKubernetesVersions(root);
  if (!versions.includes(version)) throw new UnknownKubernetesVersionError(version, versions);
}

/** Loads (once per process) the schemas of a Kubernetes version. */
export function loadKubernetesSchemas(version: string = DEFAULT_KUBERNETES_VERSION, root: string = SCHEMAS_ROOT): KubernetesSchemas {
  const key = `${root}\0${version}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const dir = `${root}/${version}`;
  if (!/^[\w.-]+$/.test(version) || !existsSync(`${dir}/kinds.json`))
    throw new UnknownKubernetesVersionError(version, listKubernetesVersions(root));
  let definitions: Definitions | undefined;
  const schemas: KubernetesSchemas = {
    version,
    dir,
    kinds: readJson<Record<string, string>>(`${dir}/kinds.json`),
    definitions: () => (definitions ??= readJson<Definitions>(`${dir}/definitions.json`)),
  };
  cache.set(key, schemas);
  return schemas;
}

/** Name of the ObjectMeta definition, which custom resources' `metadata` is checked against. */
export const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
