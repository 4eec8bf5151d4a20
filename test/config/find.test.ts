import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findConfigFile } from '../../src/config/find.js';

describe('findConfigFile', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'privreg-find-'));
    await mkdir(join(root, 'repo/a/b'), { recursive: true });
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('finds the file in the directory itself or an ancestor', async () => {
    await writeFile(join(root, 'repo/.privreg-fix.yaml'), '');
    expect(await findConfigFile(join(root, 'repo'))).toBe(join(root, 'repo/.privreg-fix.yaml'));
    expect(await findConfigFile(join(root, 'repo/a/b'))).toBe(join(root, 'repo/.privreg-fix.yaml'));
  });

  it('takes the nearest, and .yaml before .yml', async () => {
    await writeFile(join(root, 'repo/.privreg-fix.yaml'), '');
    await writeFile(join(root, 'repo/a/.privreg-fix.yml'), '');
    expect(await findConfigFile(join(root, 'repo/a/b'))).toBe(join(root, 'repo/a/.privreg-fix.yml'));
    await writeFile(join(root, 'repo/a/.privreg-fix.yaml'), '');
    expect(await findConfigFile(join(root, 'repo/a'))).toBe(join(root, 'repo/a/.privreg-fix.yaml'));
  });

  it('does not go above the repository root', async () => {
    await writeFile(join(root, '.privreg-fix.yaml'), '');
    expect(await findConfigFile(join(root, 'repo/a'))).toBe(join(root, '.privreg-fix.yaml'));
    await mkdir(join(root, 'repo/.git'));
    expect(await findConfigFile(join(root, 'repo/a'))).toBeUndefined();
  });

  it('treats a .git file (worktree) as a repository root too, and ignores directories named like the config', async () => {
    await writeFile(join(root, '.privreg-fix.yaml'), '');
    await writeFile(join(root, 'repo/.git'), 'gitdir: elsewhere\n');
    await mkdir(join(root, 'repo/a/.privreg-fix.yaml'));
    expect(await findConfigFile(join(root, 'repo/a/b'))).toBeUndefined();
  });
});
