import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli, tempDir } from './cli.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: metrics
spec:
  containers:
    - name: web
      image: nginx:1.25
    - name: exporter
      image: quay.io/prometheus/node-exporter:v1.8.0
`;

function dir(files: Record<string, string>): string {
  const d = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(d, name), text);
  return d;
}

describe('privreg-fix images (the built CLI)', () => {
  it('--format skopeo-sync: keyed by source registry, Docker Hub normalised', () => {
    for (const extra of [[], ['--registry', 'reg.example.com:5000']]) {
      const r = runCli(['images', '--format', 'skopeo-sync', ...extra], { cwd: dir({ 'pod.yaml': POD }) });
      expect(r.code, r.stderr).toBe(0);
      expect(parse(r.stdout)).toEqual({
        'docker.io': { images: { 'library/nginx': ['1.25'] } },
        'quay.io': { images: { 'prometheus/node-exporter': ['v1.8.0'] } },
      });
    }
  });

  it('text: each image with source, destination and where it is named', () => {
    const r = runCli(['images', '--registry', 'reg.example.com:5000', 'pod.yaml'], { cwd: dir({ 'pod.yaml': POD }) });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe([
      'docker.io/library/nginx:1.25 -> reg.example.com:5000/library/nginx:1.25',
      '  pod.yaml:8:14  Pod metrics  spec.containers[0].image',
      '',
      'quay.io/prometheus/node-exporter:v1.8.0  (not rewritten)',
      '  pod.yaml:10:14  Pod metrics  spec.containers[1].image',
      '',
      '2 image(s) in 2 place(s) in 1 file(s); 1 to copy to another registry',
      '',
    ].join('\n'));
  });

  it('--format crane with --registry-map; the config file supplies --registry', () => {
    const d = dir({ 'pod.yaml': POD, '.privreg-fix.yaml': 'registry: reg.example.com:5000\n' });
    const r = runCli(['images', '--format', 'crane', '--registry-map', 'quay.io=reg.example.com:5000/quay'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('crane'))).toEqual([
      'crane copy docker.io/library/nginx:1.25 reg.example.com:5000/library/nginx:1.25',
      'crane copy quay.io/prometheus/node-exporter:v1.8.0 reg.example.com:5000/quay/prometheus/node-exporter:v1.8.0',
    ]);
  });

  it('the destination is exactly what --write produces', () => {
    const d = dir({ 'pod.yaml': POD });
    const plan = JSON.parse(runCli(['images', '-f', 'json', '--registry', 'reg.example.com:5000'], { cwd: d }).stdout) as { images: { locations: { rewritten: string }[] }[] };
    expect(runCli(['--registry', 'reg.example.com:5000', '--no-validate', '--write', '.'], { cwd: d }).code).toBe(0);
    const after = JSON.parse(runCli(['images', '-f', 'json'], { cwd: d }).stdout) as { images: { locations: { value: string }[] }[] };
    expect(after.images.flatMap((i) => i.locations.map((l) => l.value)).sort()).toEqual(plan.images.flatMap((i) => i.locations.map((l) => l.rewritten)).sort());
  });

  it('a file it cannot read as YAML fails the run, on stderr for plan formats', () => {
    const d = dir({ 'pod.yaml': POD, 'chart.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n' });
    const r = runCli(['images', '--format', 'crane'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('chart.yaml:4:9: template syntax');
  });

  it('usage errors exit 2; a password is never accepted in argv nor echoed', () => {
    const secret = 'hunter2-in-argv';
    const r = runCli(['images', '--verify', '--docker-password', secret, '.'], { cwd: dir({ 'pod.yaml': POD }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--docker-password is not accepted');
    expect(r.stderr).not.toContain(secret);
    const stray = runCli(['images', '--verify', '--docker-username', 'u', '--password-stdin', secret], { cwd: dir({}), input: 'pw' });
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('a path given matches no file');
    expect(stray.stderr).not.toContain(secret);
    expect(runCli(['images', '--format', 'sarif'], { cwd: dir({}) }).code).toBe(2);
    expect(runCli(['images', '--verify', '--format', 'crane'], { cwd: dir({}) }).code).toBe(2);
    expect(runCli(['images', 'nothing-here.yaml'], { cwd: dir({}) }).code).toBe(2);
    expect(runCli(['images', '--help']).stdout).toContain('Usage: privreg-fix images');
    expect(runCli(['--help']).stdout).toContain('privreg-fix images');
  });
});
