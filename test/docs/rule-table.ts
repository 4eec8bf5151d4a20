import type { RuleMeta } from '../../src/rules/rule.js';

/** Where the README's rule table is: the `### Rules` section, up to the next heading. */
const START = '### Rules\n';
const END = '\n#';

/** One README table row per meta: id, default severity, fixable, description. */
export function ruleTable(metas: readonly RuleMeta[]): string {
  const cell = (s: string): string => s.replaceAll('|', '\\|');
  return [
    '| rule id | default | fixable | what |',
    '| --- | --- | --- | --- |',
    ...metas.map((m) => `| \`${m.id}\` | ${m.defaultSeverity} | ${m.fixable ? 'yes' : 'no'} | ${cell(m.description)} |`),
  ].join('\n');
}

/** The README's rule table as written (the lines starting with `|` in the Rules section). */
export function readmeRuleTable(readme: string): string {
  const section = sectionOf(readme);
  return section.split('\n').filter((l) => l.startsWith('|')).join('\n');
}

/** The rows of a rule table, split into their cells. */
export function tableCells(table: string): string[][] {
  return table.split('\n').slice(2).map((l) => l.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim().replaceAll('\\|', '|')));
}

/** `readme` with its rule table replaced by `table`. */
export function withRuleTable(readme: string, table: string): string {
  const section = sectionOf(readme);
  const old = readmeRuleTable(readme);
  const at = readme.indexOf(section);
  return readme.slice(0, at) + section.replace(old, table) + readme.slice(at + section.length);
}

function sectionOf(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END, start);
  if (start === -1 || end === -1) throw new Error(`README.md has no "${START.trim()}" section followed by another heading`);
  return readme.slice(start, end);
}
