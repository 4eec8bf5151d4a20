import { parse } from 'yaml';

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

const verdicts = new Map<string, boolean>();

/**
 * Whether a plain scalar reads as the string itself under both the YAML 1.1 schema (whose
 * resolution is a superset of go-yaml v2's, which Kubernetes uses: `yes`, `on`, `y`, and also
 * `e5`, which go-yaml v2 keeps a string but the 1.1 spec's float pattern does not) and the YAML
 * 1.2 core schema (`true`, `null`, `.inf`). Asked of the `yaml` package rather than a word list.
 */
function readsAsItself(value: string): boolean {
  let verdict = verdicts.get(value);
  if (verdict === undefined) {
    verdict = ['1.1', '1.2'].every((version) => {
      try {
        return parse(value, { version: version as '1.1' | '1.2', logLevel: 'silent' }) === value;
      } catch {
        return false;
      }
    });
    if (verdicts.size > 10_000) verdicts.clear();
    verdicts.set(value, verdict);
  }
  return verdict;
}

function isPlainSafe(value: string): boolean {
  return SAFE.test(value) && readsAsItself(value);
}
