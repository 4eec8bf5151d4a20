// Regenerates fixtures/fix/*/output.yaml and findings.txt from the current engine.
// Review every change with `git diff fixtures/` before committing: goldens are assertions.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findingLines, loadGoldenCases, runFix } from '../fixtures-support/golden.js';

for (const c of loadGoldenCases('fix')) {
  const result = runFix(c.input, c.options);
  const out = path.join(c.dir, 'output.yaml');
  if (result.output === c.input) rmSync(out, { force: true });
  else writeFileSync(out, result.output);
  writeFileSync(path.join(c.dir, 'findings.txt'), findingLines(result));
  console.log(`${c.name}: ${result.output === c.input ? 'unchanged' : 'changed'}, ${result.findings.length} findings`);
}
