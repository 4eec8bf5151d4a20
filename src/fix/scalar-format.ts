/**
 * Renders a string as a YAML scalar that every reader (YAML 1.1 as Kubernetes decodes it, and
 * YAML 1.2) reads back as the same string: plain when that is safe, double-quoted otherwise.
 */
export function formatScalar(value: string, style: 'plain' | 'double' | 'single' = 'plain'): string {
  if (style === 'double') return JSON.stringify(value);
  if (style === 'single') return `'${value.replace(/'/g, "''")}'`;
  return isPlainSafe(value) ? value : JSON.stringify(value);
}

// Words YAML 1.1 or 1.2 resolve to booleans or null, in any case (Kubernetes reads YAML 1.1).
const SPECIAL_WORDS = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;
// Letters first (so nothing can read as a number), then name-ish characters; `:` only inside.
const SAFE = /^[A-Za-z_][A-Za-z0-9._/@-]*(?::[A-Za-z0-9._/@-]+)*$/;

function isPlainSafe(value: string): boolean {
  return SAFE.test(value) && !SPECIAL_WORDS.test(value);
}
