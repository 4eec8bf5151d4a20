// An independent model of what the fix must do to plain data, written apart from the engine's
// own patches so that the corpus test checks the engine against a second opinion.
import { parseAllDocuments } from 'yaml';
import { PARSE_OPTIONS } from '../../src/yaml/options.js';
import { KindRegistry } from '../../src/kinds/registry.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Plain data of every document of a text, read the way privreg-fix reads it. */
export function docsData(text: string): unknown[] {
  const docs = parseAllDocuments(text, PARSE_OPTIONS);
  return (Array.isArray(docs) ? docs : []).map((d) => d.toJS() as unknown);
}

/** The maps at `path`; `key?` steps are created when only such steps are missing. */
function podSpecs(root: Obj, path: string): Obj[] {
  let level: unknown[] = [root];
  const steps = path.split('.');
  steps.forEach((raw, i) => {
    const optional = raw.endsWith('?');
    const step = optional ? raw.slice(0, -1) : raw;
    const next: unknown[] = [];
    for (const node of level) {
      if (!isObj(node)) continue;
      if (optional && (node[step] === undefined || node[step] === null) && steps.slice(i).every((s) => s.endsWith('?'))) {
        node[step] = {};
        next.push(node[step]);
      } else if (step.endsWith('[*]')) {
        const list = node[step.slice(0, -3)];
        if (Array.isArray(list)) next.push(...list);
      } else if (step === '*') next.push(...Object.values(node));
      else if (step in node) next.push(node[step]);
    }
    level = next;
  });
  return level.filter(isObj);
}

/**
 * What RBAC subjects follow: the names of the ServiceAccounts without a namespace (the fix puts
 * them into the run's namespace), and `namespace/name` of every ServiceAccount once fixed.
 */
export interface RbacFacts {
  moved: Set<string>;
  defined: Set<string>;
  /** Subjects the expected fix changed so far. */
  changed: number;
}

const hasNoNamespace = (meta: unknown): boolean => !isObj(meta) || meta.namespace === undefined || meta.namespace === null || meta.namespace === '';

/** The RBAC facts of every document of a tree (List items included). */
export function rbacFacts(docs: readonly unknown[], namespace: string): RbacFacts {
  const facts: RbacFacts = { moved: new Set(), defined: new Set(), changed: 0 };
  const visit = (o: unknown): void => {
    if (!isObj(o)) return;
    if (typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items)) o.items.forEach(visit);
    if (o.apiVersion !== 'v1' || o.kind !== 'ServiceAccount' || !isObj(o.metadata) || typeof o.metadata.name !== 'string') return;
    const name = o.metadata.name;
    if (hasNoNamespace(o.metadata)) facts.moved.add(name);
    facts.defined.add(`${hasNoNamespace(o.metadata) ? namespace : String(o.metadata.namespace)}/${name}`);
  };
  docs.forEach(visit);
  return facts;
}

const SYSTEM_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease'];

/** Subjects naming a moved ServiceAccount elsewhere get the run's namespace. */
function fixSubjects(obj: Obj, namespace: string, rbac: RbacFacts): void {
  if (typeof obj.apiVersion !== 'string' || !obj.apiVersion.startsWith('rbac.authorization.k8s.io/')) return;
  if (obj.kind !== 'RoleBinding' && obj.kind !== 'ClusterRoleBinding') return;
  if (!Array.isArray(obj.subjects)) return;
  const own = isObj(obj.metadata) && typeof obj.metadata.namespace === 'string' ? obj.metadata.namespace : undefined;
  for (const subject of obj.subjects) {
    if (!isObj(subject) || subject.kind !== 'ServiceAccount' || typeof subject.name !== 'string' || !rbac.moved.has(subject.name)) continue;
    if (subject.apiGroup !== undefined && subject.apiGroup !== '') continue;
    const named = typeof subject.namespace === 'string' && subject.namespace !== '' ? subject.namespace : undefined;
    const current = named ?? (obj.kind === 'RoleBinding' ? own : undefined);
    if (current !== undefined && (rbac.defined.has(`${current}/${subject.name}`) || SYSTEM_NAMESPACES.includes(current))) continue;
    subject.namespace = namespace;
    rbac.changed++;
  }
}

function fixObject(obj: Obj, kinds: KindRegistry, namespace: string, secret: string, rbac?: RbacFacts): void {
  if (typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') return;
  const info = kinds.lookup(obj.apiVersion, obj.kind);
  if (info.scope === 'Namespaced') {
    const meta = isObj(obj.metadata) ? obj.metadata : (obj.metadata = {}) as Obj;
    if (meta.namespace === undefined || meta.namespace === null || meta.namespace === '') meta.namespace = namespace;
  }
  if (rbac) fixSubjects(obj, namespace, rbac);
  for (const path of info.podSpecPaths) {
    const plain = info.stringSecretPaths.includes(path);
    for (const spec of podSpecs(obj, path)) {
      const list = Array.isArray(spec.imagePullSecrets) ? spec.imagePullSecrets : [];
      if (!list.some((e) => (plain ? e === secret : isObj(e) && e.name === secret))) spec.imagePullSecrets = [...list, plain ? secret : { name: secret }];
    }
  }
}

/**
 * The data a document must have after `--namespace ns --pull-secret secret`; with `rbac` (the
 * facts of the whole tree), binding subjects follow the ServiceAccounts the fix moves.
 */
export function expectedData(doc: unknown, kinds: KindRegistry, namespace: string, secret: string, rbac?: RbacFacts): unknown {
  const copy = structuredClone(doc);
  if (!isObj(copy)) return copy;
  const api = copy.apiVersion;
  if (typeof api === 'string' && api.startsWith('kustomize.config.k8s.io/')) return copy;
  if (typeof copy.kind === 'string' && copy.kind.endsWith('List') && Array.isArray(copy.items)) {
    for (const item of copy.items) if (isObj(item)) fixObject(item, kinds, namespace, secret, rbac);
    return copy;
  }
  fixObject(copy, kinds, namespace, secret, rbac);
  return copy;
}
