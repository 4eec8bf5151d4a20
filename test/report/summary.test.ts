import { describe, expect, it } from 'vitest';
import { countRun } from '../../src/report/counts.js';
import { formatDuration, formatSummary } from '../../src/report/summary.js';
import { sampleRun } from './fixtures.js';

describe('formatSummary', () => {
  it('says "would be fixed" in check and diff mode', () => {
    expect(formatSummary(sampleRun('check'))).toBe('3 files scanned, 1 skipped, 1 would be fixed, 3 errors, 1 warning in 84 ms');
    expect(formatSummary(sampleRun('diff'))).toContain('1 would be fixed');
  });

  it('says "fixed" in write mode and does not count fixed findings', () => {
    expect(formatSummary(sampleRun('write'))).toBe('3 files scanned, 1 skipped, 1 fixed, 1 error, 1 warning in 84 ms');
  });

  it('reports files that could not be written', () => {
    const run = sampleRun('write');
    run.files[0]!.written = false;
    run.files[0]!.writeError = 'EROFS';
    expect(formatSummary(run)).toBe('3 files scanned, 1 skipped, 0 fixed, 1 not written, 4 errors, 1 warning in 84 ms');
  });

  it('mentions info findings only when there are some, and uses singulars', () => {
    const run = sampleRun('check');
    run.files = [run.files[0]!];
    run.files[0]!.findings[2]!.severity = 'info';
    expect(formatSummary(run)).toBe('1 file scanned, 1 would be fixed, 2 errors, 0 warnings, 1 info in 84 ms');
  });

  it('colours only when asked', () => {
    expect(formatSummary(sampleRun(), { color: true })).toContain('\u001b[');
    expect(formatSummary(sampleRun(), { color: false })).not.toContain('\u001b[');
  });
});

describe('countRun', () => {
  it('counts outstanding and fixable findings', () => {
    expect(countRun(sampleRun('check'))).toEqual({
      files: 3, skipped: 1, changed: 1, written: 0, writeFailed: 0,
      errors: 3, warnings: 1, infos: 0, fixable: 2, fixed: 0,
    });
    expect(countRun(sampleRun('write'))).toMatchObject({ written: 1, errors: 1, fixable: 0, fixed: 2 });
  });
});

describe('formatDuration', () => {
  it('uses ms below a second and s above', () => {
    expect(formatDuration(0.4)).toBe('0 ms');
    expect(formatDuration(999)).toBe('999 ms');
    expect(formatDuration(1234)).toBe('1.2 s');
  });
});
