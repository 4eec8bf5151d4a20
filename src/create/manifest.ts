import { toYaml } from '../yaml/documents.js';
import { UsageError } from '../core/errors.js';

/** RFC 1123 label: what Kubernetes requires of a Namespace name. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** RFC 1123 subdomain: what Kubernetes requires of a Secret name. */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Throws a usage error unless `name` is a valid Namespace name (RFC 1123 label, ≤ 63). */
export function checkNamespaceName(name: string, what = 'namespace name'): void {
  if (name.length > 63 || !DNS_LABEL.test(name)) {
    throw new UsageError(
      `invalid ${what} "${name}": use at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit`,
    );
  }
}

/** Throws a usage error unless `name` is a valid Secret name (RFC 1123 subdomain, ≤ 253). */
export function checkSecretName(name: string): void {
  if (name.length > 253 || !DNS_SUBDOMAIN.test(name)) {
    throw new UsageError(
      `invalid secret name "${name}": use at most 253 lowercase letters, digits, "-" and ".", starting and ending with a letter or digit`,
    );
  }
}

/** Output formats a generated manifest can be printed in. */
export type ManifestFormat = 'yaml' | 'json';

/** Serializes a generated object as JSON or as YAML (see `toYaml`). */
export function serializeManifest(obj: object, format: ManifestFormat, comment?: string): string {
  if (format === 'json') return `${JSON.stringify(obj, null, 2)}\n`;
  return toYaml(obj, comment);
}
