import type { InputIndex } from './input-index.js';
import type { FixOptions } from '../core/options.js';
import type { ObjectRef, Severity, TextEdit } from '../core/types.js';
import type { Layout } from '../fix/layout.js';
import type { KindInfo } from '../kinds/registry.js';
import type { ManifestObject } from '../manifest/objects.js';
import type { ObjectPodSpecs } from '../kinds/pod-data.js';

/** A data change a fix intends, for independent verification: set `path` (from the document root) to `value`. */
export interface DataPatch {
  documentIndex: number;
  path: (string | number)[];
  value: unknown;
}

/** A finding before positions and severity are settled: from a rule (see `RuleFinding`) or another stage. */
export interface RuleReport {
  ruleId: string;
  message: string;
  start: number;
  end: number;
  fieldPath?: string;
  severity?: Severity;
  fix?: TextEdit[];
  /** The object concerned; filled in by the engine. */
  object?: ObjectRef;
  /** The data the fix produces, checked against a re-parse of the output. */
  patches?: DataPatch[];
}

/** Everything a rule sees about one object. */
export interface RuleContext {
  text: string;
  object: ManifestObject;
  kind: KindInfo;
  options: FixOptions;
  /** Facts about the whole input (ServiceAccounts, registry Secrets). */
  index: InputIndex;
  /** Indentation habits of the object's text, computed on first use. */
  layout(): Layout;
  /** The object's pod specs as its kind describes them, computed on first use. */
  podSpecs(): ObjectPodSpecs;
  /** Reports a finding of the rule being run (its id is the rule's). */
  report(r: RuleFinding): void;
}

/**
 * Static description of a finding id: what reporters (SARIF), the docs (README rule table) and
 * the config schema need to know. Every rule has one, and so has every finding of another stage
 * (see `pipeline-findings.ts`).
 */
export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** Whether privreg-fix can fix findings of this id (a finding it cannot fix has no `fix`). */
  fixable: boolean;
  /** One sentence describing what is checked. */
  description: string;
  /** Where the docs describe it: a README anchor, e.g. `README.md#rules`. */
  docs: string;
}

/** What a rule reports: the engine adds the rule's id, the object, positions and the configured severity. */
export type RuleFinding = Omit<RuleReport, 'ruleId' | 'object'>;

/**
 * A rule: one finding id. Looks at one object and reports findings of its own id only, with
 * fixes where it can; where it cannot, the finding has no fix and its message says what to do.
 */
export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
