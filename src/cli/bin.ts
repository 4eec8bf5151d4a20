#!/usr/bin/env node
import { main } from './main.js';

main({ argv: process.argv.slice(2), cwd: process.cwd(), env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr })
  .then((code) => {
    // exitCode rather than exit(): pending stdout writes (large diffs, pipes) must drain first.
    process.exitCode = code;
  })
  .catch((e: unknown) => {
    process.stderr.write(`privreg-fix: internal error (please report it): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  });
