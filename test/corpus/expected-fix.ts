// An independent model of what the fix must do to plain data, written apart from the engine's
// own patches so that the corpus test checks the engine against a second opinion.
import { parseAllDocuments } from 'yaml';
import { PARSE_OPTIONS } from '../../src/manifest/yaml-options.js';
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

function fixObject(obj: Obj, kinds: KindRegistry, namespace: string, secret: string): void {
  if (typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') return;
  const info = kinds.lookup(obj.apiVersion, obj.kind);
  if (info.scope === 'Namespaced') {
    const meta = isObj(obj.metadata) ? obj.metadata : (obj.metadata = {}) as Obj;
    if (meta.namespace === undefined || meta.namespace === null || meta.namespace === '') meta.namespace = namespace;
  }
  for (const path of info.podSpecPaths) {
    const plain = info.stringSecretPaths.includes(path);
    for (const spec of podSpecs(obj, path)) {
      const list = Array.isArray(spec.imagePullSecrets) ? spec.imagePullSecrets : [];
      if (!list.some((e) => (plain ? e === secret : isObj(e) && e.name === secret))) spec.imagePullSecrets = [...list, plain ? secret : { name: secret }];
    }
  }
}

/** The data a document must have after `--namespace ns --pull-secret secret`. */
export function expectedData(doc: unknown, kinds: KindRegistry, namespace: string, secret: string): unknown {
  const copy = structuredClone(doc);
  if (!isObj(copy)) return copy;
  const api = copy.apiVersion;
  if (typeof api === 'string' && api.startsWith('kustomize.config.k8s.io/')) return copy;
  if (typeof copy.kind === 'string' && copy.kind.endsWith('List') && Array.isArray(copy.items)) {
    for (const item of copy.items) if (isObj(item)) fixObject(item, kinds, namespace, secret);
    return copy;
  }
  fixObject(copy, kinds, namespace, secret);
  return copy;
}
