import { DOCKER_HUB } from './grammar.js';
import { parseImageReference, referenceSuffix } from './parse.js';
import {
  bestMatchingKeys,
  explainInvalidRegistryTarget,
  locationSpecificity,
  parseRegistryKey,
  type RegistryLocation,
} from './registry.js';

/** Where `--registry` and `--registry-map` send image references. */
export interface RegistryTarget {
  /** The private registry, `HOST[:PORT][/PREFIX]`; Docker Hub images move under it. */
  registry: string;
  /** Source registry (`host` or `host/path` prefix) → target prefix (`HOST[:PORT][/PREFIX]`). */
  registryMap: Readonly<Record<string, string>>;
}

/** Parses a validated target string into a location, throwing on a caller's invalid value. */
function targetLocation(value: string, what: string): { location: RegistryLocation; text: string } {
  const problem = explainInvalidRegistryTarget(value);
  const location = problem === undefined ? parseRegistryKey(value) : undefined;
  if (location === undefined) {
    // Callers validate user input with isValidRegistryTarget first; reaching here is a bug.
    throw new TypeError(`invalid ${what} "${value}": ${problem ?? 'unparseable'}`);
  }
  return { location, text: value.replace(/\/+$/, '') };
}

/**
 * The reference `ref` rewritten to pull from the private registry, or undefined when it stays
 * as it is. Rules: an image already under the target registry (and prefix) is untouched; a
 * source matched by `registryMap` (longest prefix on `/` boundaries) moves under the mapped
 * prefix, keeping the rest of its path; any other Docker Hub image moves under the target
 * with its normalized path (`nginx` → `HOST/library/nginx`, no `:latest` added); other
 * registries are untouched. Tag and digest are kept exactly. Non-literal references
 * (templates, invalid syntax) are untouched. Throws TypeError on an invalid target or map
 * value; validate user input with isValidRegistryTarget.
 */
export function rewriteImageReference(ref: string, target: RegistryTarget): string | undefined {
  const image = parseImageReference(ref);
  if (image === undefined) return undefined;

  const main = targetLocation(target.registry, '--registry value');
  if (locationSpecificity(image, main.location) !== undefined) return undefined;

  let newName: string | undefined;
  const [mapKey] = bestMatchingKeys(image, Object.keys(target.registryMap));
  if (mapKey !== undefined) {
    const mapped = targetLocation(target.registryMap[mapKey] ?? '', `--registry-map target for "${mapKey}"`);
    if (locationSpecificity(image, mapped.location) !== undefined) return undefined;
    const source = parseRegistryKey(mapKey);
    const prefix = source?.prefix ?? '';
    const rest = prefix === '' ? image.path : image.path.slice(prefix.length + 1);
    newName = rest === '' ? mapped.text : `${mapped.text}/${rest}`;
  } else if (image.registry === DOCKER_HUB) {
    newName = `${main.text}/${image.path}`;
  }
  if (newName === undefined) return undefined;

  const rewritten = newName + referenceSuffix(image);
  return rewritten === ref ? undefined : rewritten;
}
