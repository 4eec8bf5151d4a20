import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../e2e/cli.js';
import { DOCKER_HUB, parseImageReference } from '../../src/image/index.js';
import { KindRegistry } from '../../src/kinds/registry.js';
import { parseManifest } from '../../src/yaml/parse.js';
import { findTemplateMarker } from '../../src/manifest/templates.js';
import { makeWritable } from './acceptance.js';
import { docsData } from './expected-fix.js';
import { CORPUS, needCorpus, readText, yamlFiles } from './corpus.js';

const kinds = new KindRegistry();
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const listItems = (doc: unknown): Obj[] =>
  !isObj(doc) ? [] : Array.isArray(doc.items) && String(doc.kind).endsWith('List') ? doc.items.filter(isObj) : [doc];

function podSpecImages(obj: Obj, dotted: string): string[] {
  let node: unknown = obj;
  for (const step of dotted.split('.')) node = isObj(node) ? node[step] : undefined;
  if (!isObj(node)) return [];
  const spec = node;
  return ['containers', 'initContainers', 'ephemeralContainers'].flatMap((k) =>
    (Array.isArray(spec[k]) ? (spec[k] as unknown[]) : []).filter(isObj).map((c) => c.image).filter((i): i is string => typeof i === 'string'));
}

const ARGS = ['-n', 'demo', '-s', 'regcred', '--registry', 'registry.example.com:5000', '--no-validate'];

describe('the shared corpus, moved to a private registry with --registry', () => {
  it('changes only image lines beyond what the namespace/pull-secret fix inserts, and a second run changes nothing', (ctx) => {
    needCorpus(ctx);
    const plain = tempDir();
    const moved = tempDir();
    for (const d of [plain, moved]) {
      cpSync(CORPUS, d, { recursive: true });
      makeWritable(d);
    }
    runCli([...ARGS.filter((a, i, all) => a !== '--registry' && all[i - 1] !== '--registry'), '--write', '.'], { cwd: plain });
    runCli([...ARGS, '--write', '.'], { cwd: moved });
    const files = yamlFiles(CORPUS).map((f) => path.relative(CORPUS, f));
    const problems: string[] = [];
    let rewritten = 0;
    for (const f of files) {
      // Image rewrites replace scalars in place: line for line, the only differences from the
      // plain fix are image lines.
      const a = readText(path.join(plain, f)).split('\n');
      const b = readText(path.join(moved, f)).split('\n');
      if (a.length !== b.length) problems.push(`${f}: ${a.length} lines without --registry, ${b.length} with`);
      a.forEach((line, i) => {
        if (line === b[i]) return;
        if (/^\s*(?:-\s+)?(?:image|reference):\s/.test(line)) rewritten++;
        else problems.push(`${f}:${i + 1}: ${JSON.stringify(line)} became ${JSON.stringify(b[i])}`);
      });
      const m = parseManifest(f, readText(path.join(CORPUS, f)));
      if (m.errors.length > 0 || findTemplateMarker(m.text, m.docs, false)) continue;
      // Every Docker Hub image of a pod spec of a built-in workload must have moved.
      for (const doc of docsData(b.join('\n'))) {
        for (const obj of listItems(doc)) {
          const info = kinds.lookup(String(obj.apiVersion), String(obj.kind));
          for (const p of info.podSpecPaths) {
            for (const ref of podSpecImages(obj, p)) {
              if (parseImageReference(ref)?.registry === DOCKER_HUB) problems.push(`${f}: Docker Hub image left: ${ref}`);
            }
          }
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(rewritten).toBeGreaterThan(100);
    const snapshot = files.map((f) => readFileSync(path.join(moved, f)));
    runCli([...ARGS, '--write', '.'], { cwd: moved });
    files.forEach((f, i) => expect(readFileSync(path.join(moved, f)).equals(snapshot[i] as Buffer), f).toBe(true));
  }, 300_000);
});
