// Regenerates the README's rule table from the rules' metas (src/rules/index.ts) and the
// pipeline findings' (src/rules/pipeline-findings.ts). test/docs/readme-rules.test.ts checks it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RULES } from '../../src/rules/catalog.js';
import { ruleTable, withRuleTable } from '../docs/rule-table.js';

const file = path.resolve(import.meta.dirname, '../../README.md');
const before = readFileSync(file, 'utf8');
const after = withRuleTable(before, ruleTable(RULES));
writeFileSync(file, after);
console.log(after === before ? 'README.md rule table: unchanged' : 'README.md rule table: rewritten');
