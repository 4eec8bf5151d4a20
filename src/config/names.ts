import { UsageError } from '../core/errors.js';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Checks a namespace name: an RFC 1123 label of at most 63 characters, as Kubernetes requires. */
export function checkNamespaceName(name: string, flag: string): string {
  if (name.length > 63 || !DNS_LABEL.test(name)) {
    throw new UsageError(`${flag}: "${name}" is not a valid namespace name (lower-case letters, digits and "-", at most 63, starting and ending with a letter or digit)`);
  }
  return name;
}

/** Checks a Secret name: an RFC 1123 subdomain of at most 253 characters. */
export function checkSecretName(name: string, flag: string): string {
  if (name.length > 253 || !DNS_SUBDOMAIN.test(name)) {
    throw new UsageError(`${flag}: "${name}" is not a valid Secret name (lower-case letters, digits, "-" and ".", at most 253)`);
  }
  return name;
}
