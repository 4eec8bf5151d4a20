/**
 * "No schema for X" notes are made once per run: on the first file that meets X, CRD files
 * first, in order. Files processed out of that order (in parallel, or CRD files re-processed)
 * make their own notes (`withOwnNotes`); `noteFilter`, fed the results in that order, keeps the
 * first of each.
 */
import type { Engine } from './fix-text.js';
import type { FileResult } from './types.js';
import { detach } from '../manifest/detach.js';

/** A filter keeping only the first "not-validated" note of each kind (a no-op when disabled). */
export function noteFilter(enabled: boolean): (r: FileResult) => FileResult {
  const seen = new Set<string>();
  return (r) => {
    if (!enabled || !r.findings.some((f) => f.ruleId === 'not-validated')) return r;
    const findings = r.findings.filter((f) => f.ruleId !== 'not-validated' || (!seen.has(f.message) && Boolean(seen.add(detach(f.message)))));
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
