import { replaceScalar } from '../fix/collection-edits.js';
import { findPair } from '../yaml/nodes.js';
import { aliasesTo, isShared, lineAt, sharedReason } from '../yaml/aliases.js';
import { fieldImages, imageAfterFix, podImages, type PodImage } from './pod-images.js';
import { unhandledPodSpecs } from './unhandled-pod-specs.js';
import type { Rule, RuleContext } from './rule.js';

/**
 * `image-not-from-registry`: with `--registry`, every image of every pod spec, and of the image
 * fields the kind is known to have (Tekton steps, ECK `spec.image`, ...), must come from the
 * private registry. Docker Hub images (and those `--registry-map` covers) are rewritten in
 * place, keeping tag, digest and quote style. An image that cannot be rewritten safely (an
 * alias, a shared anchor, a pod spec where the kind's are not known to be) or that Kubernetes
 * would reject (whitespace) is reported without a fix.
 */
export const imageNotFromRegistryRule: Rule = {
  meta: {
    id: 'image-not-from-registry', defaultSeverity: 'error', fixable: true, docs: 'README.md#rules',
    description: 'An image reference does not point at the private registry.',
  },
  check(ctx): void {
    if (ctx.options.registry === undefined) return;
    const { doc } = ctx.object;
    const images = ctx.podSpecs().found.flatMap((spec) => podImages(spec.node, doc)
      .map((image) => ({ ...image, path: [...spec.path, ...image.path], fieldPath: `${spec.fieldPath}.${image.fieldPath}` })));
    const seen = new Set(images.map((i) => i.node));
    const all = [...images, ...fieldImages(ctx.object.node, ctx.kind.imagePaths, doc).filter((i) => !seen.has(i.node))];
    for (const image of all) checkImage(ctx, image, all);
    for (const spec of unhandledPodSpecs(ctx)) {
      for (const image of spec.moved) {
        ctx.report({
          message: `image "${image.value}" of ${spec.label} does not come from ${ctx.options.registry}, and privreg-fix cannot rewrite it: ${spec.why}`,
          start: image.node.range?.[0] ?? 0,
          end: image.node.range?.[1] ?? 0,
          fieldPath: `${spec.where}.${image.fieldPath}`,
          severity: 'error',
        });
      }
    }
  },
};

/** Reports (and rewrites) one image; `image.path`/`fieldPath` are relative to the object. */
function checkImage(ctx: RuleContext, image: PodImage, all: readonly PodImage[]): void {
  const { ref, fieldPrefix, path } = ctx.object;
  if (image.value.trim() !== image.value) {
    // The API server rejects a pod whose image has leading or trailing whitespace (core
    // validation, validateContainerOnlyForPod); a `|` or `>` block
    // scalar keeps its final line break (`|-`/`>-` strip it).
    ctx.report({
      message: `image ${JSON.stringify(image.value)} has leading or trailing whitespace, which Kubernetes rejects${image.node.type === 'BLOCK_LITERAL' || image.node.type === 'BLOCK_FOLDED' ? ' (a | or > block scalar keeps its final line break: write |- or >-)' : ''}; fix it by hand`,
      start: image.node.range?.[0] ?? 0,
      end: image.node.range?.[1] ?? 0,
      fieldPath: `${fieldPrefix}${image.fieldPath}`,
    });
    return;
  }
  const next = imageAfterFix(image.value, ctx.options);
  if (next === image.value) return;
  const at = image.alias ?? image.node;
  // The anchor's own field fixes every alias of it in this object at once.
  const users = all.filter((i) => i.node === image.node);
  if (image.alias && users.some((i) => !i.alias)) return;
  // A map merging the anchor's holder (`<<: *c`) that sets the same key itself does not read it.
  const key = image.path[image.path.length - 1];
  const readers = (isShared(ctx.object.doc, ctx.text, image.node) ? aliasesTo(ctx.object.doc, image.node) : [])
    .filter((r) => !(r.target !== image.node && r.mergeInto && typeof key === 'string' && findPair(r.mergeInto, key)));
  const local = readers.every((r) => users.some((u) => u.alias === r.alias));
  const why = image.alias
    ? `it is the alias *${image.alias.source} of &${image.alias.source} (line ${lineAt(ctx.text, image.node.range?.[0] ?? 0)}), which is not an image of this object: rewrite it there by hand`
    : local ? undefined : `it ${sharedReason(ctx.object.doc, ctx.text, image.node) ?? 'is shared'}: rewrite it by hand`;
  const fix = why ? undefined : replaceScalar(image.node, next, ctx.text);
  const patches = users.map((u) => ({ documentIndex: ref.documentIndex, path: [...path, ...u.path], value: next }));
  ctx.report({
    message: `image "${image.value}" does not come from ${ctx.options.registry}; use "${next}"${fix || !why ? '' : `; ${why}`}`,
    start: at.range?.[0] ?? 0,
    end: at.range?.[1] ?? 0,
    fieldPath: `${fieldPrefix}${image.fieldPath}`,
    ...(fix ? { fix, patches } : {}),
  });
}
