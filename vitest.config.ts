import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Compiled CRD validators are cached per test run, never in the user's cache directory.
    env: { PRIVREG_FIX_CACHE_DIR: mkdtempSync(path.join(tmpdir(), 'privreg-fix-test-cache-')) },
  },
});
