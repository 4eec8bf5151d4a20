import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fixText, type Engine } from '../../src/engine/fix-text.js';
import { defaultFixOptions, type FixOptions } from '../../src/core/options.js';
import type { FileResult } from '../../src/core/types.js';
import { InputIndex } from '../../src/rules/input-index.js';
import { learnInput } from '../../src/engine/learn-input.js';
import { KindRegistry } from '../../src/kinds/registry.js';
import { defaultRules } from '../../src/rules/index.js';

/** Repository root. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** One golden case: `fixtures/fix/<name>/input.yaml`, optional `output.yaml`, `options.json`, `findings.txt`. */
export interface GoldenCase {
  name: string;
  dir: string;
  input: string;
  /** Expected output; equal to input when the case has no output.yaml. */
  output: string;
  options: FixOptions;
  findings?: string;
}

/** The options golden cases run with unless their options.json says otherwise. */
export const GOLDEN_DEFAULTS = { namespace: 'demo', pullSecrets: ['regcred'] };

const read = (f: string): string => readFileSync(f, 'utf8');

/** Loads every golden case under a fixtures folder. */
export function loadGoldenCases(folder: string): GoldenCase[] {
  const base = path.join(ROOT, 'fixtures', folder);
  return readdirSync(base).sort().map((name) => {
    const dir = path.join(base, name);
    const input = read(path.join(dir, 'input.yaml'));
    const outFile = path.join(dir, 'output.yaml');
    const optFile = path.join(dir, 'options.json');
    const findFile = path.join(dir, 'findings.txt');
    const options: FixOptions = {
      ...defaultFixOptions(),
      ...GOLDEN_DEFAULTS,
      ...(existsSync(optFile) ? (JSON.parse(read(optFile)) as Partial<FixOptions>) : {}),
    };
    const c: GoldenCase = { name, dir, input, output: existsSync(outFile) ? read(outFile) : input, options };
    if (existsSync(findFile)) c.findings = read(findFile);
    return c;
  });
}

/** Runs the engine on a text the way the CLI does (CRDs of the text registered first), without validation. */
export function runFix(text: string, options: FixOptions, file = 'input.yaml'): FileResult {
  const engine: Engine = { rules: defaultRules(), kinds: new KindRegistry(options.kinds), index: new InputIndex() };
  learnInput(text, options, engine);
  return fixText(file, text, options, engine);
}

/** Findings as `line:col severity rule-id` lines, the findings.txt format. */
export function findingLines(result: FileResult): string {
  return result.findings.map((f) => `${f.startPos.line}:${f.startPos.column} ${f.severity} ${f.ruleId}\n`).join('');
}
