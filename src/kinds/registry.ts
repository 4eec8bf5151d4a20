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
 * Answers "is this kind namespaced, and where are its pod specs?" from, in order: the config's
 * `kinds`, CRDs found in the input, the built-in tables generated from the OpenAPI data, and a
 * curated table of popular CRDs. One table row per kind, shared by every rule.
 */
export class KindRegistry {
  private readonly custom = new Map<string, CustomKind>();
  private readonly crds = new Map<string, CustomKind>();
  private readonly scopes: Readonly<Record<string, 'Namespaced' | 'Cluster'>>;

  constructor(customKinds: readonly CustomKind[] = [], kubernetesVersion = DEFAULT_KUBERNETES_VERSION) {
    this.scopes = builtinScopes(kubernetesVersion);
    for (const k of customKinds) this.custom.set(normaliseKey(k.kind), k);
  }

  /** Registers what a CRD found in the input says about its kind. */
  addCrdKind(learned: CustomKind): void {
    // Kept for the whole run: copied off the text of the file it came from (see `detach`).
    const kind = detach(learned);
    const key = normaliseKey(kind.kind);
    const known = this.crds.get(key);
    if (!known) {
      this.crds.set(key, kind);
      return;
    }
    const paths = new Set([...(known.podSpecPaths ?? []), ...(kind.podSpecPaths ?? [])]);
    this.crds.set(key, { kind: key, scope: known.scope ?? kind.scope, podSpecPaths: [...paths] });
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
    const crd = this.crds.get(key);
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
