import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './cli.js';

const FIX = ['-n', 'shop', '-s', 'regcred'];

interface Report { files: { path: string; findings: { ruleId: string; severity: string; line: number; fix?: unknown }[] }[] }

describe('no pod left behind (real CLI)', () => {
  it('creates the pod templates of well-known operators, then --check passes', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'kibana.yaml'), 'apiVersion: kibana.k8s.elastic.co/v1\nkind: Kibana\nmetadata:\n  name: kb\nspec:\n  version: 8.15.0\n  count: 1\n');
    writeFileSync(path.join(dir, 'taskrun.yaml'), 'apiVersion: tekton.dev/v1\nkind: TaskRun\nmetadata:\n  name: build\nspec:\n  taskRef:\n    name: build\n');
    expect(runCli([...FIX, '--check', '.'], { cwd: dir }).code).toBe(1);
    expect(runCli([...FIX, '--write', '.'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(path.join(dir, 'kibana.yaml'), 'utf8')).toContain('  podTemplate:\n    spec:\n      imagePullSecrets:\n        - name: regcred\n');
    expect(readFileSync(path.join(dir, 'taskrun.yaml'), 'utf8')).toMatch(/ {2}podTemplate:\n {4}imagePullSecrets:\n {4,6}- name: regcred\n/);
    const again = runCli([...FIX, '--check', '.'], { cwd: dir });
    expect(again.code, again.stdout + again.stderr).toBe(0);
  });

  it('fails --check on a pod spec of an unknown kind, says how to make it known, and a kinds entry makes it fixable', () => {
    const dir = tempDir();
    const cr = 'apiVersion: example.com/v1\nkind: Runner\nmetadata:\n  name: r\nspec:\n  pod:\n    containers:\n    - name: w\n      image: worker:1\n';
    writeFileSync(path.join(dir, 'runner.yaml'), cr);
    const check = runCli([...FIX, '--check', '--format', 'json', '.'], { cwd: dir });
    expect(check.code).toBe(1);
    const findings = (JSON.parse(check.stdout) as Report).files[0]?.findings ?? [];
    expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.line} ${f.severity} ${f.ruleId} ${f.fix ? 'fix' : ''}`)).toEqual(['2 error unknown-kind ', '7 error missing-pull-secret ']);
    const text = runCli([...FIX, '--check', '.'], { cwd: dir }).stdout;
    expect(text).toContain('kinds: [{kind: example.com/Runner, podSpecPaths: [spec.pod]}]');
    writeFileSync(path.join(dir, '.privreg-fix.yaml'), 'kinds:\n  - kind: example.com/Runner\n    scope: Namespaced\n    podSpecPaths: [spec.pod]\n');
    expect(runCli([...FIX, '--write', '.'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(path.join(dir, 'runner.yaml'), 'utf8')).toBe(cr.replace('  name: r\n', '  name: r\n  namespace: shop\n') + '    imagePullSecrets:\n    - name: regcred\n');
    expect(runCli([...FIX, '--check', '.'], { cwd: dir }).code).toBe(0);
  });

  it('reports images in arguments as warnings and rewrites them only with --rewrite-arg-images', () => {
    const dir = tempDir('fixtures/fix/images-in-args');
    const args = [...FIX, '--registry', 'registry.example.com:5000', 'input.yaml'];
    const check = runCli([...args, '--check'], { cwd: dir });
    expect(check.stdout).toMatch(/input\.yaml:22:11\s+warning\s+.*command\[5\] names image "docker\.io\/longhornio\/longhorn-engine:v1\.7\.2".*image-in-args/);
    runCli([...args, '--write'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'input.yaml'), 'utf8')).toContain('--engine-image=docker.io/longhornio/longhorn-engine:v1.7.2');
    runCli([...args, '--write', '--rewrite-arg-images'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'input.yaml'), 'utf8')).toContain('--engine-image=registry.example.com:5000/longhornio/longhorn-engine:v1.7.2');
  });
});
