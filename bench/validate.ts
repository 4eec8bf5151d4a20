/**
 * Validation figures on a corpus of manifests (default `../shared/corpus`): import and
 * first-use costs, validate throughput, and the corpus summary (valid / invalid grouped by the
 * first error / no-schema). Figures, not pass/fail.
 *
 * Usage: `npx tsx bench/validate.ts [corpus-dir] [--list]` (`--list` prints every error).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const listAll = args.includes('--list');
const corpus = args.find((a) => !a.startsWith('--')) ?? '../shared/corpus';
if (!existsSync(corpus)) {
  console.log(`corpus ${corpus} not found; nothing to measure`);
  process.exit(0);
}

function listYaml(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listYaml(path));
    else if (/\.ya?ml$/i.test(entry.name)) out.push(path);
  }
  return out.sort();
}

const t0 = performance.now();
const yaml = await import('yaml');
const { PARSE_OPTIONS } = await import('../src/yaml/options.js');
const t1 = performance.now();
const { createValidator } = await import('../src/validate/index.js');
const { isCustomResourceDefinition } = await import('../src/validate/crd.js');
const t2 = performance.now();
const validator = await createValidator();
const t3 = performance.now();

const files = listYaml(corpus).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const bytes = files.reduce((n, f) => n + f.text.length, 0);

// Bare parse baseline.
let p0 = performance.now();
let docCount = 0;
for (const f of files) docCount += yaml.parseAllDocuments(f.text).length;
const bareMs = performance.now() - p0;

// Parse with PARSE_OPTIONS.
p0 = performance.now();
const parsed = files.map((f) => {
  const lineCounter = new yaml.LineCounter();
  const docs = yaml.parseAllDocuments(f.text, { ...PARSE_OPTIONS, lineCounter });
  return { ...f, lineCounter, docs: Array.isArray(docs) ? docs : [] };
});
const parseMs = performance.now() - p0;

// CRDs in the input register first (the engine does the same per run).
const values = parsed.flatMap((f) =>
  f.docs.map((doc) => ({ file: f, doc, value: doc.errors.length === 0 ? (doc.toJS() as unknown) : undefined })),
);
for (const v of values) if (isCustomResourceDefinition(v.value)) validator.addCustomResourceDefinition(v.value);

let first = true;
let firstMs = 0;
const summary = { valid: 0, invalid: 0, noSchema: 0, yamlErrors: 0, empty: 0 };
const byFirstError = new Map<string, number>();
const lines: string[] = [];
p0 = performance.now();
for (const { file, doc, value } of values) {
  if (doc.errors.length > 0) {
    summary.yamlErrors++;
    continue;
  }
  if (value === null || value === undefined || doc.contents === null) {
    summary.empty++;
    continue;
  }
  const s = performance.now();
  const result = validator.validate(doc.contents, value);
  if (first) {
    firstMs = performance.now() - s;
    first = false;
  }
  if (result.status === 'valid') summary.valid++;
  else if (result.status === 'no-schema') summary.noSchema++;
  else {
    summary.invalid++;
    const e = result.errors[0];
    if (e !== undefined) {
      const kind = `${String((value as { kind?: unknown }).kind)} ${e.fieldPath.replace(/\[\d+\]/g, '[]')}: ${e.message.replace(/".*$/, '').replace(/, got.*$/, '')}`;
      byFirstError.set(kind, (byFirstError.get(kind) ?? 0) + 1);
    }
    if (listAll) {
      for (const err of result.errors) {
        const pos = file.lineCounter.linePos(err.start);
        lines.push(`${relative(corpus, file.path)}:${pos.line}:${pos.col} ${err.fieldPath}: ${err.message}`);
      }
    }
  }
}
const validateMs = performance.now() - p0;

// Again, with every schema loaded or compiled: the steady-state cost per document.
p0 = performance.now();
for (const { doc, value } of values) if (value != null && doc.contents !== null && doc.errors.length === 0) validator.validate(doc.contents, value);
const warmMs = performance.now() - p0;

console.log(`corpus: ${files.length} files, ${docCount} documents, ${(bytes / 1e6).toFixed(1)} MB`);
console.log(`import yaml + options: ${(t1 - t0).toFixed(1)} ms; import validate: ${(t2 - t1).toFixed(1)} ms; createValidator: ${(t3 - t2).toFixed(1)} ms`);
console.log(`first validate (loads schemas): ${firstMs.toFixed(1)} ms`);
console.log(`bare parseAllDocuments: ${bareMs.toFixed(0)} ms (${((docCount / bareMs) * 1000).toFixed(0)} docs/s)`);
console.log(`parse with PARSE_OPTIONS: ${parseMs.toFixed(0)} ms (${((docCount / parseMs) * 1000).toFixed(0)} docs/s)`);
console.log(`validate: ${validateMs.toFixed(0)} ms (${((values.length / validateMs) * 1000).toFixed(0)} docs/s)`);
console.log(`validate again (all schemas ready): ${warmMs.toFixed(0)} ms (${((values.length / warmMs) * 1000).toFixed(0)} docs/s)`);
console.log(
  `parse + validate: ${((docCount / (parseMs + validateMs)) * 1000).toFixed(0)} docs/s ` +
    `(${((bareMs / (parseMs + validateMs)) * 100).toFixed(0)}% of bare parse throughput)`,
);
console.log(
  `summary: ${summary.valid} valid, ${summary.invalid} invalid, ${summary.noSchema} no schema, ` +
    `${summary.yamlErrors} with YAML errors, ${summary.empty} empty`,
);
console.log('invalid, by first error:');
for (const [kind, n] of [...byFirstError].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${kind}`);
if (listAll) console.log(lines.join('\n'));
