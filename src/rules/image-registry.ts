import { replaceScalar } from '../fix/collection-edits.js';
import { fieldImages, imageAfterFix, podImages, type PodImage } from './pod-images.js';
import type { Rule, RuleContext } from './rule.js';

/**
 * `image-not-from-registry`: with `--registry`, every image of every pod spec, and of the image
 * fields the kind is known to have (Tekton steps, ECK `spec.image`, ...), must come from the
 * private registry. Docker Hub images (and those `--registry-map` covers) are rewritten in
 * place, keeping tag, digest and quote style.
 */
export const imageRegistryRule: Rule = {
  ids: ['image-not-from-registry'],
  check(ctx): void {
    if (ctx.options.registry === undefined) return;
    const images = ctx.podSpecs().found.flatMap((spec) => podImages(spec.node)
      .map((image) => ({ ...image, path: [...spec.path, ...image.path], fieldPath: `${spec.fieldPath}.${image.fieldPath}` })));
    const seen = new Set(images.map((i) => i.node));
    for (const image of [...images, ...fieldImages(ctx.object.node, ctx.kind.imagePaths).filter((i) => !seen.has(i.node))]) checkImage(ctx, image);
  },
};

/** Reports (and rewrites) one image; `image.path`/`fieldPath` are relative to the object. */
function checkImage(ctx: RuleContext, image: PodImage): void {
  const { ref, fieldPrefix, path } = ctx.object;
  if (image.value.trim() !== image.value) {
    // The API server rejects a pod whose image has leading or trailing whitespace (core
    // validation, validateContainerOnlyForPod); a `|` or `>` block
    // scalar keeps its final line break (`|-`/`>-` strip it).
    ctx.report({
      ruleId: 'unfixable',
      message: `image ${JSON.stringify(image.value)} has leading or trailing whitespace, which Kubernetes rejects${image.node.type === 'BLOCK_LITERAL' || image.node.type === 'BLOCK_FOLDED' ? ' (a | or > block scalar keeps its final line break: write |- or >-)' : ''}; fix it by hand`,
      start: image.node.range?.[0] ?? 0,
      end: image.node.range?.[1] ?? 0,
      fieldPath: `${fieldPrefix}${image.fieldPath}`,
    });
    return;
  }
  const next = imageAfterFix(image.value, ctx.options);
  if (next === image.value) return;
  const fix = image.node.anchor ? undefined : replaceScalar(image.node, next, ctx.text);
  ctx.report({
    ruleId: fix ? 'image-not-from-registry' : 'unfixable',
    message: `image "${image.value}" does not come from ${ctx.options.registry}; use "${next}"`,
    start: image.node.range?.[0] ?? 0,
    end: image.node.range?.[1] ?? 0,
    fieldPath: `${fieldPrefix}${image.fieldPath}`,
    ...(fix ? { fix, patches: [{ documentIndex: ref.documentIndex, path: [...path, ...image.path], value: next }] } : {}),
  });
}
