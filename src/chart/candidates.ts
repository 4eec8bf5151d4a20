import type { FixOptions } from '../core/options.js';
import { canonicalHost, parseImageReference, rewriteImageReference, type RegistryTarget } from '../image/index.js';
import type { Target } from './render-state.js';
import { getValue, isValueMap, type ValueChange, type ValuePath, type Values } from './values.js';

/**
 * A value (or a few) that may control pull secrets or image registries. Only a render proves
 * it: `variants` are tried in order and the first one whose render does what the fix wants wins.
 */
export interface Candidate {
  kind: 'secret' | 'image';
  /** Where it is, e.g. `worker.image`. */
  path: ValuePath;
  variants: ValueChange[][];
  /** Whether the values already have the key (a convention the chart declares). */
  declared: boolean;
}

const MAX_DEPTH = 12;

/** Docker's normalized `registry/path` of a reference or name, undefined when not one. */
function imageName(ref: string): string | undefined {
  const image = parseImageReference(ref);
  return image ? `${canonicalHost(image.registry)}/${image.path}` : undefined;
}

/** The pull-secret list `current` extended with `names`, in the style of its entries. */
function secretVariants(current: unknown, names: readonly string[]): unknown[][] {
  const list = Array.isArray(current) ? current : [];
  const listed = new Set(list.map((e) => (isValueMap(e) ? e.name : e)));
  const missing = names.filter((n) => !listed.has(n));
  if (missing.length === 0) return [];
  const maps = [...list, ...missing.map((name) => ({ name }))];
  const strings = [...list, ...missing];
  if (list.some((e) => typeof e === 'string')) return [strings];
  if (list.some(isValueMap)) return [maps];
  // Most charts pass the list to toYaml (`{name: x}` entries); some range over names.
  return [maps, strings];
}

/** Ways to point an image map (`{registry?, repository, tag…}`) at the registry. */
function imageMapVariants(path: ValuePath, map: Values, target: RegistryTarget): ValueChange[][] {
  const repo = map.repository as string;
  const registry = typeof map.registry === 'string' ? map.registry : undefined;
  const moved = rewriteImageReference(registry ? `${registry}/${repo}` : repo, target);
  if (moved === undefined) return [];
  const at = (key: string, value: string): ValueChange => ({ path: [...path, key], value });
  const variants: ValueChange[][] = [];
  if ('registry' in map) {
    // The registry value becomes a registry the user named when it can, the repository kept
    // (`docker.io` + `nginx` becomes `reg.example.com` + `library/nginx`, as Docker reads it).
    const prefix = moved.endsWith(`/${repo}`) ? moved.slice(0, -repo.length - 1) : undefined;
    const named = [target.registry, ...Object.values(target.registryMap).map((t) => t.replace(/\/+$/, ''))];
    if (prefix !== undefined && named.includes(prefix)) variants.push([at('registry', prefix)]);
    else if (moved.startsWith(`${target.registry}/`)) variants.push([at('registry', target.registry), at('repository', moved.slice(target.registry.length + 1))]);
    else if (prefix !== undefined) variants.push([at('registry', prefix)]);
  }
  if (!registry) variants.push([at('repository', moved)]);
  return variants;
}

/** Whether a candidate's image name is the name of an image the render needs moved. */
function concernsImages(name: string | undefined, images: ReadonlySet<string>): boolean {
  return name !== undefined && images.has(name);
}

/**
 * The values that may fix the targets, following the conventions charts use: `imagePullSecrets`
 * at any level (`global.imagePullSecrets`, a subchart's under its name, `image.pullSecrets`),
 * image maps (`image.registry`/`image.repository`, per component `*.image.*`), image strings
 * (`image: nginx:1.27`, `*Image`) and `global.imageRegistry`. Image values are tried only when
 * the render has an image of that name to move; `global.*` are tried even when undeclared.
 */
export function findCandidates(values: Values, targets: readonly Target[], options: FixOptions): Candidate[] {
  const secretNames = [...new Set(targets.flatMap((t) => (t.kind === 'secret' ? t.podSpec.missing : [])))];
  const images = new Set(targets.flatMap((t) => (t.image ? [imageName(t.image.value) ?? ''] : [])));
  const registryTarget = options.registry !== undefined ? { registry: options.registry.replace(/\/+$/, ''), registryMap: options.registryMap } : undefined;
  const out: Candidate[] = [];
  const add = (kind: Candidate['kind'], path: ValuePath, variants: ValueChange[][], declared = true): void => {
    if (variants.length > 0) out.push({ kind, path, variants, declared });
  };
  const secretsAt = (path: ValuePath, current: unknown, declared = true): void => {
    if (secretNames.length === 0 || !(current === undefined || current === null || Array.isArray(current))) return;
    add('secret', path, secretVariants(current, secretNames).map((value) => [{ path, value }]), declared);
  };
  const walk = (map: Values, path: string[]): void => {
    if (path.length > MAX_DEPTH) return;
    for (const [key, value] of Object.entries(map)) {
      const here = [...path, key];
      const parent = path[path.length - 1];
      if (key === 'imagePullSecrets' || (key === 'pullSecrets' && (parent === 'image' || parent === 'global' || 'repository' in map))) {
        secretsAt(here, value);
      } else if (registryTarget && key === 'imageRegistry' && (value === null || typeof value === 'string') && images.size > 0) {
        if (value !== registryTarget.registry) add('image', here, [[{ path: here, value: registryTarget.registry }]]);
      } else if (registryTarget && isValueMap(value) && typeof value.repository === 'string' && value.repository !== '') {
        const registry = typeof value.registry === 'string' && value.registry ? `${value.registry}/` : '';
        if (concernsImages(imageName(registry + value.repository), images)) add('image', here, imageMapVariants(here, value, registryTarget));
        walk(value, here);
      } else if (registryTarget && typeof value === 'string' && /(^i|I)mage$/.test(key) && concernsImages(imageName(value), images)) {
        const moved = rewriteImageReference(value, registryTarget);
        if (moved !== undefined) add('image', here, [[{ path: here, value: moved }]]);
      } else if (isValueMap(value)) {
        walk(value, here);
      }
    }
  };
  walk(values, []);
  // Conventions a chart may follow without declaring them in its values.
  if (getValue(values, ['global', 'imagePullSecrets']) === undefined) secretsAt(['global', 'imagePullSecrets'], undefined, false);
  if (getValue(values, ['imagePullSecrets']) === undefined) secretsAt(['imagePullSecrets'], undefined, false);
  if (registryTarget && images.size > 0 && getValue(values, ['global', 'imageRegistry']) === undefined) {
    add('image', ['global', 'imageRegistry'], [[{ path: ['global', 'imageRegistry'], value: registryTarget.registry }]], false);
  }
  return out;
}
