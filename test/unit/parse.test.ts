import { describe, expect, it } from 'vitest';
import { mayHaveAliases, parseManifest } from '../../src/yaml/parse.js';

describe('alias pre-check', () => {
  // Every place an alias can stand: the pre-check must never say "no alias" for any of them.
  const withAlias = ['*x', '\uFEFF*x', 'a: *x', 'a:\n  *x', '- *x', '[*x]', '[a,*x]', '{a: *x}', '{"a":*x}', 'a: &x 1\nb:\t*x', '? *x\n: 1'];
  it.each(withAlias)('finds the alias in %j', (text) => {
    expect(mayHaveAliases(text)).toBe(true);
    // And the parse then reports the alias that has no anchor.
    if (!text.includes('&x')) expect(parseManifest('f.yaml', text).errors.map((e) => e.code)).toContain('BAD_ALIAS');
  });

  const withoutAlias = ['a: "*.example.com"', "a: '*'", 'a: b*c', 'a: 3*4', 'path: /api/*'];
  it.each(withoutAlias)('skips the search for %j', (text) => {
    expect(mayHaveAliases(text)).toBe(false);
    expect(parseManifest('f.yaml', text).errors).toEqual([]);
  });
});
