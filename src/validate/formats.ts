/**
 * The string formats Kubernetes schemas use that the validator enforces, as regular expressions
 * (ajv emits them as literals into the generated validators, so nothing is imported at run time).
 */

// resource.Quantity: <signedNumber><suffix>, suffix binary SI, decimal SI or exponent.
const QUANTITY = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+|[KMGTPE]i|[numkMGTPE])?$/;
// Lenient on purpose: CRD date-times are checked with go-openapi strfmt, which accepts variants.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?$/;
// Standard base64 with padding; line breaks anywhere are ignored (PEM-style wrapped data).
const C = '[A-Za-z0-9+/][\\r\\n]*';
const BYTE = new RegExp(`^[\\r\\n]*(?:(?:${C}){4})*(?:(?:${C}){2}=[\\r\\n]*=[\\r\\n]*|(?:${C}){3}=[\\r\\n]*)?$`);

/** Format name -> pattern, for ajv's `formats` option. */
export const FORMATS: Readonly<Record<string, RegExp>> = { quantity: QUANTITY, 'date-time': DATE_TIME, byte: BYTE };

const PROBLEMS: Readonly<Record<string, string>> = {
  quantity: 'must be a quantity such as 500m, 2 or 1Gi',
  'date-time': 'must be an RFC 3339 date-time such as 2024-01-31T12:00:00Z',
  byte: 'must be base64-encoded data',
};

/** What a value of a format must look like (for messages). */
export function formatProblem(format: string): string {
  return PROBLEMS[format] ?? `must be a valid ${format}`;
}
