export { fixResourceList, ResourceListError, type ResourceList, type ResourceListFix } from './fix-list.js';
export { functionConfigOptions, FUNCTION_CONFIG_API_VERSION, FUNCTION_CONFIG_KIND } from './function-config.js';
export type { KrmResult } from './results.js';
