import { isAlias, isSeq, type Node, findPair } from '../yaml/nodes.js';
import { effectiveNamespace, nsKey } from './input-index.js';
import { addPair, fillEmptyValue } from '../fix/collection-edits.js';
import type { NewValue } from '../fix/new-value.js';
import { stringAt } from '../manifest/objects.js';
import { ensurePullSecrets, namesValue } from './ensure-pull-secrets.js';
import { obstacleSatisfied } from './obstacle-data.js';
import { lineAt } from '../yaml/aliases.js';
import type { Creatable, FoundMap } from '../kinds/pod-specs.js';
import { requiredSecretsFor } from './required-secrets.js';
import type { RuleContext } from './rule.js';

/**
 * `missing-pull-secret` on pod specs: every pod spec of a workload lists each required secret
 * in `imagePullSecrets` exactly once; existing entries are kept, missing ones appended. In
 * ServiceAccount mode only pods that list secrets of their own are checked here (Kubernetes then
 * ignores their ServiceAccount's), and pods relying on a ServiceAccount absent from the input get
 * a warning. Places that cannot be edited (aliases, merge keys) are reported without a fix.
 */
export function checkPodSpecSecrets(ctx: RuleContext): void {
  const { ref, fieldPrefix } = ctx.object;
  const wantsAny = ctx.options.pullSecrets.length > 0 || Object.keys(ctx.options.registries).length > 0;
  const specs = ctx.podSpecs();
  for (const o of wantsAny ? specs.obstacles : []) {
    if (obstacleSatisfied(ctx, o)) continue;
    ctx.report({
      message: `${ref.kind}${ref.name ? ` "${ref.name}"` : ''} ${fieldPrefix}${o.fieldPath} ${o.reason}${anchorLine(ctx, o.node)}; check its imagePullSecrets by hand`,
      start: o.node.range?.[0] ?? 0,
      end: o.node.range?.[1] ?? 0,
      fieldPath: `${fieldPrefix}${o.fieldPath}`,
    });
  }
  for (const spec of specs.found) checkPodSpec(ctx, spec, spec.plain);
  // In ServiceAccount mode a pod without a list of its own gets its ServiceAccount's.
  if (ctx.options.pullSecretsOn === 'serviceaccount') return;
  for (const c of specs.creatable) createPodSpec(ctx, c);
  if (specs.found.length + specs.creatable.length + specs.obstacles.length === 0) reportNoPodSpec(ctx);
}

/** ` (line N)` of the anchor an alias reads, for messages. */
function anchorLine(ctx: RuleContext, node: Node): string {
  const target = isAlias(node) ? (node.resolve(ctx.object.doc) as Node | undefined) : undefined;
  return target?.range ? ` (line ${lineAt(ctx.text, target.range[0])})` : '';
}

/**
 * A kind whose pod templates the config declares, none of them present nor creatable: an
 * error, since its pods will run without the secrets. (The tables' kinds are not held to this:
 * a Rollout may take its pods from a Deployment, a kustomize patch holds a part of an object.)
 */
function reportNoPodSpec(ctx: RuleContext): void {
  const wanted = ctx.options.pullSecrets;
  const { podSpecPaths, source } = ctx.kind;
  if (wanted.length === 0 || podSpecPaths.length === 0 || source !== 'config') return;
  const { ref, node } = ctx.object;
  const paths = podSpecPaths.map((p) => p.replaceAll('?', '')).join(', ');
  ctx.report({
    message: `${ref.kind}${ref.name ? ` "${ref.name}"` : ''} has none of the pod templates the config declares (${paths}), so its pods get no imagePullSecrets ${wanted.map((n) => `"${n}"`).join(', ')}: add one holding them, or mark the parts that may be created with "?" (e.g. spec.podTemplate?.spec?)`,
    start: node.range?.[0] ?? 0,
    end: node.range?.[0] ?? 0,
  });
}

/** `missing-pull-secret` for an absent pod template the kind accepts: created holding only the secrets. */
function createPodSpec(ctx: RuleContext, c: Creatable & { plain: boolean }): void {
  const wanted = [...new Set(ctx.options.pullSecrets)];
  if (wanted.length === 0) return;
  const { ref, fieldPrefix, path } = ctx.object;
  const [first, ...rest] = c.missing as [string, ...string[]];
  // `podTemplate` missing -> podTemplate: {spec: {imagePullSecrets: [...]}} for `podTemplate?.spec?`.
  const value = [...rest, 'imagePullSecrets'].reduceRight<NewValue>((inner, key) => ({ kind: 'map', entries: [[key, inner]] }), namesValue(wanted, c.plain));
  const fix = c.pair ? fillEmptyValue(ctx.text, c.pair, value, ctx.layout()) : addPair(ctx.text, c.parent, first, value, [], ctx.layout());
  const at = (c.pair?.key as { range?: number[] } | undefined)?.range ?? c.parent.range;
  const where = `${fieldPrefix}${c.fieldPath}`;
  ctx.report({
    message: `${ref.kind}${ref.name ? ` "${ref.name}"` : ''} has no ${where}, so its pods get no imagePullSecrets ${wanted.map((n) => `"${n}"`).join(', ')}${fix ? '' : '; add it by hand'}`,
    start: at?.[0] ?? 0,
    end: at?.[0] ?? 0,
    fieldPath: `${where}.imagePullSecrets`,
    ...(fix
      ? { fix, patches: [{ documentIndex: ref.documentIndex, path: [...path, ...c.path, ...c.missing, 'imagePullSecrets'], value: wanted.map((n) => (c.plain ? n : { name: n })) }] }
      : {}),
  });
}

function checkPodSpec(ctx: RuleContext, spec: FoundMap, plain: boolean): void {
  const { ref, fieldPrefix, path } = ctx.object;
  const wanted = requiredSecretsFor(spec.node, ctx.options);
  if (wanted.length === 0) return;
  const where = `${fieldPrefix}${spec.fieldPath}`;
  if (ctx.options.pullSecretsOn === 'serviceaccount') {
    const own = findPair(spec.node, 'imagePullSecrets')?.value;
    if (!isSeq(own) || own.items.length === 0) {
      const sa = stringAt(spec.node, 'serviceAccountName') ?? stringAt(spec.node, 'serviceAccount') ?? 'default';
      const ns = effectiveNamespace(ctx.object, ctx.options);
      if (!ctx.index.serviceAccounts.has(nsKey(ns, sa))) {
        ctx.report({
          severity: 'warning',
          message: `${ref.kind}${ref.name ? ` "${ref.name}"` : ''} pods use ServiceAccount "${sa}"${ns ? ` in namespace "${ns}"` : ''}, which is not in the input: make sure it lists imagePullSecrets ${wanted.map((n) => `"${n}"`).join(', ')}`,
          start: spec.node.range?.[0] ?? 0,
          end: spec.node.range?.[0] ?? 0,
          fieldPath: where,
        });
      }
      return;
    }
  }
  ensurePullSecrets(ctx, {
    map: spec.node,
    path: [...path, ...spec.path],
    fieldPath: where,
    after: ['containers'],
    plain,
    label: `${ref.kind}${ref.name ? ` "${ref.name}"` : ''} pod spec (${where})`,
  }, wanted);
}
