import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, MAX_FILE_BYTES, readText, ReadError } from '../../src/io/read-text.js';
import { composeManifest } from '../../src/yaml/compose.js';
import { MAX_NESTING_DEPTH } from '../../src/yaml/parse.js';
import { runCli, tempDir } from '../e2e/cli.js';
import { dataOf, fixOnce } from './support/check-fix.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n';

/** "Billion laughs": ten levels of nine aliases each, 10^9 strings once expanded. */
function aliasBomb(head: string, indent = '  '): string {
  const lines = [head.trimEnd(), `${indent}a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
  for (let i = 1; i < 10; i++) lines.push(`${indent}a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
  return `${lines.join('\n')}\n`;
}

const flowSeq = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const flowMap = (depth: number): string => `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`;
function blockMap(depth: number): string {
  let s = '';
  for (let i = 0; i < depth; i++) s += `${' '.repeat(i + 1)}k:\n`;
  return s;
}
const inData = (v: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: ${v}\n`;
/** A Pod whose `spec.x` holds block maps nested to `depth` levels in all (the root map is 1). */
const deepPod = (depth: number): string => `${POD}  x:\n${blockMap(depth - 2).replace(/^/gm, '  ')}`;

/** Hostile texts and the finding each must give (the file always stays unchanged). */
const REFUSED: [string, string, RegExp][] = [
  ['alias bomb in a ConfigMap', aliasBomb('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:'), /ALIAS_EXPANSION/],
  ['alias bomb in a Pod that needs fixing', `${POD}  ${aliasBomb('  x:', '    ').trimStart()}    args: *a9\n`.replace('  x:\n', 'x:\n'), /ALIAS_EXPANSION|yaml-syntax/],
  ['alias bomb in a CustomResourceDefinition', aliasBomb('apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: x\nspec:'), /ALIAS_EXPANSION/],
  ['alias bomb through merge keys', 'a0: &a0 {x: 1, y: 2, z: 3}\n' + Array.from({ length: 12 }, (_, i) => `a${i + 1}: &a${i + 1} {<<: [*a${i}, *a${i}], k${i}: 1}\n`).join('') + 'kind: ConfigMap\napiVersion: v1\nmetadata: {name: x}\n', /ALIAS_EXPANSION|NESTING|yaml-syntax/],
  ['10 000 nested flow sequences', inData(flowSeq(10_000)), /NESTING_TOO_DEEP/],
  ['10 000 nested flow maps', inData(flowMap(10_000)), /NESTING_TOO_DEEP/],
  ['2 000 nested block maps', `${POD}  x:\n${blockMap(2_000).replace(/^/gm, '  ')}`, /NESTING_TOO_DEEP/],
  [`${MAX_NESTING_DEPTH + 10} nested flow sequences (parses, over the limit)`, inData(flowSeq(MAX_NESTING_DEPTH + 10)), /NESTING_TOO_DEEP/],
  [`${MAX_NESTING_DEPTH + 1} nested block maps (the fast composer's shape, just over the limit)`, deepPod(MAX_NESTING_DEPTH + 1), /NESTING_TOO_DEEP/],
  ['10 000 unclosed flow sequences', `a: ${'['.repeat(10_000)}`, /yaml-syntax/],
];

describe('hostile texts are refused with one clear message, quickly and without a crash', () => {
  for (const [name, text, expected] of REFUSED) {
    it(name, () => {
      const r = fixOnce(text);
      expect(r.output).toBe(text);
      expect(r.skipped).toBe(true);
      const lines = r.findings.map((f) => `${f.ruleId} ${f.message}`);
      expect(lines.join('\n')).toMatch(expected);
      // One message, not one per nesting level or per alias.
      expect(lines.length).toBeLessThanOrEqual(3);
      for (const f of r.findings) expect(f.message).toMatch(/left unchanged/);
    });
  }
});

describe('unusual but harmless texts work', () => {
  it(`nesting up to ${MAX_NESTING_DEPTH} levels is fixed normally`, () => {
    const text = inData(flowSeq(MAX_NESTING_DEPTH - 10));
    const r = fixOnce(text);
    expect(r.output).toContain('namespace: demo');
    expect('error' in dataOf(r.output)).toBe(false);
  });

  it(`block maps nested ${MAX_NESTING_DEPTH} levels, which the fast composer takes, are fixed normally`, () => {
    const text = deepPod(MAX_NESTING_DEPTH);
    expect(composeManifest(text)?.depth).toBe(MAX_NESTING_DEPTH);
    expect(composeManifest(deepPod(MAX_NESTING_DEPTH + 1))?.depth).toBe(MAX_NESTING_DEPTH + 1);
    const r = fixOnce(text);
    expect(r.findings.filter((f) => f.ruleId === 'yaml-syntax')).toEqual([]);
    expect(r.output).toContain('imagePullSecrets');
  });

  it('a 1 MB line', () => {
    const text = inData(`"${'x'.repeat(1_000_000)}"`);
    const r = fixOnce(text);
    expect(r.output).toBe(text.replace('  name: x\n', '  name: x\n  namespace: demo\n'));
  });

  it('aliases within the limit are fine', () => {
    const text = `${POD}    env: &e [{name: A, value: "1"}]\n  initContainers:\n  - name: i\n    image: busybox\n    env: *e\n`;
    const r = fixOnce(text);
    expect(r.findings.filter((f) => f.ruleId === 'yaml-syntax')).toEqual([]);
    expect(r.output).toContain('imagePullSecrets');
  });

  for (const [name, text] of [['empty', ''], ['only a newline', '\n'], ['only blanks', '   \n\t\n'], ['only comments', '# a\n  # b\r\n#c'], ['only markers', '---\n---\n...\n'], ['a BOM alone', '\uFEFF']]) {
    it(`${name}: unchanged, no error`, () => {
      const r = fixOnce(text as string);
      expect(r.output).toBe(text);
      expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    });
  }
});

describe('bytes that are not UTF-8 text are refused with a clear message', () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ['a NUL byte', Buffer.from('apiVersion: v1\0\n'), /NUL byte at offset 14/],
    ['Latin-1 text', Buffer.from('name: caf\xe9\n', 'latin1'), /not valid UTF-8/],
    ['UTF-16 with a BOM', Buffer.from('\uFEFFa: b\n', 'utf16le'), /NUL byte|not valid UTF-8/],
    ['random binary (a PNG header)', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /binary data/],
    ['a truncated multi-byte character', Buffer.from([0x61, 0x3a, 0x20, 0xe2, 0x82]), /not valid UTF-8/],
  ];
  for (const [name, bytes, message] of cases) {
    it(name, () => {
      expect(() => decodeText(bytes)).toThrow(ReadError);
      expect(() => decodeText(bytes)).toThrow(message);
    });
  }

  it(`files over ${MAX_FILE_BYTES / 1024 / 1024} MiB are refused before being read (a 50 MB file)`, async () => {
    const file = path.join(tempDir(), 'huge.yaml');
    writeFileSync(file, '');
    truncateSync(file, 50 * 1000 * 1000);
    await expect(readText(file)).rejects.toThrow(/too large \(47\.7 MiB; the limit is 16\.0 MiB\)/);
    expect(() => decodeText(new Uint8Array(MAX_FILE_BYTES + 1))).toThrow(/too large/);
  });
});

describe('the CLI on a tree of hostile files', () => {
  it('reports each bad file by name, writes only the good one, exits 1, never shows a stack trace', () => {
    const dir = tempDir();
    const files: Record<string, string | Buffer> = {
      'good.yaml': POD,
      'bomb.yaml': REFUSED[0]?.[1] ?? '',
      'crd-bomb.yaml': REFUSED[2]?.[1] ?? '',
      'deep.yaml': inData(flowSeq(10_000)),
      'nul.yaml': Buffer.from('apiVersion: v1\0kind: Pod\n'),
      'latin1.yaml': Buffer.from('name: caf\xe9\n', 'latin1'),
      'empty.yaml': '',
      'comments.yaml': '# nothing here\n',
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
    writeFileSync(path.join(dir, 'huge.yaml'), '');
    truncateSync(path.join(dir, 'huge.yaml'), 50 * 1000 * 1000);
    const r = runCli(['-n', 'demo', '-s', 'regcred', '--write', '.'], { cwd: dir });
    const out = r.stdout + r.stderr;
    expect(r.code).toBe(1);
    expect(out).not.toMatch(/internal error|\n\s+at /);
    for (const name of ['bomb.yaml', 'crd-bomb.yaml', 'deep.yaml', 'nul.yaml', 'latin1.yaml', 'huge.yaml']) expect(out).toContain(name);
    expect(out).toMatch(/huge\.yaml.*too large/);
    expect(readFileSync(path.join(dir, 'good.yaml'), 'utf8')).toContain('namespace: demo');
    for (const [name, content] of Object.entries(files)) {
      if (name !== 'good.yaml') expect(readFileSync(path.join(dir, name)).equals(Buffer.from(content)), name).toBe(true);
    }
  });
});
