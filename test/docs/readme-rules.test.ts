import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/catalog.js';

const README = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

/** The rows of the README's rule table: every rule id of a row, with its default and fixable columns. */
function tableRows(): { ids: string[]; severity: string; fixable: string }[] {
  const section = README.slice(README.indexOf('### Rules'), README.indexOf('Severities can be changed'));
  return section.split('\n').filter((l) => l.startsWith('| `')).map((l) => {
    const [idCell = '', severity = '', fixable = ''] = l.split('|').slice(1).map((c) => c.trim());
    return { ids: [...idCell.matchAll(/`([a-z-]+)`/g)].map((m) => m[1] as string), severity, fixable };
  });
}

describe('README rule table', () => {
  it('lists every rule of the catalog with its default severity and whether it can be fixed, and nothing else', () => {
    const rows = tableRows();
    const documented = rows.flatMap((r) => r.ids);
    expect([...documented].sort()).toEqual(RULES.map((r) => r.id).sort());
    for (const rule of RULES) {
      const row = rows.find((r) => r.ids.includes(rule.id));
      expect(row?.severity.split(' ')[0], rule.id).toBe(rule.defaultSeverity);
      expect(row?.fixable === 'no', rule.id).toBe(!rule.fixable);
    }
  });
});
