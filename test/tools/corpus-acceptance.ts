// Prints the core issue's acceptance figures for a tree of manifests (default: ../shared/corpus):
//   npm run build && npx tsx test/tools/corpus-acceptance.ts [dir]
import path from 'node:path';
import { runAcceptance } from '../corpus/acceptance.js';
import { CORPUS } from '../corpus/corpus.js';

const dir = path.resolve(process.argv[2] ?? CORPUS);
const started = Date.now();
const r = runAcceptance(dir, 10);
const { problems, ...figures } = r;
console.log(`acceptance on ${dir} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(20)} ${v}`);
console.log(`  problems             ${problems.length}`);
for (const p of problems.slice(0, 50)) console.log(`    ${p}`);
process.exitCode = problems.length === 0 ? 0 : 1;
