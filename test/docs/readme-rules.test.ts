import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/catalog.js';
import { readmeRuleTable, ruleTable, tableCells } from './rule-table.js';

const README = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to dashes. */
const slug = (heading: string): string => heading.trim().toLowerCase().replace(/[^\w\- ]/g, '').replaceAll(' ', '-');

describe('README rule table (regenerate with npx tsx test/tools/update-readme-rules.ts)', () => {
  it('has one row per meta, in their order, with its id, default severity, fixable and description', () => {
    const rows = tableCells(readmeRuleTable(README));
    const want = RULES.map((m) => [`\`${m.id}\``, m.defaultSeverity, m.fixable ? 'yes' : 'no', m.description]);
    expect(rows).toEqual(want);
  });

  it('is exactly the table the metas generate', () => {
    expect(readmeRuleTable(README)).toBe(ruleTable(RULES));
  });

  it('every meta points its docs at a README heading that exists', () => {
    const anchors = new Set([...README.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1] as string)));
    for (const meta of RULES) {
      const [file, anchor = ''] = meta.docs.split('#');
      expect(file, meta.id).toBe('README.md');
      expect(anchors.has(anchor), `${meta.id}: README.md#${anchor}`).toBe(true);
    }
  });
});
