import { defaultRules } from './index.js';
import { PIPELINE_FINDINGS } from './pipeline-findings.js';
import type { RuleMeta } from './rule.js';

export type { RuleMeta } from './rule.js';

/**
 * Every finding id privreg-fix can report, in documentation order: the rules' metas (from the
 * registry, `index.ts`), then those of the other stages (`pipeline-findings.ts`).
 */
export const RULES: readonly RuleMeta[] = [...defaultRules().map((r) => r.meta), ...PIPELINE_FINDINGS];

/** Looks up the metadata of a finding id (a rule's or another stage's). */
export function ruleMeta(id: string): RuleMeta | undefined {
  return RULES.find((r) => r.id === id);
}
