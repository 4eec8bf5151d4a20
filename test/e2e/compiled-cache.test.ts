/**
 * The cache of compiled CRD validators across runs of the CLI: the first run compiles and
 * stores a validator, the next loads it and keeps V8's code cache of it, a later one uses that
 * cache, and a damaged cache is made again, the findings the same each time.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { widgetCrd, WIDGET } from '../fixtures-support/crds.js';
import { runCli, tempDir } from './cli.js';

describe('compiled CRD validators across runs', () => {
  it('are stored, then loaded with a code cache made once, which is made again when damaged', () => {
    const tree = tempDir();
    writeFileSync(path.join(tree, 'crd.yaml'), widgetCrd());
    // A schema error the stored validator must find: size is an integer.
    writeFileSync(path.join(tree, 'widget.yaml'), WIDGET.replace('size: 3', 'size: three'));
    const cache = tempDir();
    const env = { PRIVREG_FIX_CACHE_DIR: cache };
    const run = (): string => {
      const r = runCli(['--check', '--no-config', '--namespace', 'team', '.'], { cwd: tree, env });
      expect(r.code).toBe(1);
      return r.stdout.replace(/ in \d+(\.\d+)? m?s/, '');
    };
    const files = (ext: string): string[] => readdirSync(path.join(cache, 'validators')).filter((f) => f.endsWith(ext));
    const first = run();
    expect(first).toMatch(/spec\.size: must be integer/);
    expect(files('.cjs')).toHaveLength(1);
    expect(files('.v8')).toEqual([]);
    // The built-in validator of the CRD document itself ran with a code cache made for it.
    const code = readdirSync(path.join(cache, 'code'));
    expect(code.some((f) => f.startsWith('apiextensions.k8s.io_v1_CustomResourceDefinition.cjs.'))).toBe(true);
    expect(run()).toBe(first);
    expect(files('.v8')).toHaveLength(1);
    const v8 = path.join(cache, 'validators', files('.v8')[0] as string);
    const made = readFileSync(v8);
    expect(run()).toBe(first);
    expect(readFileSync(v8).equals(made)).toBe(true);
    const damaged = Buffer.concat([made.subarray(0, 32), Buffer.from('not a code cache')]);
    writeFileSync(v8, damaged, { mode: 0o600 });
    expect(run()).toBe(first);
    const remade = readFileSync(v8);
    expect(remade.equals(damaged)).toBe(false);
    expect(remade.length).toBeGreaterThan(damaged.length);
    expect(readdirSync(path.join(cache, 'code'))).toEqual(code);
  });
});
