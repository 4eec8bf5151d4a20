/**
 * The passes of a fix: after the edits of a pass, the rules look again only at the objects of
 * documents whose text changed (and at every object when an edit had to wait for a later pass).
 */
import { describe, expect, it } from 'vitest';
import { resolveRun } from '../../src/api/options.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { fixText } from '../../src/engine/fix-text.js';
import { documentsData, unchangedDocuments } from '../../src/engine/verify.js';
import { defaultRules } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/rule.js';
import { parseManifest } from '../../src/yaml/parse.js';
import { clusterRole, settingsConfigMap } from '../fixtures-support/manifests.js';

const TEXT = `# roles\n${clusterRole('reader')}---\n${settingsConfigMap()}---\n${clusterRole('writer')}`;

/** A rule that reports nothing and notes the objects it is shown. */
function watcher(seen: string[]): Rule {
  return {
    meta: { id: 'watcher', defaultSeverity: 'info', fixable: false, description: 'test', docs: 'README.md' },
    check: (ctx) => void seen.push(ctx.object.ref.name ?? ''),
  };
}

describe('passes of a fix', () => {
  it('looks again only at the objects of the documents the edits changed', async () => {
    const resolved = await resolveRun({ cwd: process.cwd(), namespace: 'team', config: false });
    const seen: string[] = [];
    const engine = await createEngine(resolved.settings, [...defaultRules(), watcher(seen)]);
    const r = fixText('x.yaml', TEXT, resolved.optionsFor(`${process.cwd()}/x.yaml`), engine);
    expect(r.output).toBe(TEXT.replace('  name: settings\n', '  name: settings\n  namespace: team\n'));
    // The first pass, then only the ConfigMap: both ClusterRoles' texts are unchanged.
    expect(seen).toEqual(['reader', 'settings', 'writer', 'settings']);
  });
});

describe('verification of a fix in documents whose text did not change', () => {
  it('still refuses a fix that says it changes such a document', async () => {
    const resolved = await resolveRun({ cwd: process.cwd(), namespace: 'team', config: false });
    // A fix that edits the ConfigMap's text (a comment) but claims to label the first ClusterRole.
    const liar: Rule = {
      meta: { id: 'liar', defaultSeverity: 'warning', fixable: true, description: 'test', docs: 'README.md' },
      check: (ctx) => {
        if (ctx.object.ref.name !== 'reader') return;
        const at = TEXT.indexOf('kind: ConfigMap');
        ctx.report({ message: 'labels', start: 0, end: 1, fix: [{ start: at, end: at, text: '# labelled\n' }], patches: [{ documentIndex: 0, path: ['metadata', 'labels'], value: { a: 'b' } }] });
      },
    };
    const engine = await createEngine(resolved.settings, [liar]);
    const r = fixText('x.yaml', TEXT, resolved.optionsFor(`${process.cwd()}/x.yaml`), engine);
    expect(r.output).toBe(TEXT);
    expect(r.findings.map((f) => f.ruleId)).toContain('internal-error');
    expect(r.findings.find((f) => f.ruleId === 'internal-error')?.message).toMatch(/document 1 differs from the intended result/);
  });

  it('takes their data from before, the same objects', () => {
    const before = parseManifest('x.yaml', TEXT);
    const after = parseManifest('x.yaml', TEXT.replace('name: settings', 'name: other'));
    const same = unchangedDocuments(before, after);
    if (!same) throw new Error('comparable');
    const original = [{ a: 1 }, { b: 2 }, { c: 3 }];
    const data = documentsData(after.docs, { docs: same, data: original });
    expect(data[0]).toBe(original[0]);
    expect(data[1]).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other' } });
    expect(data[2]).toBe(original[2]);
  });
});

describe('unchangedDocuments', () => {
  const before = parseManifest('x.yaml', TEXT);

  it('gives the documents of the same text, each from its start to the next one\'s', () => {
    const after = parseManifest('x.yaml', TEXT.replace('name: settings', 'name: other'));
    const same = unchangedDocuments(before, after);
    expect(same && after.docs.map((d) => same.has(d))).toEqual([true, false, true]);
    // A comment before the first document belongs to it.
    const commented = parseManifest('x.yaml', TEXT.replace('# roles', '# all roles'));
    const first = unchangedDocuments(before, commented);
    expect(first && commented.docs.map((d) => first.has(d))).toEqual([false, true, true]);
  });

  it('compares nothing when the documents are not as many, or a text is not the fast path\'s', () => {
    expect(unchangedDocuments(before, parseManifest('x.yaml', `${TEXT}---\na: 1\n`))).toBeUndefined();
    // A directive: the yaml package reads this text.
    const directive = parseManifest('x.yaml', `%YAML 1.1\n---\n${TEXT}`);
    expect(directive.comments).toBeUndefined();
    expect(unchangedDocuments(before, directive)).toBeUndefined();
  });
});
