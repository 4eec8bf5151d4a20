import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PARSE_OPTIONS } from '../../src/yaml/options.js';
import { isCustomResourceDefinition } from '../../src/validate/crd.js';
import { createValidator } from '../../src/validate/index.js';
import { CORPUS as corpus, needCorpus } from '../corpus/corpus.js';


function listYaml(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listYaml(join(dir, e.name)) : /\.ya?ml$/i.test(e.name) ? [join(dir, e.name)] : [],
  );
}

// The kubeconform reference findings (issue 3) must all be found, each at a line and column.
describe('shared corpus', () => {
  it('finds the reference errors', async (ctx) => {
    needCorpus(ctx);
    const validator = await createValidator();
    const parsed = listYaml(corpus).map((path) => {
      const lineCounter = new LineCounter();
      const docs = parseAllDocuments(readFileSync(path, 'utf8'), { ...PARSE_OPTIONS, lineCounter });
      return { path, lineCounter, docs: Array.isArray(docs) ? docs : [] };
    });
    const values = parsed.flatMap((f) => f.docs.map((doc) => ({ f, doc, value: doc.errors.length ? undefined : (doc.toJS() as unknown) })));
    for (const v of values) if (isCustomResourceDefinition(v.value)) validator.addCustomResourceDefinition(v.value);
    const found: string[] = [];
    for (const { f, doc, value } of values) {
      if (value == null || doc.contents === null) continue;
      const result = validator.validate(doc.contents, value);
      if (result.status !== 'invalid') continue;
      for (const e of result.errors) {
        const pos = f.lineCounter.linePos(e.start);
        expect(pos.line).toBeGreaterThan(0);
        found.push(`${(value as { kind: string }).kind} ${e.fieldPath}: ${e.message}`);
      }
    }
    const count = (re: RegExp): number => found.filter((s) => re.test(s)).length;
    expect(count(/^(Deployment|DaemonSet|ReplicaSet) spec\.selector: required/)).toBeGreaterThanOrEqual(85);
    expect(count(/\.containers: required/)).toBeGreaterThanOrEqual(15);
    expect(count(/pathType: required/)).toBeGreaterThanOrEqual(9);
    expect(count(/runAsUser: unknown field/)).toBeGreaterThanOrEqual(5);
    expect(count(/^CronJob spec\.schedule: required/)).toBeGreaterThanOrEqual(5);
    expect(count(/protectionDoamin/)).toBe(1);
  });
});
