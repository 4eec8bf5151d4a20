import type { YAMLMap } from '../yaml/nodes.js';
import type { FixOptions } from '../core/options.js';
import { secretsForImage } from '../image/index.js';
import { imageAfterFix, podImages } from './pod-images.js';

/**
 * The pull secrets a pod spec needs: the `--pull-secret` names, plus the secrets the
 * `registries` map assigns to its images (as they will be after any `--registry` rewrite).
 */
export function requiredSecretsFor(podSpec: YAMLMap, options: FixOptions): string[] {
  const { pullSecrets, registries } = options;
  if (Object.keys(registries).length === 0) return pullSecrets;
  const out = [...pullSecrets];
  for (const image of podImages(podSpec)) {
    for (const s of secretsForImage(imageAfterFix(image.value, options), registries)) if (!out.includes(s)) out.push(s);
  }
  return out;
}
