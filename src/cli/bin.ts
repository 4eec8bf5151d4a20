#!/usr/bin/env node
import { cleanupInFlightSync, stopWrites } from '../io/write-atomic.js';
import { main } from './main.js';
import { stdinPiped } from './stdin-kind.js';

// On SIGINT/SIGTERM: stop writing, remove any temporary file left, and exit with the shell's
// 128 + signal number. Writes are synchronous from temporary file to rename, so none is halfway.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => {
    stopWrites();
    cleanupInFlightSync();
    process.stderr.write(`privreg-fix: interrupted (${signal}); files already written are complete, the others unchanged\n`);
    process.exit(code);
  });
}

// A reader that goes away (`privreg-fix ... | head`) ends the run quietly, as SIGPIPE would.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    stopWrites();
    cleanupInFlightSync();
    process.exit(141);
  });
}

main({ argv: process.argv.slice(2), cwd: process.cwd(), env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, stdinPiped: stdinPiped() })
  .then((code) => {
    // exitCode rather than exit(): pending stdout writes (large diffs, pipes) must drain first.
    process.exitCode = code;
  })
  .catch((e: unknown) => {
    process.stderr.write(`privreg-fix: internal error (please report it): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  });
