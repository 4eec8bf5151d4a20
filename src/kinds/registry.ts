import { detach } from '../yaml/detach.js';
import type { CustomKind } from '../core/options.js';
import { groupKindKey } from './api-version.js';
import { DEFAULT_KUBERNETES_VERSION } from '../core/options.js';
import { builtinScopes } from './builtin-scopes.js';
import { BUILTIN_POD_SPEC_PATHS, LEGACY_SCOPES } from './builtin-workloads.js';
import { WELL_KNOWN_CRDS } from './well-known-crds.js';
import type { WellKnownKind } from './well-known-kind.js';

/** What privreg-fix knows about a kind. `scope` undefined means unknown: never guess. */
export interface KindInfo {
  scope: 'Namespaced' | 'Cluster' | undefined;
  /** Paths to the maps holding the pods' `imagePullSecrets`; `key?` may be created. */
  podSpecPaths: readonly string[];
  /** Paths to image references outside pod specs' containers. */
  imagePaths: readonly string[];
  /** Those of `podSpecPaths` whose `imagePullSecrets` lists plain names. */
  stringSecretPaths: readonly string[];
  /** Subtrees its CRD's schema leaves free-form, where pod specs found in the data are fixed. */
  freeFormPaths: readonly string[];
  /** Where the knowledge came from, for messages. */
  source: 'config' | 'crd' | 'builtin' | 'well-known' | 'unknown';
}

const NONE: readonly string[] = [];

/** A path without its `?` marks. */
const plain = (p: string): string => p.replaceAll('?', '');

function info(scope: KindInfo['scope'], source: KindInfo['source'], k: CustomKind | WellKnownKind | undefined, podSpecPaths?: readonly string[]): KindInfo {
  return {
    scope,
    podSpecPaths: podSpecPaths ?? k?.podSpecPaths ?? NONE,
    imagePaths: k?.imagePaths ?? NONE,
    stringSecretPaths: k?.stringSecretPaths ?? NONE,
    freeFormPaths: (k as CustomKind | undefined)?.freeFormPaths ?? NONE,
    source,
  };
}

/**
 * Where a CRD was found. Of two CRDs for one kind, the one of lower `rank` (compared element by
 * element) is used, whatever the order they are learned in; on a tie, the first learned.
 */
export interface CrdSource {
  /** Input CRDs: `[0, file, document]` in path order; `--schema-dir` CRDs: `[1, n]`, after them. */
  rank: readonly number[];
  /** Display path of its file; absent for a CRD of the single text being fixed. */
  file?: string;
  /** 0-based document index in that file (input CRDs). */
  documentIndex?: number;
  /** 1-based line of its `spec.names.kind` (input CRDs). */
  line?: number;
  /** Digest of its `spec`, which tells identical copies apart from different CRDs. */
  digest?: string;
}

const LAST: CrdSource = { rank: [Number.MAX_SAFE_INTEGER] };

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Answers "is this kind namespaced, where are its pod specs and images?" from, in order: the
 * config's `kinds`, CRDs (of the input, else of `--schema-dir`; merged with the curated table of
 * popular CRDs, which knows what may be created), the built-in tables generated from the OpenAPI
 * data, and the curated table. One table row per kind, shared by every rule.
 */
export class KindRegistry {
  private readonly custom = new Map<string, CustomKind>();
  private readonly crds = new Map<string, { kind: CustomKind; source: CrdSource }>();
  private readonly scopes: Readonly<Record<string, 'Namespaced' | 'Cluster'>>;

  constructor(customKinds: readonly CustomKind[] = [], kubernetesVersion = DEFAULT_KUBERNETES_VERSION) {
    this.scopes = builtinScopes(kubernetesVersion);
    for (const k of customKinds) this.custom.set(normaliseKey(k.kind), k);
  }

  /**
   * Registers what a CRD (of the input or of `--schema-dir`) says about its kind. One CRD per
   * kind is used, never a mix of two: the one of lowest rank (see `CrdSource`). Returns whether
   * this one is now used for its kind.
   */
  addCrdKind(learned: CustomKind, source: CrdSource = LAST): boolean {
    const key = normaliseKey(learned.kind);
    const known = this.crds.get(key);
    if (known && compareRanks(known.source.rank, source.rank) <= 0) return false;
    // Kept for the whole run: copied off the text of the file it came from (see `detach`).
    this.crds.set(detach(key), detach({ kind: learned, source }));
    return true;
  }

  /** Where the CRD used for a kind (`group/Kind`) comes from; undefined when no CRD defines it. */
  crdSource(groupKind: string): CrdSource | undefined {
    return this.crds.get(normaliseKey(groupKind))?.source;
  }

  /** Looks up a kind by apiVersion and kind; `extra` (a file's config `kinds`) comes first. */
  lookup(apiVersion: string, kind: string, extra: readonly CustomKind[] = []): KindInfo {
    const key = groupKindKey(apiVersion, kind);
    const custom = extra.find((k) => normaliseKey(k.kind) === key) ?? this.custom.get(key);
    if (custom) {
      return info(custom.scope ?? this.builtinScope(key), 'config', custom, custom.podSpecPaths ?? BUILTIN_POD_SPEC_PATHS[key]);
    }
    const known = WELL_KNOWN_CRDS[versionedKey(apiVersion, kind)] ?? WELL_KNOWN_CRDS[key];
    const crd = this.crds.get(key)?.kind;
    if (crd) return known ? mergeCrd(crd, known) : info(crd.scope, 'crd', crd);
    const scope = this.builtinScope(key);
    if (scope) return info(scope, 'builtin', undefined, BUILTIN_POD_SPEC_PATHS[key]);
    if (known) return info(known.scope, 'well-known', known);
    return info(undefined, 'unknown', undefined);
  }

  private builtinScope(key: string): 'Namespaced' | 'Cluster' | undefined {
    return this.scopes[key] ?? LEGACY_SCOPES[key];
  }
}

/**
 * A CRD of the input for a kind the curated table knows: the CRD's scope and free-form parts,
 * the table's paths (which say what may be created) and every other pod spec the schema shows.
 */
function mergeCrd(crd: CustomKind, known: WellKnownKind): KindInfo {
  const tablePaths = new Set((known.podSpecPaths ?? []).map(plain));
  const extra = (crd.podSpecPaths ?? []).filter((p) => !tablePaths.has(plain(p)));
  return {
    // The table's knowledge of the paths wins: `well-known`, with the CRD's scope.
    ...info(crd.scope ?? known.scope, 'well-known', known, [...(known.podSpecPaths ?? []), ...extra]),
    stringSecretPaths: [...new Set([...(known.stringSecretPaths ?? []), ...(crd.stringSecretPaths ?? [])])],
    freeFormPaths: crd.freeFormPaths ?? NONE,
  };
}

/** `group/version/Kind` (core: `version/Kind`), for table rows that differ between versions. */
function versionedKey(apiVersion: string, kind: string): string {
  return `${apiVersion}/${kind}`;
}

/** Accepts `group/Kind`, `group/version/Kind` or `Kind`; stores `group/Kind`. */
function normaliseKey(kind: string): string {
  const parts = kind.split('/');
  if (parts.length === 3) return groupKindKey(`${parts[0]}/${parts[1]}`, parts[2] as string);
  if (parts.length === 2 && /^v\d/.test(parts[0] as string) && !(parts[0] as string).includes('.')) {
    // `v1/Pod`: a core-group apiVersion.
    return parts[1] as string;
  }
  return kind;
}
