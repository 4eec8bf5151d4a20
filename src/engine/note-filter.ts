/**
 * "No schema for X" notes are made once per run: on the first file that meets X, CRD files
 * first, in order. Files processed out of that order (in parallel, or CRD files re-processed)
 * make their own notes (`withOwnNotes`); `noteFilter`, fed the results in that order, keeps the
 * first of each.
 */
import type { Engine } from './fix-text.js';
import type { FileResult } from './types.js';
import { detach } from '../manifest/detach.js';
import { NOT_IN_NAMESPACE } from '../rules/secret-namespaces.js';

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

/** Whether a run's notes need `noteFilter` (validating, and notes are made once per kind). */
export function dedupesNotes(engine: Engine): boolean {
  return engine.validation !== undefined && !engine.validation.strictKinds;
}

/** The engine with a notes record of its own, for a file processed out of order. */
export function withOwnNotes<E extends Engine>(engine: E): E {
  return engine.validation ? { ...engine, validation: { ...engine.validation, reportedKinds: new Set<string>() } } : engine;
}
