/**
 * privreg-fix as a library: make Kubernetes manifests ready for a private registry.
 *
 * @example
 * import { fixText } from 'privreg-fix';
 * const { output, ok } = await fixText(yaml, { namespace: 'apps', pullSecrets: ['regcred'] });
 */
export { fixText, type TextFixOptions, type TextFixResult } from './api/fix-text.js';
export { check, discoverManifests, fixFiles, type CheckOptions, type CheckResult, type FixFilesOptions } from './api/fix-files.js';
export { objectsOfKind, parseObjects, podSpecOf, type KnownObjects, type KubernetesObject } from './api/objects.js';
export type { PrivregFixOptions } from './api/options.js';
export { fixResourceList, type ResourceList, type KrmResult } from './krm/index.js';
export { ConfigError } from './config/index.js';
export type { CustomKind, PullSecretPlacement } from './core/options.js';
export type { FileResult, Finding, ObjectRef, Position, RunResult, Severity, TextEdit } from './core/types.js';
export { NoMatchError } from './io/discover.js';
export { SchemaPathError } from './validate/index.js';
export { formatReport, REPORT_FORMATS, type ReportFormat, type ReportOptions, type RunCounts } from './report/index.js';
