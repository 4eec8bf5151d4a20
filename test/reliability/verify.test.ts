import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText, type Engine } from '../../src/engine/fix-text.js';
import { InputIndex } from '../../src/rules/input-index.js';
import { runFiles } from '../../src/run/run-files.js';
import type { FileResult } from '../../src/core/types.js';
import { checkComments } from '../../src/engine/verify.js';
import { commentsOf } from '../../src/yaml/documents.js';
import { KindRegistry } from '../../src/kinds/registry.js';
import type { Rule, RuleFinding } from '../../src/rules/rule.js';
import { tempDir } from '../e2e/cli.js';
import { GEN_OPTIONS } from './support/check-fix.js';

describe('commentsOf / checkComments', () => {
  it('finds comments, not # inside scalars or block scalars', () => {
    const text = '\uFEFF# top\r\na: 1 # one  \r\nb: |\n  #not\n--- |\n#notc\n...\n# end\nc: [a, #x\n  b]\nd: "q#"\ne: a#b\n';
    expect(commentsOf(text)).toEqual(['# top', '# one', '# end', '#x']);
  });

  it('reports a dropped comment, accepts moved and added ones', () => {
    expect(checkComments('a: 1 # x\n# y\n', 'a: 1\n# y\n')).toMatch(/"# x" would be lost/);
    expect(checkComments('# y\n# y\n', '# y\n')).toMatch(/"# y"/);
    expect(checkComments('a: 1 # x\n', '# x\na: 1\n# new\n')).toBeUndefined();
  });
});

/** A deliberately broken rule: its fix does `edit` while it promises no data change. */
const META: Rule['meta'] = { id: 'missing-namespace', defaultSeverity: 'error', fixable: true, description: 'test', docs: 'README.md#rules' };

function brokenRule(find: string, replace: string): Rule {
  return {
    meta: META,
    check(ctx) {
      const at = ctx.text.indexOf(find);
      if (at === -1 || ctx.object.ref.documentIndex !== 0) return;
      const report: RuleFinding = { message: 'broken', start: at, end: at + find.length, fix: [{ start: at, end: at + find.length, text: replace }], patches: [] };
      ctx.report(report);
    },
  };
}

const engineWith = (rule: Rule): Engine => ({ rules: [rule], kinds: new KindRegistry([]), index: new InputIndex() });
const TEXT = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a # keep me\ndata:\n  k: v\n';

describe('a fix that breaks a promise is never offered (independent verification)', () => {
  const cases: [string, Rule, RegExp][] = [
    ['it drops a comment', brokenRule(' # keep me', ''), /comment "# keep me" would be lost/],
    ['it changes data it did not announce', brokenRule('k: v', 'k: w'), /differs from the intended result/],
    ['its output does not parse', brokenRule('k: v', 'k: [v'), /does not parse/],
    ['its output has a duplicate key', brokenRule('k: v', 'k: v\n  k: w'), /does not parse/],
  ];
  for (const [name, rule, message] of cases) {
    it(name, () => {
      const r = fixText('x.yaml', TEXT, GEN_OPTIONS, engineWith(rule));
      expect(r.output).toBe(TEXT);
      const internal = r.findings.find((f) => f.ruleId === 'internal-error');
      expect(internal?.message).toMatch(message);
      expect(internal?.message).toMatch(/left unchanged.*report this as a bug/);
      expect(internal?.severity).toBe('error');
    });
  }

  it('in --write mode the file is not written, and the run goes on with the next file', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'a.yaml');
    const good = path.join(dir, 'b.yaml');
    writeFileSync(bad, TEXT);
    writeFileSync(good, TEXT.replace(' # keep me', ' # ok'));
    // Breaks only a.yaml: b.yaml's comment differs, so the rule's second form fires there.
    const rule: Rule = {
      meta: META,
      check(ctx) {
        brokenRule(' # keep me', '').check(ctx);
        const at = ctx.text.indexOf('name: a # ok') + 'name: a'.length;
        if (at >= 'name: a'.length) ctx.report({ message: 'fine', start: at, end: at, fix: [{ start: at, end: at, text: ' x' }], patches: [{ documentIndex: 0, path: ['metadata', 'name'], value: 'a x' }] });
      },
    };
    const results: FileResult[] = [];
    for await (const r of runFiles([{ display: 'a.yaml', absolute: bad }, { display: 'b.yaml', absolute: good }], () => GEN_OPTIONS, engineWith(rule), 'write')) results.push(r);
    expect(readFileSync(bad, 'utf8')).toBe(TEXT);
    expect(results[0]?.written).not.toBe(true);
    expect(results[0]?.findings.map((f) => f.ruleId)).toContain('internal-error');
    expect(readFileSync(good, 'utf8')).toContain('name: a x # ok');
    expect(results[1]?.written).toBe(true);
  });
});
