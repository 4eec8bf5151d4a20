import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    // Most of the suite's time is spent waiting on child processes (the built CLI, pre-commit,
    // kpt, kubectl), so every core runs a test file: vitest's default leaves one core idle.
    maxWorkers: Math.max(availableParallelism(), 2),
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Compiled CRD validators are cached per test run, never in the user's cache directory.
    env: { PRIVREG_FIX_CACHE_DIR: mkdtempSync(path.join(tmpdir(), 'privreg-fix-test-cache-')) },
  },
});
