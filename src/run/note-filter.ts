/**
 * Some notes are made once per run although each file makes its own (a result can then be
 * cached and replayed alone): `noteFilter`, fed the results in path order, keeps the first.
 */
import type { FileResult } from '../core/types.js';
import { detach } from '../yaml/detach.js';
import { NOT_IN_NAMESPACE } from '../rules/rule-ids.js';

/**
 * A filter keeping only the first "not-validated" note of each kind (unless disabled), and the
 * first `pull-secret-not-in-namespace` warning of each secret and namespace (always).
 */
export function noteFilter(enabled: boolean): (r: FileResult) => FileResult {
  const seen = new Set<string>();
  const once = new Set(enabled ? ['not-validated', NOT_IN_NAMESPACE] : [NOT_IN_NAMESPACE]);
  return (r) => {
    if (!r.findings.some((f) => once.has(f.ruleId))) return r;
    const findings = r.findings.filter((f) => {
      if (!once.has(f.ruleId)) return true;
      const key = `${f.ruleId}\0${f.message}`;
      return !seen.has(key) && Boolean(seen.add(detach(key)));
    });
    return { ...r, findings };
  };
}
