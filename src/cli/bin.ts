#!/usr/bin/env node
import { cleanupInFlightSync } from '../io/write-atomic.js';
import { main } from './main.js';

// Writes are synchronous from temporary file to rename, so a signal is handled between two
// files' writes: removing any temporary file still registered is all the cleanup needed.
// Exit codes follow the shell convention 128 + signal number.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => {
    cleanupInFlightSync();
    process.stderr.write(`privreg-fix: interrupted (${signal}); files already written are complete, the others unchanged\n`);
    process.exit(code);
  });
}

main({ argv: process.argv.slice(2), cwd: process.cwd(), env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr })
  .then((code) => {
    // exitCode rather than exit(): pending stdout writes (large diffs, pipes) must drain first.
    process.exitCode = code;
  })
  .catch((e: unknown) => {
    process.stderr.write(`privreg-fix: internal error (please report it): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  });
