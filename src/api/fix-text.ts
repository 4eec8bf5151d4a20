import path from 'node:path';
import { runSucceeded } from '../core/outcome.js';
import { createEngine } from '../engine/create-engine.js';
import { fixStandaloneText } from '../engine/fix-text.js';
import type { Finding, Severity } from '../core/types.js';
import { resolveRun, type PrivregFixOptions } from './options.js';

/** Options of `fixText`. */
export interface TextFixOptions extends PrivregFixOptions {
  /**
   * Name of the text in findings (default `<text>`); when a config file is used, it is also the
   * path its `overrides` are matched against (relative to `cwd`).
   */
  path?: string;
}

/** What `fixText` produced. */
export interface TextFixResult {
  /** The fixed text; equal to the input when nothing changes or the fix was refused. */
  output: string;
  /** Whether `output` differs from the input. */
  changed: boolean;
  /** Every finding, sorted by position; fixed ones have `fix` set. */
  findings: Finding[];
  /** True when the text was not processed at all (invalid YAML, template markers). */
  skipped: boolean;
  /**
   * True when `output` can be used as is: nothing was skipped and no error remains that the fix
   * does not remove (the CLI's exit code 0 in diff mode).
   */
  ok: boolean;
}

/**
 * Fixes one manifest text (one or many YAML documents) byte-preservingly: comments, quoting and
 * layout outside the edits are kept. Nothing is read or written besides an optional config file.
 *
 * @example
 * const { output, findings } = await fixText(yaml, { namespace: 'apps', pullSecrets: ['regcred'] });
 */
export async function fixText(text: string, options: TextFixOptions = {}): Promise<TextFixResult> {
  return fixTextWithDefaults(text, options, {});
}

/** `fixText` with rule levels that apply unless the config or the options set them. */
export async function fixTextWithDefaults(text: string, options: TextFixOptions, ruleDefaults: Record<string, Severity | 'off'>): Promise<TextFixResult> {
  const run = await resolveRun(options, ruleDefaults, ['path']);
  const engine = await createEngine(run.settings);
  const name = options.path ?? '<text>';
  const fileOptions = run.optionsFor(path.resolve(run.cwd, name));
  const result = fixStandaloneText(name, text, fileOptions, engine);
  return {
    output: result.output,
    changed: result.output !== text,
    findings: result.findings,
    skipped: result.skipped,
    ok: runSucceeded([result], 'diff'),
  };
}
