import { isRecord } from '../core/data.js';
import type { Node } from '../yaml/nodes.js';
import { imageAfterFix } from './pod-images.js';
import type { Obstacle } from '../kinds/pod-specs.js';
import type { RuleContext } from './rule.js';

type Data = Record<string, unknown>;

/** The pod specs' data below an obstacle, read as the API server reads it (aliases and merges applied). */
function podSpecsData(ctx: RuleContext, o: Obstacle): Data[] {
  let level: unknown[] = [(o.node as Node & { toJS(doc: unknown): unknown }).toJS(ctx.object.doc)];
  for (const step of o.rest === '' ? [] : o.rest.replaceAll('[*]', '.[*]').split('.')) {
    const key = step.replace(/\?$/, '');
    level = level.flatMap((v): unknown[] => {
      if (key === '[*]') return Array.isArray(v) ? v : [];
      if (!isRecord(v)) return [];
      if (key === '*') return Object.values(v);
      return v[key] === undefined || v[key] === null ? [] : [v[key]];
    });
  }
  return level.filter(isRecord);
}

const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'];

/**
 * Whether the pod specs behind an obstacle (an alias, a merge key, a shared anchor) already hold
 * what the run asks: every wanted pull secret, and images from the registry. Then nothing needs
 * editing there and nothing is reported; otherwise the obstacle is reported as before.
 */
export function obstacleSatisfied(ctx: RuleContext, o: Obstacle): boolean {
  let specs: Data[];
  try {
    specs = podSpecsData(ctx, o);
  } catch {
    return false;
  }
  if (specs.length === 0) return !o.rest.includes('?');
  const wanted = ctx.options.pullSecrets;
  return specs.every((spec) => {
    const listed = Array.isArray(spec.imagePullSecrets)
      ? spec.imagePullSecrets.map((s: unknown) => (isRecord(s) ? s.name : s))
      : [];
    if (!wanted.every((n) => listed.includes(n))) return false;
    if (ctx.options.registry === undefined) return true;
    return CONTAINER_LISTS.every((list) => {
      const items = spec[list];
      return !Array.isArray(items) || items.every((c) => !isRecord(c) || typeof c.image !== 'string' || imageAfterFix(c.image, ctx.options) === c.image);
    });
  });
}
