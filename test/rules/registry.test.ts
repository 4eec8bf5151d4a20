import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, ruleMeta } from '../../src/rules/catalog.js';
import { defaultRules } from '../../src/rules/index.js';
import { PIPELINE_FINDINGS } from '../../src/rules/pipeline-findings.js';
import { exitCodeFor } from '../../src/core/outcome.js';
import { findingLines, runFix } from '../fixtures-support/golden.js';
import { defaultFixOptions, type FixOptions } from '../../src/core/options.js';

const SRC = path.resolve(import.meta.dirname, '../../src');
const RULES_DIR = path.join(SRC, 'rules');

/** Every `.ts` file under src/, relative to src/. */
function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [path.relative(SRC, full)] : [];
  });
}

describe('the rule registry (src/rules/index.ts)', () => {
  const rules = defaultRules();

  it('holds one rule per id, each in the file named after it', () => {
    const ids = rules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      const text = readFileSync(path.join(RULES_DIR, `${id}.ts`), 'utf8');
      expect(text, id).toMatch(/export const \w+Rule: Rule = \{/);
    }
  });

  it('and every file that defines a rule is in it', () => {
    const defining = readdirSync(RULES_DIR).filter((f) => /export const \w+: Rule = /.test(readFileSync(path.join(RULES_DIR, f), 'utf8')));
    expect(defining.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(rules.map((r) => r.meta.id).sort());
  });

  it('rule files are imported by the registry only (helpers live in modules of their own)', () => {
    const ruleFiles = new Set(rules.map((r) => `${r.meta.id}.js`));
    for (const file of sources()) {
      if (file === path.join('rules', 'index.ts')) continue;
      const text = readFileSync(path.join(SRC, file), 'utf8');
      for (const m of text.matchAll(/from '([^']+)'/g)) {
        const target = path.basename(m[1] as string);
        const inRules = path.dirname(path.join(path.dirname(file), m[1] as string)) === 'rules';
        expect(inRules && ruleFiles.has(target), `${file} imports ${m[1]}`).toBe(false);
      }
    }
  });

  it('keeps the other stages\' findings apart: no id is both, and ruleMeta finds both', () => {
    const ruleIds = new Set(rules.map((r) => r.meta.id));
    for (const p of PIPELINE_FINDINGS) expect(ruleIds.has(p.id), p.id).toBe(false);
    expect(RULES.map((r) => r.id)).toEqual([...rules.map((r) => r.meta.id), ...PIPELINE_FINDINGS.map((p) => p.id)]);
    expect(ruleMeta('missing-namespace')?.defaultSeverity).toBe('error');
    expect(ruleMeta('yaml-syntax')?.fixable).toBe(false);
    expect(ruleMeta('unfixable')).toBeUndefined();
  });

  it('every meta has a one-sentence description and a README anchor', () => {
    for (const meta of RULES) {
      expect(meta.description, meta.id).toMatch(/^[A-Za-z][^\n]*\.$/);
      expect(meta.description.slice(0, -1), meta.id).not.toMatch(/\.\s/);
      expect(meta.docs, meta.id).toMatch(/^README\.md#[a-z0-9-]+$/);
    }
  });
});

/** An image Kubernetes rejects (trailing whitespace): reported by its rule without a fix. */
const SPACED = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: "nginx:1 "
`;
const MERGED = 'apiVersion: v1\nkind: ConfigMap\n<<: {metadata: {name: z}}\n';
const options = (over: Partial<FixOptions> = {}): FixOptions => ({ ...defaultFixOptions(), namespace: 'demo', ...over });

describe('a finding privreg-fix cannot fix', () => {
  it('keeps its rule\'s id and severity, has no fix, and says what to do by hand', () => {
    const r = runFix(MERGED, options());
    expect(findingLines(r)).toBe('1:1 error missing-namespace\n');
    expect(r.findings[0]?.fix).toBeUndefined();
    expect(r.findings[0]?.message).toMatch(/by hand/);
    expect(r.output).toBe(MERGED);
  });

  it('fails diff and write mode as well as check mode', () => {
    const r = runFix(MERGED, options());
    for (const mode of ['diff', 'write', 'check'] as const) expect(exitCodeFor([r], mode), mode).toBe(1);
  });

  it('follows its rule\'s configured severity, and is silenced entirely when the rule is off', () => {
    expect(runFix(MERGED, options({ rules: { 'missing-namespace': 'warning' } })).findings.map((f) => [f.ruleId, f.severity]))
      .toEqual([['missing-namespace', 'warning']]);
    const off = runFix(MERGED, options({ rules: { 'missing-namespace': 'off' } }));
    expect(off.findings).toEqual([]);
    expect(exitCodeFor([off], 'write')).toBe(0);
  });

  it('is silenced by the object\'s ignore annotation for its rule', () => {
    const registry = { registry: 'registry.example.com', namespace: undefined };
    const shown = runFix(SPACED, options(registry));
    expect(shown.findings.map((f) => [f.ruleId, f.severity, f.fix])).toEqual([['image-not-from-registry', 'error', undefined]]);
    const text = SPACED.replace('  name: p\n', '  name: p\n  annotations: {privreg-fix.io/ignore: image-not-from-registry}\n');
    expect(runFix(text, options(registry)).findings).toEqual([]);
  });
});
