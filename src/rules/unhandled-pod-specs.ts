import { isSeq, type YAMLMap, findPair } from '../yaml/nodes.js';
import { listedNames } from './ensure-pull-secrets.js';
import { podShapedMaps } from '../kinds/pod-data.js';
import { imageAfterFix, podImages, type PodImage } from './pod-images.js';
import type { FoundMap } from '../kinds/pod-specs.js';
import { requiredSecretsFor } from './required-secrets.js';
import type { RuleContext } from './rule.js';

/** A pod spec where the kind's pod specs are not known to be, and what it lacks. */
export interface UnhandledPodSpec {
  /** Where it is, for messages: `Deployment "web" has a pod spec at spec.x`. */
  label: string;
  /** Its field path, with the object's prefix. */
  where: string;
  /** Why privreg-fix cannot fix it, and what to do. */
  why: string;
  node: YAMLMap;
  /** Required pull secrets it does not list (none in ServiceAccount mode). */
  missing: string[];
  /** Its images that do not come from `--registry`. */
  moved: PodImage[];
}

/**
 * No pod left behind: data that holds a pod spec (`containers: [{image: ...}]`) where the kind's
 * pod specs are not known to be. `missing-pull-secret` and `image-not-from-registry` report what
 * it lacks, without a fix, as errors, with what makes it known. A pod spec that already lists the
 * secrets and whose images are right needs nothing and is not returned.
 */
export function unhandledPodSpecs(ctx: RuleContext): UnhandledPodSpec[] {
  const { options } = ctx;
  if (options.pullSecrets.length === 0 && Object.keys(options.registries).length === 0 && options.registry === undefined) return [];
  const specs = ctx.podSpecs();
  const handled = new Set(specs.found.map((f) => f.node));
  // Places the kind's paths reach but cannot edit are reported by the pull-secret rule already.
  const blocked = specs.obstacles.map((o) => o.node.range).filter((r) => r != null);
  const inBlocked = (at: number): boolean => blocked.some((r) => at >= r[0] && at < r[1]);
  const out: UnhandledPodSpec[] = [];
  for (const spec of podShapedMaps(ctx.object.node)) {
    if (handled.has(spec.node) || inBlocked(spec.node.range?.[0] ?? -1)) continue;
    // An anchored map merged into a pod spec the kind's paths reach was reported there.
    if (spec.node.anchor && blocked.length > 0) continue;
    // In ServiceAccount mode the pods' ServiceAccounts carry the secrets (their own rule checks them).
    const missing = options.pullSecretsOn === 'serviceaccount' ? [] : missingSecrets(ctx, spec);
    const moved = options.registry === undefined ? [] : podImages(spec.node).filter((i) => imageAfterFix(i.value, options) !== i.value);
    if (missing.length === 0 && moved.length === 0) continue;
    const where = `${ctx.object.fieldPrefix}${spec.fieldPath}`;
    const label = `${ctx.object.ref.kind}${ctx.object.ref.name ? ` "${ctx.object.ref.name}"` : ''} has a pod spec at ${where}`;
    out.push({ label, where, why: `${reason(ctx)}; ${advice(ctx, spec)}`, node: spec.node, missing, moved });
  }
  return out;
}

function missingSecrets(ctx: RuleContext, spec: FoundMap): string[] {
  const own = findPair(spec.node, 'imagePullSecrets')?.value;
  const listed = isSeq(own) ? listedNames(own) : new Set<string>();
  return requiredSecretsFor(spec.node, ctx.options).filter((n) => !listed.has(n));
}

function reason(ctx: RuleContext): string {
  switch (ctx.kind.source) {
    case 'unknown': return 'its kind is unknown (no CRD in the input or --schema-dir, not in the built-in tables)';
    case 'crd': return 'its CRD\'s schema does not take imagePullSecrets there';
    default: return 'this is not where pod specs of this kind are known to be';
  }
}

/** How to make the place known: a `kinds` entry with the path, generalised over list items. */
function advice(ctx: RuleContext, spec: FoundMap): string {
  const path = spec.fieldPath.replace(/\[\d+\]/g, '[*]');
  const kind = `${ctx.object.ref.apiVersion.includes('/') ? ctx.object.ref.apiVersion.split('/')[0] : ''}/${ctx.object.ref.kind}`.replace(/^\//, '');
  return `add the pull secret by hand, or declare it in the config (kinds: [{kind: ${kind}, podSpecPaths: [${path}]}]) or give its CRD with --schema-dir`;
}
