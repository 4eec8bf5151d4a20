// The acceptance checks of `--namespace --pull-secret --write` on a tree of real
// manifests, shared by the corpus test and test/tools/corpus-acceptance.ts (which prints figures).
import { chmodSync, cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { diffArrays } from 'diff';
import { isDeepStrictEqual } from 'node:util';
import { kindFromCrd } from '../../src/kinds/crd-kinds.js';
import { KindRegistry } from '../../src/kinds/registry.js';
import { parseManifest } from '../../src/yaml/parse.js';
import { findTemplateMarker } from '../../src/manifest/templates.js';
import { runCli, tempDir } from '../e2e/cli.js';
import { readText, yamlFiles } from './corpus.js';
import { docsData, expectedData, rbacFacts } from './expected-fix.js';

/** The flags the acceptance run uses. */
export const ACCEPTANCE_ARGS = ['-n', 'demo', '-s', 'regcred', '--no-validate'];

/** Figures and problems of one acceptance run. */
export interface AcceptanceReport {
  files: number;
  documents: number;
  validFiles: number;
  invalidOrTemplated: number;
  changed: number;
  unchanged: number;
  linesAdded: number;
  flowLinesRewritten: number;
  checkBefore: number | null;
  checkAfter: number | null;
  /** unknown-kind errors --check still reports after the fix (objects of kinds of unknown scope). */
  unknownKindsAfter: number;
  /** Pod specs in the data of the valid files (maps with `containers` listing an image). */
  podSpecs: number;
  /** Of those, the ones that list the secret after the fix. */
  podSpecsFixed: number;
  secondRunChanged: number;
  stdinSampled: number;
  stdinMismatches: number;
  problems: string[];
}

/** Lines of `before` that a line diff shows as removed in `after` (a line may only vanish when it is rewritten). */
export function vanishedLines(before: string, after: string): string[] {
  // Lines compared without their terminators: a last line that only gains a newline stays.
  return diffArrays(before.split('\n'), after.split('\n'))
    .filter((part) => part.removed)
    .flatMap((part) => part.value);
}

/** Gives every file and directory below `dir` its owner write bit back. */
export function makeWritable(dir: string): void {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = statSync(p);
    chmodSync(p, st.mode | 0o200);
    if (st.isDirectory()) makeWritable(p);
  }
}

/** Copies `source` to a temporary directory and runs every acceptance check there. */
export function runAcceptance(source: string, stdinEvery = 40): AcceptanceReport {
  const dir = tempDir();
  cpSync(source, dir, { recursive: true });
  // The shared corpus is read-only, and privreg-fix rightly refuses to replace read-only files.
  makeWritable(dir);
  const files = yamlFiles(source).map((f) => path.relative(source, f));
  const before = new Map(files.map((f) => [f, readText(path.join(source, f))]));
  const kinds = new KindRegistry();
  let documents = 0;
  for (const f of files) {
    for (const doc of docsData(before.get(f) ?? '')) {
      documents++;
      const kind = kindFromCrd(doc);
      if (kind) kinds.addCrdKind(kind);
    }
  }
  const valid = files.filter((f) => {
    const m = parseManifest(f, before.get(f) ?? '');
    return m.errors.length === 0 && !findTemplateMarker(m.text, m.docs, false);
  });
  const r: AcceptanceReport = {
    files: files.length, documents, validFiles: valid.length, invalidOrTemplated: files.length - valid.length,
    changed: 0, unchanged: 0, linesAdded: 0, flowLinesRewritten: 0, checkBefore: null, checkAfter: null, unknownKindsAfter: 0, podSpecs: 0, podSpecsFixed: 0,
    secondRunChanged: 0, stdinSampled: 0, stdinMismatches: 0, problems: [],
  };
  // ServiceAccounts the fix moves, over every file it fixes (templates and broken files are left alone).
  const rbac = rbacFacts(valid.flatMap((f) => docsData(before.get(f) ?? '')), 'demo');
  r.checkBefore = runCli([...ACCEPTANCE_ARGS, '--check', '.'], { cwd: dir }).code;
  runCli([...ACCEPTANCE_ARGS, '--write', '.'], { cwd: dir });
  const validSet = new Set(valid);
  for (const f of files) {
    const original = before.get(f) ?? '';
    const fixed = readText(path.join(dir, f));
    if (fixed === original) r.unchanged++;
    else r.changed++;
    if (!validSet.has(f)) {
      if (fixed !== original) r.problems.push(`${f}: invalid or templated file was changed`);
      continue;
    }
    const data = docsData(original);
    const subjectsBefore = rbac.changed;
    const want = data.map((d) => expectedData(d, kinds, 'demo', 'regcred', rbac));
    // A binding subject that follows its ServiceAccount has its `namespace:` line rewritten.
    const rewritesSubjects = rbac.changed > subjectsBefore;
    if (isDeepStrictEqual(want, data) && fixed !== original) r.problems.push(`${f}: needed no change but changed`);
    if (!isDeepStrictEqual(docsData(fixed), want)) r.problems.push(`${f}: data differs from the expected fix`);
    const gone = vanishedLines(original, fixed);
    const lost = gone.filter((l) => !/[{[]/.test(l) && !/namespace:\s*(""|'')?\s*$/.test(l)
      && !(rewritesSubjects && /^\s*(?:-\s+)?namespace:\s*\S/.test(l)));
    r.flowLinesRewritten += gone.length - lost.length;
    r.linesAdded += fixed.split('\n').length - original.split('\n').length;
    if (lost.length > 0) r.problems.push(`${f}: lines disappeared: ${JSON.stringify(lost.slice(0, 3))}`);
  }
  const snapshot = files.map((f) => readFileSync(path.join(dir, f)));
  runCli([...ACCEPTANCE_ARGS, '--write', '.'], { cwd: dir });
  files.forEach((f, i) => {
    if (!readFileSync(path.join(dir, f)).equals(snapshot[i] as Buffer)) {
      r.secondRunChanged++;
      r.problems.push(`${f}: the second run changed it`);
    }
  });
  // Afterwards the only errors left are objects of kinds nobody knows the scope of (custom
  // resources whose CRD is not in the tree): with --namespace they fail --check, by design.
  const after = runCli([...ACCEPTANCE_ARGS, '--check', '--format', 'json', ...valid], { cwd: dir });
  r.checkAfter = after.code;
  const left = (JSON.parse(after.stdout) as { files: { path: string; findings: { ruleId: string; severity: string; line: number }[] }[] }).files
    .flatMap((f) => f.findings.filter((x) => x.severity === 'error').map((x) => ({ ...x, path: f.path })));
  r.unknownKindsAfter = left.filter((x) => x.ruleId === 'unknown-kind').length;
  for (const x of left.filter((e) => e.ruleId !== 'unknown-kind')) r.problems.push(`${x.path}:${x.line}: ${x.ruleId} error left after the fix`);
  // No pod left behind: every pod spec in the data (an independent test: `containers` listing an
  // image) lists the secret after the fix, or its file still fails --check.
  const failing = new Set(left.map((x) => x.path));
  for (const f of valid) {
    for (const spec of docsData(readText(path.join(dir, f))).flatMap(podShapedData)) {
      r.podSpecs++;
      if (listsSecret(spec, 'regcred')) r.podSpecsFixed++;
      else if (!failing.has(f)) r.problems.push(`${f}: a pod spec without the secret, and --check passes (a silent miss)`);
    }
  }
  // Alone, as stdin sees it: CRDs in other files of the tree are not known to a single file.
  const single = tempDir();
  for (const f of valid.filter((_, i) => i % stdinEvery === 0)) {
    r.stdinSampled++;
    const out = runCli([...ACCEPTANCE_ARGS, '-'], { input: before.get(f) ?? '' }).stdout;
    const alone = path.join(single, `${r.stdinSampled}.yaml`);
    writeFileSync(alone, before.get(f) ?? '');
    runCli([...ACCEPTANCE_ARGS, '--write', alone]);
    if (out !== readText(alone)) {
      r.stdinMismatches++;
      r.problems.push(`${f}: '-' output differs from file mode`);
    }
  }
  return r;
}

type Data = Record<string, unknown>;
const isData = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every map of plain data that holds a pod spec: `containers` listing at least one `{image}`. */
function podShapedData(value: unknown): Data[] {
  if (Array.isArray(value)) return value.flatMap(podShapedData);
  if (!isData(value)) return [];
  const own = Array.isArray(value.containers) && value.containers.some((c) => isData(c) && typeof c.image === 'string') ? [value] : [];
  return [...own, ...Object.values(value).flatMap(podShapedData)];
}

function listsSecret(spec: Data, name: string): boolean {
  return Array.isArray(spec.imagePullSecrets) && spec.imagePullSecrets.some((e) => e === name || (isData(e) && e.name === name));
}
