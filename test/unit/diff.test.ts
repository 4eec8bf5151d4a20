import { applyPatch, createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { describe, expect, it } from 'vitest';
import { formatDiff } from '../../src/report/diff.js';
import { loadGoldenCases, runFix } from '../fixtures-support/golden.js';

describe('formatDiff', () => {
  const changed = loadGoldenCases('fix').filter((c) => c.output !== c.input);

  it.each(changed.map((c) => [c.name, c] as const))('%s: the patch applies and gives the output', (_name, c) => {
    const result = runFix(c.input, c.options, 'x.yaml');
    expect(result.edits?.length).toBeGreaterThan(0);
    const patch = formatDiff({ ...result, path: 'x.yaml' });
    expect(patch.startsWith('--- a/x.yaml\n+++ b/x.yaml\n')).toBe(true);
    expect(applyPatch(c.input, patch)).toBe(c.output);
  });

  it('equals the whole-file diff of the library for ordinary cases', () => {
    for (const c of changed) {
      const result = runFix(c.input, c.options, 'x.yaml');
      const whole = createTwoFilesPatch('a/x.yaml', 'b/x.yaml', c.input, c.output, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
      expect(formatDiff({ ...result, path: 'x.yaml' }), c.name).toBe(whole);
    }
  });

  it('stays fast and exact on a large file with thousands of edits', () => {
    const doc = (i: number): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  k: v\n`;
    const input = Array.from({ length: 1000 }, (_, i) => doc(i)).join('---\n');
    const result = runFix(input, { ...loadGoldenCases('fix')[0]!.options, namespace: 'demo', pullSecrets: [] }, 'big.yaml');
    const patch = formatDiff({ ...result, path: 'big.yaml' });
    expect(applyPatch(input, patch)).toBe(result.output);
  });

  it('is empty when nothing changes', () => {
    const r = runFix('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n', loadGoldenCases('fix')[0]!.options);
    expect(formatDiff(r)).toBe('');
  });
});
