import { describe, expect, it } from 'vitest';
import { formatReport, REPORT_FORMATS } from '../../src/report/index.js';
import { sampleRun } from './fixtures.js';

describe('formatReport', () => {
  it('dispatches every format', () => {
    const run = sampleRun('check');
    expect(JSON.parse(formatReport('json', run))).toMatchObject({ version: 1 });
    expect(JSON.parse(formatReport('sarif', run))).toMatchObject({ version: '2.1.0' });
    expect(formatReport('github', run)).toMatch(/^::error file=/);
    expect(formatReport('text', run)).toMatch(/^apps\/web\.yaml:3:1 /);
    expect(REPORT_FORMATS).toEqual(['text', 'json', 'sarif', 'github']);
  });

  it('ends every non-empty output with exactly one newline', () => {
    for (const format of REPORT_FORMATS) {
      const out = formatReport(format, sampleRun('check'));
      expect(out.endsWith('\n') && !out.endsWith('\n\n'), format).toBe(true);
    }
  });
});
