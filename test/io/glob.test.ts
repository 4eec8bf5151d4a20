import { describe, expect, it } from 'vitest';
import { compileGlob, matchesAny } from '../../src/io/glob.js';

const cases: Array<[string, string, boolean]> = [
  ['apps/billing/**', 'apps/billing/deploy.yaml', true],
  ['apps/billing/**', 'apps/billing/x/y/z.yaml', true],
  ['apps/billing/**', 'apps/billing-old/deploy.yaml', false],
  ['apps/billing', 'apps/billing/deploy.yaml', true],
  ['apps/billing/', 'apps/billing/deploy.yaml', true],
  ['./apps/*.yaml', 'apps/a.yaml', true],
  ['apps/*.yaml', 'apps/sub/a.yaml', false],
  ['*.yaml', 'a.yaml', true],
  ['*.yaml', 'dir/a.yaml', false],
  ['**/*.yaml', 'a.yaml', true],
  ['**/*.yaml', 'x/y/a.yaml', true],
  ['**/*.yaml', 'x/y/a.yml', false],
  ['**/*.{yaml,yml}', 'x/a.yml', true],
  ['a/**/b.yaml', 'a/b.yaml', true],
  ['a/**/b.yaml', 'a/x/y/b.yaml', true],
  ['a/**/b.yaml', 'ab.yaml', false],
  ['a?.yaml', 'ab.yaml', true],
  ['a?.yaml', 'a/.yaml', false],
  ['[ab]*.yaml', 'b1.yaml', true],
  ['[!ab]*.yaml', 'b1.yaml', false],
  ['[a-c]*.yaml', 'c1.yaml', true],
  ['{apps,infra}/{a,b{1,2}}/*', 'infra/b2/x.yaml', true],
  ['{apps,infra}/{a,b{1,2}}/*', 'infra/b3/x.yaml', false],
  ['a.b/c+(d)$.yaml', 'a.b/c+(d)$.yaml', true],
  ['a.b/*.yaml', 'axb/c.yaml', false],
  ['\\*.yaml', '*.yaml', true],
  ['\\*.yaml', 'a.yaml', false],
  ['{a,b', '{a,b', true],
  ['*', '.hidden.yaml', true],
];

describe('compileGlob', () => {
  it.each(cases)('%s ~ %s = %s', (glob, path, expected) => {
    expect(compileGlob(glob)(path)).toBe(expected);
  });
});

describe('matchesAny', () => {
  it('normalises ./ and backslashes in paths', () => {
    expect(matchesAny('./apps\\billing\\a.yaml', ['apps/billing/**'])).toBe(true);
    expect(matchesAny('x.yaml', [])).toBe(false);
  });
});
