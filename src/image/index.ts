/** Pure functions on container image references: parsing, registry matching, rewriting. */
export { parseImageReference, type ImageReference } from './parse.js';
export {
  explainInvalidRegistryTarget,
  isValidRegistryTarget,
  parseRegistryKey,
  parseRegistryMapFlags,
  registryKeyMatches,
  secretsForImage,
  type RegistryLocation,
} from './registry.js';
export { rewriteImageReference, type RegistryTarget } from './rewrite.js';
export { canonicalHost, DOCKER_HUB } from './grammar.js';
export { imageInText, type EmbeddedImage } from './in-text.js';
