import { parse } from './package.js';

const verdicts = new Map<string, boolean>();

/**
 * Whether a plain scalar reads as the string itself under both the YAML 1.1 schema (whose
 * resolution is a superset of go-yaml v2's, which Kubernetes uses: `yes`, `on`, `y`, and also
 * `e5`, which go-yaml v2 keeps a string but the 1.1 spec's float pattern does not) and the YAML
 * 1.2 core schema (`true`, `null`, `.inf`). Asked of the `yaml` package rather than a word list.
 */
export function readsAsItself(value: string): boolean {
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
