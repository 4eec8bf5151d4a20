import { isSeq, findPair } from '../yaml/nodes.js';
import type { Engine } from '../engine/fix-text.js';
import { learnInput } from '../engine/learn-input.js';
import type { FixOptions } from '../core/options.js';
import type { ObjectRef } from '../core/types.js';
import { findObjects } from '../manifest/objects.js';
import { parseManifest } from '../yaml/parse.js';
import { renderedSources } from '../manifest/rendered-source.js';
import { listedNames } from '../rules/ensure-pull-secrets.js';
import { imageAfterFix, podImages } from '../rules/pod-images.js';
import { followPath } from '../kinds/pod-specs.js';
import { requiredSecretsFor } from '../rules/required-secrets.js';

/** An image of a rendered pod spec, and what the fix would make of it. */
export interface ImageState {
  key: string;
  /** Field path in its object, e.g. `spec.template.spec.containers[0].image`. */
  fieldPath: string;
  value: string;
  /** The reference `--registry`/`--registry-map` want (equal to `value` when it is fine). */
  expected: string;
}

/** A pod spec of a render: where it came from, its pull secrets and images. */
export interface PodSpecState {
  key: string;
  /** The chart template it was rendered from (`# Source:`), e.g. `app/templates/job.yaml`. */
  source?: string;
  ref: ObjectRef;
  /** Field path of the pod spec in its object, e.g. `spec.jobTemplate.spec.template.spec`. */
  fieldPath: string;
  /** Names listed in its `imagePullSecrets`. */
  secrets: string[];
  /** Required pull secrets it does not list. */
  missing: string[];
  images: ImageState[];
}

/** What the pull-secret and registry rules see in one render of a chart. */
export interface RenderState {
  /** The rendered manifests. */
  text: string;
  podSpecs: Map<string, PodSpecState>;
  /** YAML problems of the render (Helm printed something that does not parse). */
  errors: string[];
}

/** A pod spec's name in messages: `Deployment "web"` plus the path when not the usual one. */
export function podSpecLabel(p: PodSpecState): string {
  return `${p.ref.kind}${p.ref.name ? ` "${p.ref.name}"` : ''}`;
}

/**
 * Finds every pod spec of a render (with the kind tables and CRDs of the render, like the rules)
 * and what it lacks: pull secrets (`--pull-secret`, `registries`) and images not from the
 * registry. Keys identify the same pod spec and image across renders with other values.
 */
export function renderState(text: string, options: FixOptions, engine: Engine): RenderState {
  const file = parseManifest('<render>', text);
  learnInput(text, options, engine, () => ({ ...file, path: '' }));
  const podSpecs = new Map<string, PodSpecState>();
  if (file.errors.length > 0) return { text, podSpecs, errors: file.errors.map((e) => e.message) };
  const sources = renderedSources(text, file.docs);
  for (const object of findObjects(file.docs)) {
    const { ref } = object;
    const source = sources[ref.documentIndex];
    const info = engine.kinds.lookup(ref.apiVersion, ref.kind, options.kinds);
    for (const specPath of info.podSpecPaths) {
      for (const spec of followPath(object.node, specPath).found) {
        const fieldPath = `${object.fieldPrefix}${spec.fieldPath}`;
        let key = [source ?? '', ref.apiVersion, ref.kind, ref.namespace ?? '', ref.name ?? '', fieldPath].join('|');
        for (let n = 2; podSpecs.has(key); n++) key = `${key}#${n}`;
        const listed = findPair(spec.node, 'imagePullSecrets')?.value;
        const secrets = isSeq(listed) ? [...listedNames(listed)] : [];
        const missing = requiredSecretsFor(spec.node, options).filter((s) => !secrets.includes(s));
        const images = podImages(spec.node).map((image) => ({
          key: `${key}|${image.fieldPath}`,
          fieldPath: `${fieldPath}.${image.fieldPath}`,
          value: image.value,
          expected: imageAfterFix(image.value, options),
        }));
        podSpecs.set(key, { key, ...(source !== undefined ? { source } : {}), ref, fieldPath, secrets, missing, images });
      }
    }
  }
  return { text, podSpecs, errors: [] };
}

/** Something the values should change: a pod spec's pull secrets, or an image. */
export interface Target {
  key: string;
  kind: 'secret' | 'image';
  podSpec: PodSpecState;
  image?: ImageState;
}

/** The targets of a render: pod specs lacking secrets, images not from the registry. */
export function targetsOf(state: RenderState): Map<string, Target> {
  const out = new Map<string, Target>();
  for (const p of state.podSpecs.values()) {
    if (p.missing.length > 0) out.set(`secret|${p.key}`, { key: `secret|${p.key}`, kind: 'secret', podSpec: p });
    for (const image of p.images) {
      if (image.expected !== image.value) out.set(`image|${image.key}`, { key: `image|${image.key}`, kind: 'image', podSpec: p, image });
    }
  }
  return out;
}

/** What rendering with other values did, compared with the baseline render. */
export interface Effect {
  /** Targets of the baseline that are now as the fix wants them. */
  resolved: Set<string>;
  /** Why the values must not be used: they change something else. */
  problem?: string;
}

/**
 * Compares a render with the baseline: which targets the values resolved, and whether they did
 * anything else to pod specs (other images, removed or other secrets, other pod specs), which
 * disqualifies them. Changes outside pod specs are not looked at.
 */
export function effectOf(base: RenderState, after: RenderState): Effect {
  const resolved = new Set<string>();
  if (after.errors.length > 0) return { resolved, problem: `the render does not parse: ${after.errors[0] ?? ''}` };
  if (after.podSpecs.size !== base.podSpecs.size || [...base.podSpecs.keys()].some((k) => !after.podSpecs.has(k))) {
    return { resolved, problem: 'it changes which pod specs the chart renders' };
  }
  for (const [key, was] of base.podSpecs) {
    const now = after.podSpecs.get(key) as PodSpecState;
    const lost = was.secrets.filter((s) => !now.secrets.includes(s));
    const extra = now.secrets.filter((s) => !was.secrets.includes(s) && !was.missing.includes(s));
    if (lost.length > 0 || extra.length > 0) return { resolved, problem: `it changes the other pull secrets of ${podSpecLabel(was)}` };
    if (was.missing.length > 0 && now.missing.length === 0) resolved.add(`secret|${key}`);
    if (now.images.length !== was.images.length) return { resolved, problem: `it changes the containers of ${podSpecLabel(was)}` };
    for (const [i, image] of was.images.entries()) {
      const value = now.images[i]?.value;
      if (value === image.value) continue;
      if (value === image.expected) resolved.add(`image|${image.key}`);
      else return { resolved, problem: `it makes image "${image.value}" "${value ?? ''}"${image.expected !== image.value ? `, not "${image.expected}"` : ''}` };
    }
  }
  return { resolved };
}
