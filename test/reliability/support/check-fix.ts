import { isDeepStrictEqual } from 'node:util';
import { diffArrays } from 'diff';
import { fixStandaloneText, type Engine } from '../../../src/engine/fix-text.js';
import { InputIndex } from '../../../src/rules/input-index.js';
import { defaultFixOptions, type FixOptions } from '../../../src/core/options.js';
import type { FileResult } from '../../../src/core/types.js';
import { checkComments, documentsData } from '../../../src/engine/verify.js';
import { KindRegistry } from '../../../src/kinds/registry.js';
import { parseManifest } from '../../../src/yaml/parse.js';
import { defaultRules } from '../../../src/rules/index.js';
import { GEN_NAMESPACE, GEN_SECRET, type GeneratedManifest } from './manifest-gen.js';

/** The options generated manifests are fixed with. */
export const GEN_OPTIONS: FixOptions = { ...defaultFixOptions(), namespace: GEN_NAMESPACE, pullSecrets: [GEN_SECRET] };

/** Runs the engine on one text as the CLI does (without schema validation), in any mode. */
export function fixOnce(text: string, options: FixOptions = GEN_OPTIONS): FileResult {
  const engine: Engine = { rules: defaultRules(), kinds: new KindRegistry(options.kinds), index: new InputIndex() };
  return fixStandaloneText('input.yaml', text, options, engine);
}

/** Plain data of a text, or the first syntax problem. */
export function dataOf(text: string): { data: unknown[] } | { error: string } {
  const file = parseManifest('x.yaml', text);
  if (file.errors.length > 0) return { error: `${file.errors[0]?.code}: ${file.errors[0]?.message}` };
  try {
    return { data: documentsData(file.docs) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const fixable = (r: FileResult): string[] => r.findings.filter((f) => f.fix).map((f) => f.ruleId);

/** Lines (without their `\r`) of the input that the fix removed or changed. */
function removedLines(before: string, after: string): string[] {
  const split = (t: string): string[] => t.split('\n').map((l) => l.replace(/\r$/, ''));
  return diffArrays(split(before), split(after)).filter((c) => c.removed).flatMap((c) => c.value);
}

/** A line the fix may legitimately rewrite: a flow collection it extends, or an empty value it fills. */
const EDITABLE_LINE = /[[{]|^\s*(- )?["']?imagePullSecrets["']?:\s*(null|~)?\s*(#.*)?$/;

/**
 * Everything the fix must guarantee on one text whose fixed data is known: returns the first
 * broken promise, or undefined. Shared by the property tests and `npm run fuzz`.
 */
export function checkGenerated(m: GeneratedManifest): string | undefined {
  const input = dataOf(m.text);
  if ('error' in input) return `generator: the input does not parse: ${input.error}`;
  if (!isDeepStrictEqual(input.data, m.data)) return 'generator: the input data is not the model data';
  let r: FileResult;
  try {
    r = fixOnce(m.text);
  } catch (e) {
    return `crash: ${(e as Error).stack ?? String(e)}`;
  }
  const internal = r.findings.find((f) => f.ruleId === 'internal-error');
  if (internal) return `internal-error: ${internal.message}`;
  const out = dataOf(r.output);
  if ('error' in out) return `output does not parse: ${out.error}`;
  if (!isDeepStrictEqual(out.data, m.expected)) return `data mismatch: ${JSON.stringify(out.data)} !== expected ${JSON.stringify(m.expected)}`;
  const lost = checkComments(m.text, r.output);
  if (lost) return `comment lost: ${lost}`;
  const changed = removedLines(m.text, r.output).filter((l) => !EDITABLE_LINE.test(l));
  if (changed.length > 0) return `untouched lines changed: ${JSON.stringify(changed)}`;
  if (m.text.includes('\r\n') && /(^|[^\r])\n/.test(r.output)) return 'a CRLF file got LF line endings';
  if (!m.text.includes('\r') && r.output.includes('\r')) return 'an LF file got CR characters';
  if (m.text.startsWith('\uFEFF') !== r.output.startsWith('\uFEFF')) return 'the byte-order mark changed';
  let again: FileResult;
  try {
    again = fixOnce(r.output);
  } catch (e) {
    return `crash on the fixed text: ${(e as Error).stack ?? String(e)}`;
  }
  if (again.output !== r.output) return 'not idempotent: fixing the output changes it again';
  if (fixable(again).length > 0) return `not idempotent: the output still has fixable findings ${fixable(again).join(', ')}`;
  // Check mode reports the fixable findings of this same run: they must match the change.
  if ((fixable(r).length > 0) !== (r.output !== m.text)) return 'check parity: fixable findings do not match the change';
  return undefined;
}

/** A readable report of a failing generated case. */
export function describeCase(m: GeneratedManifest, problem: string): string {
  return `${problem}\nlayout: ${JSON.stringify(m.layout)}\ninput (JSON string): ${JSON.stringify(m.text)}`;
}
