import { isAlias, isMap, isScalar, isSeq, type Scalar, type YAMLMap, findPair, hasMergeKey } from '../yaml/nodes.js';
import { effectiveNamespace, nsKey } from './input-index.js';
import type { TextEdit } from '../core/types.js';
import { addPair, replaceScalar } from '../fix/collection-edits.js';
import { stringAt } from '../manifest/objects.js';
import type { Rule, RuleContext } from './rule.js';

const RBAC_API = /^rbac\.authorization\.k8s\.io\//;
const BINDINGS = new Set(['RoleBinding', 'ClusterRoleBinding']);
/**
 * Namespaces a cluster creates for itself: a subject there names a system ServiceAccount far
 * more likely than one the input defines without a namespace, so it is never moved.
 */
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

/** One `kind: ServiceAccount` subject of a binding, read off its map. */
interface SaSubject {
  map: YAMLMap;
  index: number;
  name: string;
  /** The `namespace` value node, when the key is there. */
  nsNode?: Scalar;
  /** The subject's own namespace; undefined when absent or empty. */
  own?: string;
  /** Whether editing the subject could change other places (alias, anchor, merge key). */
  shared: boolean;
}

function saSubjects(ctx: RuleContext, seq: unknown): SaSubject[] {
  if (!isSeq(seq)) return [];
  const out: SaSubject[] = [];
  seq.items.forEach((item, index) => {
    const node = isAlias(item) ? item.resolve(ctx.object.doc) : item;
    if (!isMap(node) || stringAt(node, 'kind') !== 'ServiceAccount') return;
    const name = stringAt(node, 'name');
    const group = stringAt(node, 'apiGroup');
    if (!name || (group !== undefined && group !== '')) return;
    const value = findPair(node, 'namespace')?.value;
    const s: SaSubject = { map: node, index, name, shared: isAlias(item) || Boolean(node.anchor) || hasMergeKey(node) };
    if (isScalar(value)) {
      s.nsNode = value;
      if (typeof value.value === 'string' && value.value !== '') s.own = value.value;
    }
    out.push(s);
  });
  return out;
}

/**
 * `rbac-subject-namespace`: a RoleBinding or ClusterRoleBinding subject naming a ServiceAccount
 * that the fix puts into `--namespace` (it is in the input without a namespace) must name it in
 * that namespace, or the binding no longer applies to it (the operator loses its RBAC). The
 * subject's namespace is its own, else, in a RoleBinding, the binding's (the RBAC authorizer's
 * rule); a ClusterRoleBinding subject without one is invalid anyway. Subjects naming a
 * ServiceAccount the input defines in that namespace, or one the input does not move, are left
 * alone: only subjects that follow a ServiceAccount privreg-fix moves are changed (unlike
 * kustomize's `setRoleBindingSubjects: allServiceAccounts`, which changes every one).
 */
export const rbacSubjectNamespaceRule: Rule = {
  meta: {
    id: 'rbac-subject-namespace', defaultSeverity: 'error', fixable: true, docs: 'README.md#rules',
    description: 'A RoleBinding or ClusterRoleBinding subject names a ServiceAccount that the fix moves into --namespace under another namespace (or none).',
  },
  check(ctx): void {
    const { ref, node } = ctx.object;
    const moved = ctx.index.movedServiceAccounts;
    if (moved.size === 0 || !BINDINGS.has(ref.kind) || !RBAC_API.test(ref.apiVersion)) return;
    const bindingNs = ref.kind === 'RoleBinding' ? effectiveNamespace(ctx.object, ctx.options) : undefined;
    for (const subject of saSubjects(ctx, findPair(node, 'subjects')?.value)) {
      const targets = moved.get(subject.name);
      if (!targets) continue;
      const current = subject.own ?? bindingNs;
      if (current !== undefined && ctx.index.serviceAccounts.has(nsKey(current, subject.name))) continue;
      checkSubject(ctx, subject, current, [...targets].sort());
    }
  },
};

function checkSubject(ctx: RuleContext, subject: SaSubject, current: string | undefined, targets: string[]): void {
  const { ref, path, fieldPrefix } = ctx.object;
  const at = subject.nsNode?.range ?? subject.map.range;
  const where = current === undefined ? 'has no namespace' : subject.own ? `names namespace "${current}"` : `has no namespace (so "${current}", the RoleBinding's)`;
  const head = `${ref.kind} "${ref.name ?? ''}" subject ServiceAccount "${subject.name}" ${where}`;
  const report = (message: string, extra: { severity?: 'warning'; fix?: TextEdit[]; target?: string } = {}): void => {
    const { fix, target, severity } = extra;
    ctx.report({
      message,
      start: at?.[0] ?? 0,
      end: at?.[1] ?? 0,
      fieldPath: `${fieldPrefix}subjects[${subject.index}].namespace`,
      ...(severity ? { severity } : {}),
      ...(fix && target !== undefined
        ? { fix, patches: [{ documentIndex: ref.documentIndex, path: [...path, 'subjects', subject.index, 'namespace'], value: target }] }
        : {}),
    });
  };
  if (targets.length > 1) {
    report(`${head}, but privreg-fix puts ServiceAccounts named "${subject.name}" into ${targets.map((t) => `"${t}"`).join(', ')}: set the subject's namespace by hand`);
    return;
  }
  const target = targets[0] as string;
  const moves = `privreg-fix puts ServiceAccount "${subject.name}" into "${target}"`;
  if (current !== undefined && SYSTEM_NAMESPACES.has(current)) {
    report(`${head}, a system namespace, and ${moves}: kept; if the subject means that ServiceAccount, set its namespace to "${target}"`, { severity: 'warning' });
    return;
  }
  const fix = subject.shared
    ? undefined
    : subject.nsNode
      ? replaceScalar(subject.nsNode, target)
      : addPair(ctx.text, subject.map, 'namespace', { kind: 'scalar', value: target }, ['name'], ctx.layout());
  const message = `${head}, but ${moves}: the binding would not apply to it; expected namespace "${target}"`;
  report(fix ? message : `${message}; it cannot be changed automatically here (alias, anchor or merge key), change it by hand`, fix ? { fix, target } : {});
}
