/**
 * The long reliability run (`npm run fuzz`): many more generated manifests and corpus
 * mutations than CI runs, with any seed. Prints the figures docs/RELIABILITY.md quotes.
 *
 *   npm run fuzz -- [--properties N] [--mutations N] [--seed S]
 *
 * Exits 1 on the first broken promise, printing a reproducible case.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { checkGenerated, describeCase } from '../reliability/support/check-fix.js';
import { manifestArb } from '../reliability/support/manifest-gen.js';
import { checkForm, formCaseArb } from '../reliability/support/forms-gen.js';
import { corpusFiles, mutate, runMutation, seeded } from '../reliability/support/mutate.js';

const { values } = parseArgs({
  options: {
    properties: { type: 'string', default: '20000' },
    mutations: { type: 'string', default: '20000' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
  },
});
const properties = Number(values.properties);
const mutations = Number(values.mutations);
const seed = Number(values.seed);
console.log(`seed ${seed}: ${properties} generated manifests, ${mutations} corpus mutations`);

let failed = false;
let started = Date.now();
try {
  fc.assert(
    fc.property(manifestArb, (m) => {
      const problem = checkGenerated(m);
      if (problem) throw new Error(describeCase(m, problem));
    }),
    { numRuns: properties, seed },
  );
  console.log(`properties: ${properties} cases passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
  failed = true;
  console.log(`properties: FAILED\n${(e as Error).message}`);
}

started = Date.now();
try {
  fc.assert(
    fc.property(formCaseArb, (c) => {
      const problem = checkForm(c);
      if (problem) throw new Error(`${problem}\ninput (JSON string): ${JSON.stringify(c.text)}`);
    }),
    { numRuns: properties, seed },
  );
  console.log(`forms (issue 17 families): ${properties} cases passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
  failed = true;
  console.log(`forms: FAILED\n${(e as Error).message}`);
}

const files = corpusFiles();
if (files.length === 0) {
  console.log('mutations: skipped (../shared/corpus is absent)');
} else {
  started = Date.now();
  const rnd = seeded(seed);
  const seen = { rejected: 0, unchanged: 0, fixed: 0 };
  let problems = 0;
  for (let i = 0; i < mutations; i++) {
    const file = files[Math.floor(rnd() * files.length)] as string;
    const bytes = mutate(readFileSync(file), rnd);
    const outcome = runMutation(bytes);
    if (typeof outcome === 'string') {
      seen[outcome]++;
      continue;
    }
    problems++;
    failed = true;
    console.log(`mutation ${i} of ${path.relative(process.cwd(), file)}: ${outcome.problem}\ninput (base64): ${bytes.toString('base64')}`);
    if (problems >= 5) break;
  }
  console.log(`mutations: ${mutations} cases in ${((Date.now() - started) / 1000).toFixed(1)} s: ${seen.rejected} rejected as not UTF-8 text, ${seen.unchanged} unchanged (refused or nothing to do), ${seen.fixed} fixed and verified, ${problems} problems`);
}
process.exitCode = failed ? 1 : 0;
