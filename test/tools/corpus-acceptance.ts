// Prints the core issue's acceptance figures for a tree of manifests (default: ../shared/corpus):
//   npm run build && npx tsx test/tools/corpus-acceptance.ts [dir]
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runAcceptance } from '../corpus/acceptance.js';
import { CORPUS } from '../corpus/corpus.js';

const dir = path.resolve(process.argv[2] ?? CORPUS);
if (!existsSync(dir)) {
  // A user's clone has no ../shared beside it: the default corpus is skipped; a given path is an error.
  console.log(process.argv[2] === undefined
    ? `corpus-acceptance: skipped (${dir} is absent; give a directory of manifests)`
    : `corpus-acceptance: ${dir} does not exist`);
  process.exit(process.argv[2] === undefined ? 0 : 2);
}
const started = Date.now();
const r = runAcceptance(dir, 10);
const { problems, ...figures } = r;
console.log(`acceptance on ${dir} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(20)} ${v}`);
console.log(`  problems             ${problems.length}`);
for (const p of problems.slice(0, 50)) console.log(`    ${p}`);
process.exitCode = problems.length === 0 ? 0 : 1;
