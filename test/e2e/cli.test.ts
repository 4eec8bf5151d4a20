import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './cli.js';

const FIX = ['-n', 'demo', '-s', 'regcred', '--no-validate'];
const read = (f: string): string => readFileSync(f, 'utf8');

describe('privreg-fix CLI', () => {
  it('prints a unified diff by default and changes nothing', () => {
    const dir = tempDir('fixtures/demo');
    const before = read(path.join(dir, 'deployment.yaml'));
    const r = runCli([...FIX, '.'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--- a/deployment.yaml\n+++ b/deployment.yaml\n');
    expect(r.stdout).toContain('+  namespace: demo\n');
    expect(r.stdout).toContain('+      imagePullSecrets:\n+        - name: regcred\n');
    // Only added lines: no removed line in any hunk.
    expect(r.stdout.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---'))).toEqual([]);
    expect(read(path.join(dir, 'deployment.yaml'))).toBe(before);
  });

  it('the diff applies with git apply and gives the same bytes as --write', () => {
    const a = tempDir('fixtures/demo');
    const b = tempDir('fixtures/demo');
    const diff = runCli([...FIX], { cwd: a }).stdout;
    writeFileSync(path.join(a, 'fix.patch'), diff);
    const applied = spawnSync('git', ['apply', '--unsafe-paths', 'fix.patch'], { cwd: a, encoding: 'utf8' });
    expect(applied.status, applied.stderr).toBe(0);
    expect(runCli([...FIX, '--write'], { cwd: b }).code).toBe(0);
    for (const f of ['deployment.yaml', 'service.yaml', 'cronjob.yaml']) expect(read(path.join(a, f))).toBe(read(path.join(b, f)));
  });

  it('--check exits 1 before the fix and 0 after; a second --write changes nothing', () => {
    const dir = tempDir('fixtures/demo');
    expect(runCli([...FIX, '--check'], { cwd: dir }).code).toBe(1);
    expect(runCli([...FIX, '--write'], { cwd: dir }).code).toBe(0);
    const after = readdirSync(dir).map((f) => read(path.join(dir, f)));
    expect(runCli([...FIX, '--check'], { cwd: dir }).code).toBe(0);
    expect(runCli([...FIX, '--write'], { cwd: dir }).code).toBe(0);
    expect(readdirSync(dir).map((f) => read(path.join(dir, f)))).toEqual(after);
    expect(runCli([...FIX], { cwd: dir }).stdout).toBe('');
  });

  it("'-' reads stdin and prints the complete result, the same bytes as file mode", () => {
    const dir = tempDir('fixtures/demo');
    const input = read(path.join(dir, 'cronjob.yaml'));
    const r = runCli([...FIX, '-'], { input });
    expect(r.code).toBe(0);
    runCli([...FIX, '--write', 'cronjob.yaml'], { cwd: dir });
    expect(r.stdout).toBe(read(path.join(dir, 'cronjob.yaml')));
  });

  it('stdin mode drains large output completely', () => {
    const doc = read(path.join(ROOT, 'fixtures/demo/deployment.yaml'));
    const input = Array.from({ length: 3000 }, (_, i) => doc.replace('name: web\n', `name: web-${i}\n`)).join('---\n');
    const r = runCli([...FIX, '-'], { input });
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(input.length);
    expect(r.stdout.split('namespace: demo').length - 1).toBe(3000);
  });

  it('keeps going past bad files, names file:line:column, exits 1 and leaves them byte-identical', () => {
    const dir = tempDir('fixtures/demo');
    writeFileSync(path.join(dir, 'broken.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n   bad: x\n');
    writeFileSync(path.join(dir, 'chart.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n');
    const r = runCli([...FIX, '--write'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/broken\.yaml:4:9\s.*BLOCK_AS_IMPLICIT_KEY/);
    expect(r.stdout + r.stderr).toMatch(/chart\.yaml:4:9/);
    expect(read(path.join(dir, 'broken.yaml'))).toContain('   bad: x');
    expect(read(path.join(dir, 'chart.yaml'))).toContain('{{ .Release.Name }}');
    expect(read(path.join(dir, 'service.yaml'))).toContain('namespace: demo');
  });

  it('honours .gitignore and skips node_modules and .git, but takes explicitly named files', () => {
    const dir = tempDir();
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';
    for (const f of ['keep.yaml', 'ignored/x.yaml', 'node_modules/m.yaml', '.git/g.yaml', 'sub/y.yml', 'not-yaml.txt']) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      writeFileSync(path.join(dir, f), cm);
    }
    writeFileSync(path.join(dir, '.gitignore'), 'ignored/\n');
    const r = runCli(['-n', 'demo', '--no-validate', '--check'], { cwd: dir });
    const files = [...r.stdout.matchAll(/^([\w./-]+\.ya?ml):\d+:\d+/gm)].map((m) => m[1]);
    expect([...new Set(files)].sort()).toEqual(['keep.yaml', 'sub/y.yml']);
    const explicit = runCli(['-n', 'demo', '--no-validate', '--check', 'ignored/x.yaml'], { cwd: dir });
    expect(explicit.code).toBe(1);
    expect(explicit.stdout).toContain('ignored/x.yaml');
  });

  it('output order is sorted and deterministic', () => {
    const dir = tempDir();
    for (const f of ['b.yaml', 'a.yaml', 'c/a.yaml']) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      writeFileSync(path.join(dir, f), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n');
    }
    const r = runCli(['-n', 'demo', '--no-validate'], { cwd: dir });
    const order = [...r.stdout.matchAll(/^--- a\/(.+)$/gm)].map((m) => m[1]);
    expect(order).toEqual(['a.yaml', 'b.yaml', 'c/a.yaml']);
  });

  it('keeps the file mode and writes through symlinks', () => {
    const dir = tempDir('fixtures/demo');
    chmodSync(path.join(dir, 'service.yaml'), 0o640);
    symlinkSync('service.yaml', path.join(dir, 'link.yaml'));
    expect(runCli([...FIX, '--write', 'link.yaml'], { cwd: dir }).code).toBe(0);
    expect(lstatSync(path.join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(read(path.join(dir, 'service.yaml'))).toContain('namespace: demo');
    expect(statSync(path.join(dir, 'service.yaml')).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reports unreadable files and goes on', () => {
    const dir = tempDir('fixtures/demo');
    writeFileSync(path.join(dir, 'binary.yaml'), Buffer.from([0x61, 0x00, 0x62]));
    writeFileSync(path.join(dir, 'latin1.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]));
    const r = runCli([...FIX, '--write'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/binary\.yaml:1:1.*binary/);
    expect(r.stdout).toMatch(/latin1\.yaml:1:1.*UTF-8/);
    expect(read(path.join(dir, 'service.yaml'))).toContain('namespace: demo');
  });

  it('usage errors exit 2', () => {
    expect(runCli(['--bogus']).code).toBe(2);
    expect(runCli(['--write', '--check']).code).toBe(2);
    expect(runCli(['-n', 'Not_Valid']).code).toBe(2);
    const noMatch = runCli(['-n', 'demo', 'does-not-exist.yaml']);
    expect(noMatch.code).toBe(2);
    expect(noMatch.stderr).toContain('does-not-exist.yaml');
    expect(runCli(['-', 'x.yaml']).code).toBe(2);
  });

  it('--help and --version', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--namespace', '--pull-secret', '--write', '--check', '--no-validate']) expect(help.stdout).toContain(flag);
    const pkg = JSON.parse(read(path.join(ROOT, 'package.json'))) as { version: string };
    expect(runCli(['--version']).stdout.trim()).toBe(pkg.version);
  });
});
