/**
 * End-to-end figures of privreg-fix on a corpus (default `../shared/corpus`), all measured in
 * one run on the same files so that ratios hold on a loaded machine: raw `yaml` parse
 * throughput, the built CLI in check / diff / write mode with and without validation, peak
 * RSS, `kubectl kustomize` when installed, the scale test (`--copies K`), and the speed goals
 * as ratios from one interleaved run (`lib/ratios.ts`: cold, warm and one-file-edited
 * `--cache`, pre-commit latency, kubeconform when on PATH). Runs use a cache of compiled CRD
 * validators (`PRIVREG_FIX_CACHE_DIR`) filled by one untimed run first, as a
 * pre-commit hook or a cached CI job would; one row shows check mode with an empty cache.
 *
 * Usage: `npm run bench -- [dir] [--runs N] [--copies K] [--quick]`
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Lexer, Parser, parseAllDocuments } from 'yaml';
import { composeManifest } from '../src/yaml/compose.js';
import { tokenize } from '../src/yaml/compose-lexer.js';
import { PARSE_OPTIONS } from '../src/yaml/options.js';
import { copyCorpus, readCorpus, removeDir, tempDir, treeBytes } from './lib/corpus.js';
import { hasKubectl, kustomizeInput, settleKustomization } from './lib/kustomize.js';
import { median, medianOf, timed, type Timed } from './lib/measure.js';
import { printRatios } from './lib/ratios.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = argv.indexOf(name);
  return i === -1 ? fallback : Number(argv[i + 1]);
};
const positional = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
const corpusDir = resolve(positional[0] ?? '../shared/corpus');
const runs = option('--runs', 3);
const copies = option('--copies', 0);
const quick = argv.includes('--quick');
const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'dist/bundle/bin.js');
const FIX_FLAGS = ['--namespace', 'bench', '--registry', 'reg.example.com/mirror', '--no-config'];

const files = readCorpus(corpusDir);
const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
const MB = bytes / 1e6;
console.log(`privreg-fix bench: ${corpusDir}`);
console.log(`machine: ${cpus()[0]?.model ?? '?'} x${availableParallelism()}, node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

// Raw parse: the yaml package alone, in this process, on the same texts.
let documents = 0;
for (const f of files) {
  const docs = parseAllDocuments(f.text);
  documents += Array.isArray(docs) ? docs.filter((d) => d.contents !== null).length : 0;
}
const parseMs = median(Array.from({ length: runs }, () => {
  const t = performance.now();
  for (const f of files) parseAllDocuments(f.text);
  return performance.now() - t;
}));
// The engine's parse: the fast composer, falling back to parseAllDocuments for what it declines.
const fastMs = median(Array.from({ length: runs }, () => {
  const t = performance.now();
  for (const f of files) if (!composeManifest(f.text)) parseAllDocuments(f.text, PARSE_OPTIONS);
  return performance.now() - t;
}));
const tokenMs = median(Array.from({ length: runs }, () => {
  const t = performance.now();
  for (const f of files) for (const _token of new Parser().parse(f.text)) void _token;
  return performance.now() - t;
}));
const lexMs = median(Array.from({ length: runs }, () => {
  const t = performance.now();
  for (const f of files) for (const _token of new Lexer().lex(f.text)) void _token;
  return performance.now() - t;
}));
// The fast composer's own scanner (the yaml Lexer's tokens as kinds and offsets).
const scanMs = median(Array.from({ length: runs }, () => {
  const t = performance.now();
  for (const f of files) tokenize(f.text);
  return performance.now() - t;
}));
console.log(`corpus: ${files.length} files, ${documents} documents, ${MB.toFixed(1)} MB; runs per figure: ${runs} (median)\n`);

interface Row {
  name: string;
  ms: number;
  docs: number;
  mb: number;
  rssMb?: number;
  note?: string;
}
const rows: Row[] = [
  { name: 'yaml parseAllDocuments (in-process)', ms: parseMs, docs: documents, mb: MB },
  { name: 'yaml Parser tokens only (in-process)', ms: tokenMs, docs: documents, mb: MB },
  { name: 'yaml Lexer tokens only (in-process)', ms: lexMs, docs: documents, mb: MB },
  { name: 'privreg-fix scanner tokens only (in-process)', ms: scanMs, docs: documents, mb: MB },
  { name: 'privreg-fix parse: fast composer + fallback (in-process)', ms: fastMs, docs: documents, mb: MB },
];
const cli = (dir: string, args: string[], env: NodeJS.ProcessEnv = {}): Timed => timed(process.execPath, [BIN, ...args, ...FIX_FLAGS, '.'], dir, env);
// A cache of compiled CRD validators of the bench's own (every run inherits it).
const cacheDir = tempDir('cache');
process.env.PRIVREG_FIX_CACHE_DIR = cacheDir;
const fig = new Map<string, Timed>();

const shared = tempDir('ro');
copyCorpus(corpusDir, shared);
cli(shared, ['--check']); // fills the cache
const configs: { name: string; args: string[]; write?: boolean; cold?: boolean }[] = [
  { name: 'check  validate', args: ['--check'] },
  { name: 'check  validate  (empty cache)', args: ['--check'], cold: true },
  { name: 'check  no-valid.', args: ['--check', '--no-validate'] },
  { name: 'diff   validate', args: [] },
  { name: 'diff   no-valid.', args: ['--no-validate'] },
  { name: 'write  validate', args: ['--write'], write: true },
  { name: 'write  no-valid.', args: ['--write', '--no-validate'], write: true },
];
for (const c of quick ? configs.slice(0, 3) : configs) {
  const t = medianOf(runs, () => {
    if (c.cold) {
      const empty = tempDir('cold');
      try {
        return cli(shared, c.args, { PRIVREG_FIX_CACHE_DIR: empty });
      } finally {
        removeDir(empty);
      }
    }
    if (!c.write) return cli(shared, c.args);
    const dir = tempDir('rw'); // write mode changes the files: a fresh copy each time
    copyCorpus(corpusDir, dir);
    try {
      return cli(dir, c.args);
    } finally {
      removeDir(dir);
    }
  });
  if (t.code !== 0 && t.code !== 1) console.log(`  ! ${c.name}: exit ${t.code}: ${t.stderr.slice(0, 300)}`);
  fig.set(c.name, t);
  rows.push({ name: `privreg-fix ${c.name}`, ms: t.ms, docs: documents, mb: MB, ...(t.rssMb !== undefined && { rssMb: t.rssMb }) });
}

if (!quick && hasKubectl()) {
  const input = kustomizeInput(files);
  const kept = settleKustomization(shared, input.files, input.images);
  if (kept) {
    const keptDocs = kept.reduce((n, f) => n + (input.documents.get(f) ?? 0), 0);
    const keptMb = kept.reduce((n, f) => n + Buffer.byteLength(files.find((x) => x.rel === f)?.text ?? ''), 0) / 1e6;
    const t = medianOf(runs, () => timed('kubectl', ['kustomize', '.'], shared));
    rows.push({ name: 'kubectl kustomize (namespace + images)', ms: t.ms, docs: keptDocs, mb: keptMb, note: `${kept.length} files it accepts`, ...(t.rssMb !== undefined && { rssMb: t.rssMb }) });
  } else {
    console.log('  kubectl kustomize: could not build a kustomization it accepts; skipped');
  }
}
removeDir(shared);

const rate = (r: Row): number => r.docs / (r.ms / 1000);
console.log('| what | time s | docs/s | MB/s | x parse | peak RSS MB |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
const parseRate = rate(rows[0] as Row);
for (const r of rows) {
  console.log(`| ${r.name}${r.note ? ` (${r.note})` : ''} | ${(r.ms / 1000).toFixed(2)} | ${rate(r).toFixed(0)} | ${(r.mb / (r.ms / 1000)).toFixed(2)} | ${(rate(r) / parseRate).toFixed(2)} | ${r.rssMb?.toFixed(0) ?? ''} |`);
}
const one = fig.get('check  validate');
const cold = fig.get('check  validate  (empty cache)');
console.log('\nratios');
if (one) console.log(`  check+validate, 1 thread vs raw parse throughput: ${(parseMs / one.ms).toFixed(2)}x (goal >= 0.8)`);
if (cold) console.log(`  check+validate, 1 thread, empty validator cache, vs raw parse throughput: ${(parseMs / cold.ms).toFixed(2)}x`);

if (copies > 1) {
  const big = tempDir('scale');
  copyCorpus(corpusDir, big, copies);
  const bigMb = treeBytes(big) / 1e6;
  const args = ['--check'];
  const small = medianOf(runs, () => cli(join(big, 'copy01'), args));
  const large = medianOf(Math.max(1, Math.min(runs, 2)), () => cli(big, args));
  removeDir(big);
  console.log(`  scale: ${copies} copies (${bigMb.toFixed(0)} MB) ${(large.ms / 1000).toFixed(2)} s vs one copy ${(small.ms / 1000).toFixed(2)} s: ${(large.ms / small.ms).toFixed(2)}x (goal <= ${(copies * 1.05).toFixed(1)}x); peak RSS ${large.rssMb?.toFixed(0) ?? '?'} MB vs ${small.rssMb?.toFixed(0) ?? '?'} MB (goal < 300 MB for 150 MB)`);
}

// The goals of issue 14 as ratios, from one interleaved run (see bench/lib/ratios.ts).
const ratioTree = tempDir('ratios');
copyCorpus(corpusDir, ratioTree);
const editTree = tempDir('edited');
copyCorpus(corpusDir, editTree);
const demo = tempDir('demo');
copyCorpus(join(ROOT, 'fixtures/demo'), demo);
const resultsDir = tempDir('results');
printRatios({
  bin: BIN, tree: ratioTree, editTree, demo, demoFiles: ['cronjob.yaml', 'deployment.yaml', 'service.yaml'], fixFlags: FIX_FLAGS,
  editable: files.find((f) => !/CustomResourceDefinition|ServiceAccount|dockerconfigjson|dockercfg/.test(f.text))?.rel,
  cacheFile: join(resultsDir, 'cache.json'), editCacheFile: join(resultsDir, 'edited.json'), rounds: Math.max(5, runs),
});
for (const dir of [ratioTree, editTree, demo, resultsDir]) removeDir(dir);
removeDir(cacheDir);
console.log(`load at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
