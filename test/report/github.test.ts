import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import { formatReport } from '../../src/report/index.js';
import { sampleRun } from './fixtures.js';

describe('formatGithub', () => {
  it('writes one workflow command per finding with file, line and column', () => {
    expect(formatGithub(sampleRun('check')).split('\n')).toEqual([
      '::error file=apps/web.yaml,line=3,col=1,endLine=3,endColumn=9,title=missing-namespace::Deployment "web" has no namespace',
      '::error file=apps/web.yaml,line=7,col=5,endLine=7,endColumn=9,title=missing-pull-secret::pod spec does not list imagePullSecret "regcred"',
      '::warning file=apps/web.yaml,line=10,col=18,endLine=10,endColumn=23,title=namespace-mismatch::odd, but, fine: 100%25%0Asecond line',
      '::error file=charts/t.yaml,line=1,col=8,endLine=1,endColumn=10,title=template-skipped::Helm template markers; skipped',
      '',
    ]);
  });

  it('uses ::notice for info and escapes properties', () => {
    const run = sampleRun();
    const file = run.files[0]!;
    file.path = 'dir\\a,b:c%.yaml';
    file.findings = [{ ...file.findings[0]!, severity: 'info', message: 'a\r\nb' }];
    expect(formatGithub({ ...run, files: [file] })).toBe(
      '::notice file=dir/a%2Cb%3Ac%25.yaml,line=3,col=1,endLine=3,endColumn=9,title=missing-namespace::a%0D%0Ab\n',
    );
  });

  it('omits fixed findings and is empty when nothing is left', () => {
    expect(formatGithub(sampleRun('write'))).not.toContain('missing-namespace');
    expect(formatReport('github', { mode: 'check', files: [], durationMs: 0 })).toBe('');
  });
});

describe('escaping', () => {
  it('escapes % first so escapes are not double-escaped wrongly', () => {
    expect(escapeData('50%\n')).toBe('50%25%0A');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });
});
