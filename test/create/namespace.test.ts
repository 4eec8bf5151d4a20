import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runWith } from './fake-io.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('create namespace', () => {
  it('prints a clean Namespace', async () => {
    const run = await runWith(['namespace', 'mynamespace']);
    expect(run).toEqual({ code: 0, stderr: '', stdout: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: mynamespace\n' });
    expect(run.stdout).not.toMatch(/creationTimestamp|spec|status/);
  });

  it('quotes names YAML 1.1 would read as booleans', async () => {
    const run = await runWith(['namespace', 'yes']);
    expect(run.stdout).toContain('name: "yes"');
  });

  it('prints JSON with -o json', async () => {
    const run = await runWith(['namespace', 'team-a', '-o', 'json', '--dry-run=client']);
    expect(JSON.parse(run.stdout)).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
  });

  it('writes -o FILE', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'privreg-ns-'));
    dirs.push(dir);
    const run = await runWith(['namespace', 'team-a', '-o', 'ns.yaml'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(parse(await readFile(path.join(dir, 'ns.yaml'), 'utf8'))).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
    expect((await stat(path.join(dir, 'ns.yaml'))).mode & 0o777).toBe(0o644);
  });

  it.each([
    [['namespace'], /missing namespace NAME/],
    [['namespace', 'a', 'b'], /expected one namespace NAME/],
    [['namespace', 'Bad_Name'], /invalid namespace name/],
    [['namespace', 'x'.repeat(64)], /invalid namespace name/],
    [['namespace', 'a', '--bogus'], /Unknown option '--bogus'/],
    [['namespace', 'a', '--dry-run=server'], /not supported/],
    [['widget', 'a'], /unknown kind/],
  ])('usage error for %j', async (args, message) => {
    const run = await runWith(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  it('shows help', async () => {
    expect((await runWith(['--help'])).stdout).toMatch(/create KIND/);
    expect((await runWith(['namespace', '--help'])).stdout).toMatch(/create namespace NAME/);
    const bare = await runWith([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/create KIND/);
  });
});
