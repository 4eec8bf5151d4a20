import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import Ajv04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { addFormats } from '../report/ajv-helpers.js';
import { ROOT, runCli, tempDir } from './cli.js';

const FIX = ['-n', 'demo', '-s', 'regcred'];
const SARIF_SCHEMA = path.resolve(ROOT, 'test/schemas/sarif-schema-2.1.0.json');

interface SarifResult {
  ruleId: string;
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
  fixes?: unknown[];
}

describe('reports from real CLI runs', () => {
  it('--check --format sarif validates against SARIF 2.1.0 and its regions point at the right lines', () => {
    const dir = tempDir('fixtures/demo');
    const r = runCli([...FIX, '--check', '--format', 'sarif', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as { runs: { results: SarifResult[] }[] };
    const ajv = new Ajv04.default({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')) as object);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const where = log.runs[0]?.results.map((x) => {
      const loc = x.locations[0]?.physicalLocation;
      return `${loc?.artifactLocation.uri}:${loc?.region.startLine}:${loc?.region.startColumn} ${x.ruleId} ${x.fixes ? 'fix' : ''}`;
    });
    expect(where).toEqual([
      'cronjob.yaml:4:3 missing-namespace fix',
      'cronjob.yaml:11:11 missing-pull-secret fix',
      'deployment.yaml:6:3 missing-namespace fix',
      'deployment.yaml:19:7 missing-pull-secret fix',
      'service.yaml:4:3 missing-namespace fix',
    ]);
    // Line 19 of deployment.yaml is the first key of the pod spec that lacks imagePullSecrets.
    expect(readFileSync(path.join(dir, 'deployment.yaml'), 'utf8').split('\n')[18]).toBe('      containers:');
  });

  it('--format github lines carry file, line and column', () => {
    const dir = tempDir('fixtures/demo');
    const r = runCli([...FIX, '--check', '--format', 'github', 'service.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=service\.yaml,line=4,col=3,endLine=\d+,endColumn=\d+,title=missing-namespace::Service has no namespace/m);
  });

  it('--format json validates against schemas/report.schema.json; --output writes it to a file', () => {
    const dir = tempDir('fixtures/demo');
    const r = runCli([...FIX, '--check', '--format', 'json', '--output', 'report.json', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/3 files scanned, 3 would be fixed/);
    const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as { files: unknown[] };
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas/report.schema.json'), 'utf8')) as object);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.files).toHaveLength(3);
  });

  it('--output keeps the diff on stdout in diff mode', () => {
    const dir = tempDir('fixtures/demo');
    const r = runCli([...FIX, '--format', 'sarif', '--output', 'out.sarif', 'service.yaml'], { cwd: dir });
    expect(r.stdout).toContain('+  namespace: demo');
    expect(existsSync(path.join(dir, 'out.sarif'))).toBe(true);
  });

  it('--max-warnings fails check mode past n warnings', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: other\n');
    expect(runCli(['-n', 'demo', '--check', 'cm.yaml'], { cwd: dir }).code).toBe(0);
    expect(runCli(['-n', 'demo', '--check', '--max-warnings', '0', 'cm.yaml'], { cwd: dir }).code).toBe(1);
    expect(runCli(['-n', 'demo', '--check', '--max-warnings', '1', 'cm.yaml'], { cwd: dir }).code).toBe(0);
  });
});

describe('the config file', () => {
  it('is found by walking up, applies overrides per path, and flags win', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, '.git'));
    mkdirSync(path.join(dir, 'apps/billing'), { recursive: true });
    writeFileSync(path.join(dir, '.privreg-fix.yaml'), [
      '# yaml-language-server: $schema=./node_modules/privreg-fix/schemas/config.schema.json',
      'namespace: shop',
      'pullSecrets: [regcred]',
      'overrides:',
      '  - files: "apps/billing/**"',
      '    namespace: billing',
      '',
    ].join('\n'));
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';
    writeFileSync(path.join(dir, 'apps/shop.yaml'), cm);
    writeFileSync(path.join(dir, 'apps/billing/b.yaml'), cm);
    const r = runCli(['--write', '.'], { cwd: path.join(dir, 'apps') });
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'apps/shop.yaml'), 'utf8')).toContain('namespace: shop');
    expect(readFileSync(path.join(dir, 'apps/billing/b.yaml'), 'utf8')).toContain('namespace: billing');
    const flag = runCli(['-n', 'flagged', '--check', 'shop.yaml'], { cwd: path.join(dir, 'apps') });
    expect(flag.stdout).toContain('namespace "shop", not "flagged"');
  });

  it('a typo in a key is a usage error (exit 2) naming the key and its line', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.privreg-fix.yaml'), 'namespace: shop\npullSecret: [regcred]\n');
    const r = runCli(['--check', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.privreg-fix\.yaml:2:1.*unknown key "pullSecret".*did you mean "pullSecrets"/);
  });
});
