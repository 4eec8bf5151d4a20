import { detach } from '../manifest/detach.js';
import type { CustomKind } from '../engine/options.js';
import { groupKindKey } from './api-version.js';
import { builtinScopes, DEFAULT_KUBERNETES_VERSION } from './builtin-scopes.js';
import { BUILTIN_POD_SPEC_PATHS, LEGACY_SCOPES } from './builtin-workloads.js';
import { WELL_KNOWN_CRDS } from './well-known-crds.js';

/** What privreg-fix knows about a kind. `scope` undefined means unknown: never guess. */
export interface KindInfo {
  scope: 'Namespaced' | 'Cluster' | undefined;
  podSpecPaths: readonly string[];
  /** Where the knowledge came from, for messages. */
  source: 'config' | 'crd' | 'builtin' | 'well-known' | 'unknown';
}

const NO_PATHS: readonly string[] = [];

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
 * Answers "is this kind namespaced, and where are its pod specs?" from, in order: the config's
 * `kinds`, CRDs (of the input, else of `--schema-dir`), the built-in tables generated from the
 * OpenAPI data, and a curated table of popular CRDs. One table row per kind, shared by every rule.
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
    const custom = extra.find((k) => normaliseKey(k.kind) === key)
      ?? this.custom.get(key);
    if (custom) {
      return {
        scope: custom.scope ?? this.builtinScope(key),
        podSpecPaths: custom.podSpecPaths ?? BUILTIN_POD_SPEC_PATHS[key] ?? NO_PATHS,
        source: 'config',
      };
    }
    const crd = this.crds.get(key)?.kind;
    if (crd) return { scope: crd.scope, podSpecPaths: crd.podSpecPaths ?? NO_PATHS, source: 'crd' };
    const scope = this.builtinScope(key);
    if (scope) return { scope, podSpecPaths: BUILTIN_POD_SPEC_PATHS[key] ?? NO_PATHS, source: 'builtin' };
    const known = WELL_KNOWN_CRDS[key];
    if (known) return { scope: known.scope, podSpecPaths: known.podSpecPaths ?? NO_PATHS, source: 'well-known' };
    return { scope: undefined, podSpecPaths: NO_PATHS, source: 'unknown' };
  }

  private builtinScope(key: string): 'Namespaced' | 'Cluster' | undefined {
    return this.scopes[key] ?? LEGACY_SCOPES[key];
  }
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
