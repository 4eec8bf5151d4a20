// Entry point of the Helm 4 plugin (plugin.yaml). Helm installs a plugin directory as a symlink
// to it; Node resolves this file to its real path, so the CLI next to it is found both in an
// npm-installed package and in a built git checkout. Its arguments are privreg-fix's own.
import { existsSync } from 'node:fs';
import { URL } from 'node:url';

const bin = new URL('../dist/bundle/bin.js', import.meta.url);
if (existsSync(bin)) {
  await import(bin.href);
} else {
  process.stderr.write(`privreg-fix Helm plugin: ${bin.pathname} is missing; run \`npm ci\` (which builds it) in the privreg-fix checkout\n`);
  process.exitCode = 2;
}
