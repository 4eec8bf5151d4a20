import { readsAsItself } from '../yaml/scalars.js';

/**
 * Renders a string as a YAML scalar that every reader (YAML 1.1 as Kubernetes decodes it, and
 * YAML 1.2) reads back as the same string: plain when that is safe, double-quoted otherwise.
 */
export function formatScalar(value: string, style: 'plain' | 'double' | 'single' = 'plain'): string {
  if (style === 'double') return JSON.stringify(value);
  if (style === 'single') return `'${value.replace(/'/g, "''")}'`;
  return isPlainSafe(value) ? value : JSON.stringify(value);
}

// Letters first (so most numbers are out), then name-ish characters; `:` only inside. This
// only rules out syntax; what a plain word *means* is asked of the YAML schemas below.
const SAFE = /^[A-Za-z_][A-Za-z0-9._/@-]*(?::[A-Za-z0-9._/@-]+)*$/;



function isPlainSafe(value: string): boolean {
  return SAFE.test(value) && readsAsItself(value);
}
