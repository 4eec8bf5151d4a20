import { replaceScalar } from '../fix/collection-edits.js';
import { followPath } from './pod-specs.js';
import { imageAfterFix, podImages } from './pod-images.js';
import type { Rule } from './rule.js';

/**
 * `image-not-from-registry`: with `--registry`, every image of every pod spec must come from
 * the private registry. Docker Hub images (and those `--registry-map` covers) are rewritten in
 * place, keeping tag, digest and quote style.
 */
export const imageRegistryRule: Rule = {
  ids: ['image-not-from-registry'],
  check(ctx): void {
    if (ctx.options.registry === undefined) return;
    const { node, ref, fieldPrefix, path } = ctx.object;
    for (const specPath of ctx.kind.podSpecPaths) {
      for (const spec of followPath(node, specPath).found) {
        for (const image of podImages(spec.node)) {
          const next = imageAfterFix(image.value, ctx.options);
          if (next === image.value) continue;
          const fix = image.node.anchor ? undefined : replaceScalar(image.node, next);
          const where = `${fieldPrefix}${spec.fieldPath}.${image.fieldPath}`;
          ctx.report({
            ruleId: fix ? 'image-not-from-registry' : 'unfixable',
            message: `image "${image.value}" does not come from ${ctx.options.registry}; use "${next}"`,
            start: image.node.range?.[0] ?? 0,
            end: image.node.range?.[1] ?? 0,
            fieldPath: where,
            ...(fix ? { fix, patches: [{ documentIndex: ref.documentIndex, path: [...path, ...spec.path, ...image.path], value: next }] } : {}),
          });
        }
      }
    }
  },
};
