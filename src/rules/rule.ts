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

/** What a rule reports; the engine adds positions and the configured severity. */
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
  report(r: RuleReport): void;
}

/** A rule: looks at one object and reports findings, with fixes where it can. */
export interface Rule {
  /** Rule ids this rule can report (see catalog.ts). */
  ids: readonly string[];
  check(ctx: RuleContext): void;
}
