import { isMap, isScalar, isSeq, type Scalar, type YAMLMap, findPair } from '../yaml/nodes.js';
import { replaceScalar } from '../fix/collection-edits.js';
import { imageInText } from '../image/index.js';
import { imageAfterFix } from './pod-images.js';
import type { Rule, RuleContext } from './rule.js';

const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'] as const;

/** A string a container hands its program: an argument, a command word, an environment value. */
interface ProgramString {
  node: Scalar;
  value: string;
  path: (string | number)[];
  fieldPath: string;
}

function programStrings(container: YAMLMap, path: (string | number)[], fieldPath: string): ProgramString[] {
  const out: ProgramString[] = [];
  for (const key of ['command', 'args']) {
    const seq = findPair(container, key)?.value;
    if (!isSeq(seq)) continue;
    seq.items.forEach((item, i) => {
      if (isScalar(item) && typeof item.value === 'string') out.push({ node: item, value: item.value, path: [...path, key, i], fieldPath: `${fieldPath}.${key}[${i}]` });
    });
  }
  const env = findPair(container, 'env')?.value;
  if (isSeq(env)) {
    env.items.forEach((item, i) => {
      const v = isMap(item) ? findPair(item, 'value')?.value : undefined;
      if (isScalar(v) && typeof v.value === 'string') out.push({ node: v, value: v.value, path: [...path, 'env', i, 'value'], fieldPath: `${fieldPath}.env[${i}].value` });
    });
  }
  return out;
}

/**
 * `image-in-args`: with `--registry`, an image reference that a container passes to its program
 * (operators take the images they run as flags or environment values: `--engine-image ...`,
 * `CSI_ATTACHER_IMAGE=...`) and that does not come from the registry. A warning: they are the
 * program's own arguments, rewritten only with `--rewrite-arg-images`.
 */
export const imageInArgsRule: Rule = {
  meta: {
    id: 'image-in-args', defaultSeverity: 'warning', fixable: true, docs: 'README.md#rules',
    description: 'A container passes an image reference that does not point at the private registry to its program (args, command, env); rewritten only with --rewrite-arg-images.',
  },
  check(ctx: RuleContext): void {
    if (ctx.options.registry === undefined) return;
    for (const spec of ctx.podSpecs().found) {
      for (const list of CONTAINER_LISTS) {
        const seq = findPair(spec.node, list)?.value;
        if (!isSeq(seq)) continue;
        seq.items.forEach((c, i) => {
          if (!isMap(c)) return;
          for (const s of programStrings(c, [...spec.path, list, i], `${spec.fieldPath}.${list}[${i}]`)) check(ctx, s);
        });
      }
    }
  },
};

function check(ctx: RuleContext, s: ProgramString): void {
  const found = imageInText(s.value);
  if (!found) return;
  const next = imageAfterFix(found.value, ctx.options);
  if (next === found.value) return;
  const rewritten = `${s.value.slice(0, found.start)}${next}${s.value.slice(found.end)}`;
  const { ref, fieldPrefix, path } = ctx.object;
  const fix = ctx.options.rewriteArgImages && !s.node.anchor ? replaceScalar(s.node, rewritten, ctx.text) : undefined;
  ctx.report({
    message: `${fieldPrefix}${s.fieldPath} names image "${found.value}", which does not come from ${ctx.options.registry}: the program runs or hands on that image itself; use "${next}"${fix ? '' : ' (--rewrite-arg-images rewrites it)'}`,
    start: s.node.range?.[0] ?? 0,
    end: s.node.range?.[1] ?? 0,
    fieldPath: `${fieldPrefix}${s.fieldPath}`,
    ...(fix ? { fix, patches: [{ documentIndex: ref.documentIndex, path: [...path, ...s.path], value: rewritten }] } : {}),
  });
}
