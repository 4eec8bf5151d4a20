import { dataOf, parseDocuments } from '../yaml/documents.js';
import { RENDERED_INPUT_RULES, resolveRun, type PrivregFixOptions } from '../api/options.js';
import { createEngine } from '../engine/create-engine.js';
import { fixStandaloneText } from '../engine/fix-text.js';
import { runSucceeded } from '../core/outcome.js';
import type { Finding } from '../core/types.js';
import { functionConfigOptions } from './function-config.js';
import { isResourceList, maskResourceList } from './mask.js';
import { itemInfos, toResults, writeResults, type KrmResult } from './results.js';

/** A KRM ResourceList (`config.kubernetes.io/v1`), as far as privreg-fix reads it. */
export interface ResourceList {
  apiVersion: string;
  kind: 'ResourceList';
  items: unknown[];
  functionConfig?: unknown;
  results?: KrmResult[];
}

/** What running the function on a ResourceList produced. */
export interface ResourceListFix {
  /** The ResourceList text with the items fixed and `results` added. */
  output: string;
  /** The results added (also in `output`). */
  results: KrmResult[];
  /** False when a result is an error: the function must then exit non-zero. */
  ok: boolean;
  /** The engine's findings, with offsets into the input text. */
  findings: Finding[];
}

/** Input that is not a ResourceList privreg-fix can work on. */
export class ResourceListError extends Error {
  override readonly name = 'ResourceListError';
}

/**
 * Runs privreg-fix as a KRM function: fixes the items of a ResourceList text byte-preservingly
 * (comments in items are kept), with options from its `functionConfig` (see
 * `functionConfigOptions`) over `defaults`, and reports findings as `results`. Throws
 * `ResourceListError` for input that is not a single ResourceList and `ConfigError` for an
 * invalid functionConfig.
 */
export async function fixResourceList(text: string, defaults: PrivregFixOptions = {}): Promise<ResourceListFix> {
  const docs = parseDocuments(text);
  const doc = docs.length === 1 ? docs[0] : undefined;
  if (!doc) throw new ResourceListError('expected exactly one YAML document, a ResourceList');
  const error = doc.errors[0];
  if (error) throw new ResourceListError(`the ResourceList is not valid YAML: ${error.message.split('\n')[0] ?? ''}`);
  const data: unknown = dataOf(doc);
  if (!isResourceList(data)) throw new ResourceListError('the input is not a config.kubernetes.io/v1 ResourceList');
  const options = { ...defaults, ...functionConfigOptions(data.functionConfig) };
  const masked = maskResourceList(doc, text);
  if (typeof masked === 'string') throw new ResourceListError(masked);

  const run = await resolveRun(options, RENDERED_INPUT_RULES);
  const engine = await createEngine(run.settings);
  const fileOptions = run.optionsFor(`${run.cwd}/<ResourceList>`);
  const result = fixStandaloneText('<ResourceList>', masked.text, fileOptions, engine);
  let fixed = text;
  const findings = result.findings;
  if (result.output !== masked.text) {
    try {
      fixed = masked.restore(result.output);
    } catch (e) {
      findings.forEach((f) => delete f.fix);
      findings.push(internalError(`could not restore the ResourceList header (${(e as Error).message})`));
    }
  }
  const results = toResults(findings, itemInfos(doc));
  const ok = runSucceeded([{ ...result, findings }], 'write');
  return { output: writeResults(fixed, results), results, ok, findings };
}

function internalError(message: string): Finding {
  const at = { line: 1, column: 1 };
  return { ruleId: 'internal-error', severity: 'error', message: `${message}; the list is left unchanged`, start: 0, end: 0, startPos: at, endPos: at };
}
