import path from 'node:path';
import type { CliIO } from '../io/cli-io.js';
import { checkDryRun, COMMON_OPTIONS, outputTarget, parseFlags, singleName } from './common-args.js';
import { EXIT_OK } from '../core/errors.js';
import { checkNamespaceName, serializeManifest } from './manifest.js';
import { NAMESPACE_HELP } from './usage.js';
import { writeFileAtomic } from './write-file.js';

/** The Namespace object: only what the API needs, unlike kubectl's `creationTimestamp: null`, `spec: {}`, `status: {}`. */
export function buildNamespace(name: string): object {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

/** Runs `privreg-fix create namespace NAME [-o FILE]`; throws CommandError on failure. */
export async function runCreateNamespace(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseFlags(args, COMMON_OPTIONS);
  if (values.help === true) {
    io.stdout.write(NAMESPACE_HELP);
    return EXIT_OK;
  }
  checkDryRun(values['dry-run']);
  const name = singleName(positionals, 'namespace');
  checkNamespaceName(name);
  const target = outputTarget(values.output);
  const obj = buildNamespace(name);
  if (target.kind === 'stdout') {
    io.stdout.write(serializeManifest(obj, target.format));
  } else {
    // A Namespace holds nothing secret: ordinary permissions, no git check.
    const file = path.resolve(io.cwd, target.file);
    await writeFileAtomic(file, serializeManifest(obj, 'yaml'), 0o644);
    io.stderr.write(`wrote Namespace ${name} to ${file}\n`);
  }
  return EXIT_OK;
}
