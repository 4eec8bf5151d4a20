import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { kindFromCrd } from '../../src/kinds/crd-kinds.js';
import { KindRegistry } from '../../src/kinds/registry.js';
import { parseManifest } from '../../src/manifest/parse.js';
import { findTemplateMarker } from '../../src/manifest/templates.js';
import { runCli, tempDir } from '../e2e/cli.js';
import { CORPUS, hasCorpus, readText, yamlFiles } from './corpus.js';
import { docsData, expectedData } from './expected-fix.js';

const ARGS = ['-n', 'demo', '-s', 'regcred', '--no-validate'];

/** Lines of `before` missing from `after`, in order (a line may only vanish when it is rewritten). */
function vanishedLines(before: string, after: string): string[] {
  const out: string[] = [];
  const rest = after.split('\n');
  let i = 0;
  for (const line of before.split('\n')) {
    const j = rest.indexOf(line, i);
    if (j === -1) out.push(line);
    else i = j + 1;
  }
  return out;
}

describe.skipIf(!hasCorpus)('the shared corpus, fixed with --write', () => {
  const dir = tempDir();
  cpSync(CORPUS, dir, { recursive: true });
  const files = yamlFiles(CORPUS).map((f) => path.relative(CORPUS, f));
  const before = new Map(files.map((f) => [f, readText(path.join(CORPUS, f))]));
  // The CLI learns the CRDs of the whole input; so does the model.
  const kinds = new KindRegistry();
  for (const f of files) {
    for (const doc of docsData(before.get(f) ?? '')) {
      const kind = kindFromCrd(doc);
      if (kind) kinds.addCrdKind(kind);
    }
  }
  const valid = files.filter((f) => {
    const m = parseManifest(f, before.get(f) ?? '');
    return m.errors.length === 0 && !findTemplateMarker(m.text, m.docs, false);
  });

  it('--check fails before the fix', () => {
    expect(runCli([...ARGS, '--check', '.'], { cwd: dir }).code).toBe(1);
  });

  it('--write fixes every valid file and leaves the rest byte-identical', () => {
    runCli([...ARGS, '--write', '.'], { cwd: dir });
    const problems: string[] = [];
    for (const f of files) {
      const original = before.get(f) ?? '';
      const fixed = readText(path.join(dir, f));
      if (!valid.includes(f)) {
        if (fixed !== original) problems.push(`${f}: invalid or templated file was changed`);
        continue;
      }
      const data = docsData(original);
      const want = data.map((d) => expectedData(d, kinds, 'demo', 'regcred'));
      if (isDeepStrictEqual(want, data) && fixed !== original) problems.push(`${f}: needed no change but changed`);
      if (!isDeepStrictEqual(docsData(fixed), want)) problems.push(`${f}: data differs from the expected fix`);
      const lost = vanishedLines(original, fixed).filter((l) => !/[{[]/.test(l) && !/namespace:\s*(""|'')?\s*$/.test(l));
      if (lost.length > 0) problems.push(`${f}: lines disappeared: ${JSON.stringify(lost.slice(0, 3))}`);
    }
    expect(problems).toEqual([]);
  });

  it('a second --write changes nothing, and --check passes on the valid files', () => {
    const snapshot = files.map((f) => readFileSync(path.join(dir, f)));
    runCli([...ARGS, '--write', '.'], { cwd: dir });
    files.forEach((f, i) => expect(readFileSync(path.join(dir, f)).equals(snapshot[i] as Buffer), f).toBe(true));
    const r = runCli([...ARGS, '--check', ...valid], { cwd: dir });
    expect(r.code, r.stdout.slice(0, 2000)).toBe(0);
  });

  it("'-' gives the same bytes as file mode", () => {
    for (const f of valid.filter((_, i) => i % 40 === 0)) {
      const r = runCli([...ARGS, '-'], { input: before.get(f) ?? '' });
      expect(r.stdout, f).toBe(readText(path.join(dir, f)));
    }
  });
});
