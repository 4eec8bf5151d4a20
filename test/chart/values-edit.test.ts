import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/fix/text-edits.js';
import { editValues } from '../../src/chart/values-edit.js';
import type { ValueChange } from '../../src/chart/values.js';

function edit(text: string, changes: ValueChange[]): string {
  const edits = editValues(text, changes);
  const problems = edits.filter((e) => e.problem).map((e) => e.problem);
  expect(problems).toEqual([]);
  const seen = new Set<unknown>();
  return applyEdits(text, edits.map((e) => e.edits.filter((x) => !seen.has(x) && seen.add(x)))).text;
}

const secrets = (path: string[], ...names: string[]): ValueChange => ({ path, value: names.map((name) => ({ name })) });

describe('editValues (byte-preserving edits of a values file)', () => {
  it('replaces a scalar in its quote style, keeping the comment after it', () => {
    expect(edit('image:\n  registry: "docker.io"  # hub\n  tag: 1\n', [{ path: ['image', 'registry'], value: 'reg.example.com' }]))
      .toBe('image:\n  registry: "reg.example.com"  # hub\n  tag: 1\n');
    expect(edit("image: {registry: 'docker.io', tag: 1}\n", [{ path: ['image', 'registry'], value: 'reg.example.com:5000' }]))
      .toBe("image: {registry: 'reg.example.com:5000', tag: 1}\n");
  });

  it('fills an empty scalar', () => {
    expect(edit('global:\n  imageRegistry: ""\n', [{ path: ['global', 'imageRegistry'], value: 'reg.example.com' }]))
      .toBe('global:\n  imageRegistry: "reg.example.com"\n');
    expect(edit('global:\n  imageRegistry:\n', [{ path: ['global', 'imageRegistry'], value: 'reg.example.com' }]))
      .toBe('global:\n  imageRegistry: reg.example.com\n');
  });

  it('appends to pull-secret lists in their style', () => {
    expect(edit('imagePullSecrets: []\n', [secrets(['imagePullSecrets'], 'regcred')])).toBe('imagePullSecrets: [{name: regcred}]\n');
    expect(edit('imagePullSecrets:\n  - name: old # keep\nnext: 1\n', [secrets(['imagePullSecrets'], 'old', 'regcred')]))
      .toBe('imagePullSecrets:\n  - name: old # keep\n  - name: regcred\nnext: 1\n');
    expect(edit('imagePullSecrets:\n- old\n', [{ path: ['imagePullSecrets'], value: ['old', 'regcred'] }])).toBe('imagePullSecrets:\n- old\n- regcred\n');
    expect(edit('global:\n  imagePullSecrets: []\n', [{ path: ['global', 'imagePullSecrets'], value: ['regcred'] }])).toBe('global:\n  imagePullSecrets: [regcred]\n');
    expect(edit('imagePullSecrets:\n', [secrets(['imagePullSecrets'], 'regcred')])).toBe('imagePullSecrets:\n  - name: regcred\n');
    expect(edit('imagePullSecrets: ~\n', [secrets(['imagePullSecrets'], 'regcred')])).toBe('imagePullSecrets: [{name: regcred}]\n');
  });

  it('adds missing keys under the deepest map, grouping keys added under one new map', () => {
    const text = '# top\nworker:\n    replicas: 1 # one\n\n# end\n';
    expect(edit(text, [secrets(['worker', 'imagePullSecrets'], 'regcred'), { path: ['worker', 'image', 'repository'], value: 'reg.example.com/library/redis' }]))
      .toBe('# top\nworker:\n    replicas: 1 # one\n    imagePullSecrets:\n        - name: regcred\n    image:\n        repository: reg.example.com/library/redis\n\n# end\n');
    expect(edit('a: 1\n', [{ path: ['sub', 'image', 'registry'], value: 'r.example.com' }, { path: ['sub', 'image', 'repository'], value: 'x/y' }]))
      .toBe('a: 1\nsub:\n  image:\n    registry: r.example.com\n    repository: x/y\n');
    expect(edit('global:\nother: 1\n', [{ path: ['global', 'imageRegistry'], value: 'r.example.com' }]))
      .toBe('global:\n  imageRegistry: r.example.com\nother: 1\n');
  });

  it('writes into an empty or comment-only file, keeping CRLF', () => {
    expect(edit('', [secrets(['imagePullSecrets'], 'regcred')])).toBe('imagePullSecrets:\n  - name: regcred\n');
    expect(edit('# nothing yet\r\n', [{ path: ['image', 'registry'], value: 'r.example.com' }])).toBe('# nothing yet\r\nimage:\r\n  registry: r.example.com\r\n');
    expect(edit('# no newline', [{ path: ['a'], value: 'b' }])).toBe('# no newline\na: b\n');
  });

  it('refuses what it cannot edit safely', () => {
    const through = editValues('base: &b {registry: x}\nimage: *b\n', [{ path: ['image', 'registry'], value: 'y' }]);
    expect(through[0]?.problem).toBeDefined();
    expect(editValues('global: "x"\n', [{ path: ['global', 'imageRegistry'], value: 'y' }])[0]?.problem).toContain('not a map');
    expect(editValues('a: 1\n---\nb: 2\n', [{ path: ['a'], value: 'y' }])[0]?.problem).toContain('not one YAML map');
  });
});
