import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './cli.js';

/** A repository with a chart (and a subchart inside it) next to plain manifests. */
function repo(): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'deploy'));
  cpSync(path.join(ROOT, 'fixtures/helm/chart-app'), path.join(dir, 'deploy/chart-app'), { recursive: true });
  writeFileSync(path.join(dir, 'deploy/cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: apps\n');
  return dir;
}

describe('directory scans and Helm charts', () => {
  it('report a chart once, at its Chart.yaml, with the chart-mode command, not each template', () => {
    const dir = repo();
    const r = runCli(['--check', '-s', 'regcred', '--registry', 'reg.example.com', 'deploy'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('template-skipped');
    expect(r.stdout).not.toContain('values.yaml');
    expect(r.stdout).toContain("deploy/chart-app/Chart.yaml:2:1  error  Helm chart \"chart-app\": its templates are not YAML and were not scanned; fix the values that reach its pod specs with `privreg-fix chart deploy/chart-app -s regcred --registry reg.example.com` (--check in CI), then turn this rule off  helm-chart");
    expect(r.stdout).toContain('2 files scanned');
  });

  it('a config can turn the rule off; a template named explicitly is still processed', () => {
    const dir = repo();
    writeFileSync(path.join(dir, '.privreg-fix.yaml'), 'rules:\n  helm-chart: off\n');
    mkdirSync(path.join(dir, '.git'));
    expect(runCli(['--check', 'deploy'], { cwd: dir }).code).toBe(0);
    const r = runCli(['--check', 'deploy/chart-app/templates/job.yaml'], { cwd: dir });
    expect(r.stdout).toContain('template-skipped');
  });
});
