/** What a new user trips on: stdin piped without '-', a mistyped flag, a run asked nothing. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir } from './cli.js';

const FIX = ['-n', 'demo', '-s', 'regcred', '--no-validate'];

/** Runs a shell command line with `privreg-fix` standing for the built bin (real pipes and redirections). */
function sh(line: string, cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('sh', ['-c', line.replaceAll('privreg-fix', `'${process.execPath}' '${BIN}'`)], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('stdin without a path', () => {
  const warning = /warning: stdin is a pipe or a file but no path was given, so stdin is ignored and the current directory is scanned; pass '-'/;

  it('a pipe: warns, scans the current directory as always, and leaves stdin alone', () => {
    const dir = tempDir('fixtures/demo');
    const r = sh(`cat deployment.yaml | privreg-fix ${FIX.join(' ')} --check`, dir);
    expect(r.stderr).toMatch(warning);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/3 files scanned/);
  });

  it('a redirected file: warns too', () => {
    const dir = tempDir('fixtures/demo');
    expect(sh(`privreg-fix ${FIX.join(' ')} < deployment.yaml`, dir).stderr).toMatch(warning);
  });

  it('no warning with a path, with -, for /dev/null or an empty file, or from a parent process that passes no input', () => {
    const dir = tempDir('fixtures/demo');
    writeFileSync(path.join(dir, 'empty'), '');
    for (const line of [
      `cat deployment.yaml | privreg-fix ${FIX.join(' ')} .`,
      `privreg-fix ${FIX.join(' ')} - < deployment.yaml`,
      `privreg-fix ${FIX.join(' ')} < /dev/null`,
      `privreg-fix ${FIX.join(' ')} < empty`,
    ]) expect(sh(line, dir).stderr, line).not.toMatch(/warning: stdin/);
    expect(runCli(FIX, { cwd: dir }).stderr).not.toMatch(/warning: stdin/);
    const piped = sh(`privreg-fix ${FIX.join(' ')} - < deployment.yaml`, dir);
    expect(piped.stdout).toContain('namespace: demo');
    expect(readFileSync(path.join(dir, 'deployment.yaml'), 'utf8')).not.toContain('namespace: demo');
  });
});

describe('unknown flags', () => {
  it.each([
    [['--namspace', 'x'], "unknown option '--namspace' (did you mean '--namespace'?)"],
    [['--pull-secrets=regcred'], "unknown option '--pull-secrets' (did you mean '--pull-secret'?)"],
    [['--chek'], "unknown option '--chek' (did you mean '--check'?)"],
    [['--no-validte'], "unknown option '--no-validte' (did you mean '--no-validate'?)"],
  ])('%j gets a "did you mean" and exit 2', (args, message) => {
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('no suggestion when nothing is close; subcommands get them too', () => {
    expect(runCli(['--frobnicate']).stderr).not.toContain('did you mean');
    const create = runCli(['create', 'secret', 'docker-registry', 'x', '--docker-usrname', 'u']);
    expect(create.code).toBe(2);
    expect(create.stderr).toContain("unknown option '--docker-usrname' (did you mean '--docker-username'?)");
    expect(runCli(['post-render', '--namepsace=x']).stderr).toContain("(did you mean '--namespace'?)");
  });
});

describe('a run asked nothing', () => {
  it('is a usage error (exit 2) saying what to give, before reading any file', () => {
    const dir = tempDir('fixtures/demo');
    for (const args of [['--check', '.'], ['.'], ['--write', '.'], ['--no-config', '--check', '.'], ['--no-validate', '-']]) {
      const r = runCli(args, { cwd: dir, input: 'not: [yaml' });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/nothing to do: no --namespace, --pull-secret or --registry given, and (no \.privreg-fix\.yaml was found|--no-config)/);
      expect(r.stdout).toBe('');
    }
  });

  it('a config file, any of the three flags, or --validate is enough', () => {
    const dir = tempDir('fixtures/demo');
    // The demo's images already come from a private registry: nothing to rewrite.
    expect(runCli(['--check', '--registry', 'reg.example.com', '.'], { cwd: dir }).code).toBe(0);
    expect(runCli(['--check', '-n', 'demo', '.'], { cwd: dir }).code).toBe(1);
    expect(runCli(['--check', '-s', 'regcred', '.'], { cwd: dir }).code).toBe(1);
    const validateOnly = runCli(['--check', '--validate', '.'], { cwd: dir });
    expect(validateOnly.code).toBe(0);
    expect(validateOnly.stdout).toMatch(/3 files scanned, 0 would be fixed, 0 errors/);
    writeFileSync(path.join(dir, '.privreg-fix.yaml'), 'rules: {unknown-kind: warning}\n');
    expect(runCli(['--check', '.'], { cwd: dir }).code).toBe(0);
  });
});
