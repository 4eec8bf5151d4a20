import { describe, expect, it } from 'vitest';
import { shouldUseColor } from '../../src/report/color.js';
import { formatReport } from '../../src/report/index.js';
import { formatText } from '../../src/report/text.js';
import { sampleRun } from './fixtures.js';

describe('shouldUseColor', () => {
  it('uses colours on a TTY only', () => {
    expect(shouldUseColor({ isTTY: true }, {})).toBe(true);
    expect(shouldUseColor({ isTTY: false }, {})).toBe(false);
    expect(shouldUseColor({}, {})).toBe(false);
  });

  it('honours NO_COLOR (non-empty) over everything', () => {
    expect(shouldUseColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(shouldUseColor({ isTTY: true }, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    expect(shouldUseColor({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
  });

  it('honours FORCE_COLOR', () => {
    expect(shouldUseColor({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(shouldUseColor({ isTTY: false }, { FORCE_COLOR: '' })).toBe(true);
    expect(shouldUseColor({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
    expect(shouldUseColor({ isTTY: true }, { FORCE_COLOR: 'false' })).toBe(false);
  });
});

describe('formatText', () => {
  it('groups findings by file with path:line:col, severity, message and rule id', () => {
    const out = formatText(sampleRun('check'));
    expect(out).toBe([
      'apps/web.yaml:3:1    error    Deployment "web" has no namespace                 missing-namespace    (fixable with --write)',
      'apps/web.yaml:7:5    error    pod spec does not list imagePullSecret "regcred"  missing-pull-secret  (fixable with --write)',
      'apps/web.yaml:10:18  warning  odd, but, fine: 100% second line                  namespace-mismatch',
      '',
      'charts/t.yaml:1:8  error  Helm template markers; skipped  template-skipped',
    ].join('\n'));
  });

  it('marks fixed findings in write mode', () => {
    const out = formatText(sampleRun('write'));
    expect(out).toContain('missing-namespace    (fixed)');
    expect(out).not.toContain('fixable with --write');
  });

  it('has no escape codes without colour and some with it', () => {
    expect(formatText(sampleRun())).not.toContain('\u001b[');
    expect(formatText(sampleRun(), { color: true })).toContain('\u001b[31m');
  });

  it('reports a write error that no finding covers', () => {
    const run = sampleRun('write');
    run.files[1]!.writeError = 'EACCES: permission denied';
    expect(formatText(run)).toContain('apps/ok.yaml  error  could not write the file: EACCES: permission denied  write-error');
  });
});

describe('formatReport text', () => {
  it('prints findings, a blank line and the summary', () => {
    const out = formatReport('text', sampleRun('check'));
    expect(out.endsWith('\n\n3 files scanned, 1 skipped, 1 would be fixed, 3 errors, 1 warning in 84 ms\n')).toBe(true);
  });

  it('prints only the summary when there are no findings', () => {
    const out = formatReport('text', { mode: 'check', files: [], durationMs: 3 });
    expect(out).toBe('0 files scanned, 0 would be fixed, 0 errors, 0 warnings in 3 ms\n');
  });

  it('can leave the summary out', () => {
    expect(formatReport('text', sampleRun(), { summary: false })).not.toContain('scanned');
    expect(formatReport('text', { mode: 'check', files: [], durationMs: 3 }, { summary: false })).toBe('');
  });
});
