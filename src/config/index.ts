/** Configuration: find, load and validate `.privreg-fix.yaml`, then resolve options per file. */
export { ConfigError } from './errors.js';
export { CONFIG_FILE_NAMES, findConfigFile } from './find.js';
export { compileGlob, matchesAny } from '../io/glob.js';
export { loadConfig, parseConfig } from './load.js';
export {
  configDiscovery, configRelativePath, configRunSettings, fileOptionsResolver, resolveFileOptions, ruleLevels,
  type ConfigDiscovery, type RunSettings,
} from './resolve.js';
export { configSchemaUrl } from './schema.js';
export type { ConfigFile, ConfigSettings, FileSettings, Globs, OverrideSettings } from './types.js';
