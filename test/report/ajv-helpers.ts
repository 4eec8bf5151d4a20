import type { Ajv } from 'ajv';

/**
 * Registers the string formats the SARIF and report schemas use. ajv-formats is not a
 * dependency, so these are small but real checks rather than ignored formats.
 */
export function addFormats(ajv: Pick<Ajv, 'addFormat'>): void {
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)) && /T/.test(s));
}
