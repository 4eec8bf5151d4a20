import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeYaml } from '../../yaml/documents.js';
import { fixTextWithDefaults } from '../../api/fix-text.js';
import { RENDERED_INPUT_RULES } from '../../api/options.js';
import type { CliIO } from '../../io/cli-io.js';
import { readStream, writeAll } from '../../io/read-stream.js';
import { ConfigError } from '../../config/index.js';
import { formatReport } from '../../report/index.js';
import { decodeText, ReadError } from '../../io/read-text.js';
import { fixResourceList, functionConfigOptions, ResourceListError, type KrmResult } from '../../krm/index.js';

/** `privreg-fix fn --help`. */
export const FN_HELP = `Usage: privreg-fix fn                 (KRM function: ResourceList on stdin and stdout)
       privreg-fix fn CONFIG_FILE     (kustomize exec plugin: manifests on stdin and stdout)

Runs privreg-fix as a kustomize/kpt KRM function. Options come from the functionConfig: a v1
ConfigMap whose data has namespace, pullSecrets (comma-separated) and the other config keys as
strings, or a privreg-fix.dev/v1alpha1 PrivregFix object. Findings are written as results;
the exit code is 1 when a result is an error.

With CONFIG_FILE (a ConfigMap or PrivregFix file, as kustomize passes to exec plugins under
--enable-alpha-plugins), stdin is a plain multi-document stream, stdout the fixed stream and
findings go to stderr.
`;

function describe(r: KrmResult): string {
  const where = r.file?.path ?? '<input>';
  const what = r.resourceRef ? `${r.resourceRef.kind}${r.resourceRef.name ? `/${r.resourceRef.name}` : ''}: ` : '';
  return `${where}: ${r.severity}: ${what}${r.message}`;
}

async function readInput(io: CliIO): Promise<string> {
  return decodeText(await readStream(io.stdin));
}

async function runResourceList(io: CliIO): Promise<number> {
  const fixed = await fixResourceList(await readInput(io), { cwd: io.cwd });
  await writeAll(io.stdout, fixed.output);
  const errors = fixed.results.filter((r) => r.severity === 'error');
  if (errors.length > 0) await writeAll(io.stderr, errors.map((r) => `privreg-fix fn: ${describe(r)}\n`).join(''));
  return fixed.ok ? 0 : 1;
}

/** Legacy kustomize exec plugin: argv[0] is the plugin's config file, stdin a manifest stream. */
async function runExecPlugin(configPath: string, io: CliIO): Promise<number> {
  const absolute = path.resolve(io.cwd, configPath);
  let config: unknown;
  try {
    config = decodeYaml(await readFile(absolute, 'utf8'));
  } catch (e) {
    throw new ConfigError(`${configPath}: cannot read the function config: ${(e as Error).message.split('\n')[0] ?? ''}`, absolute);
  }
  const options = { ...functionConfigOptions(config), cwd: io.cwd };
  const text = await readInput(io);
  const result = await fixTextWithDefaults(text, { ...options, path: '<stdin>' }, RENDERED_INPUT_RULES);
  const file = { path: '<stdin>', source: text, output: result.output, findings: result.findings, skipped: result.skipped, written: result.ok && result.changed };
  const run = { mode: 'write' as const, files: [file], durationMs: 0 };
  if (result.findings.length > 0) await writeAll(io.stderr, formatReport('text', run, { color: false, summary: false }));
  if (!result.ok) return 1;
  await writeAll(io.stdout, result.output);
  return 0;
}

/**
 * Runs `privreg-fix fn [CONFIG_FILE]`; `args` are the words after `fn`. Returns the exit code:
 * 0 ok, 1 error results or unusable input, 2 usage error. Messages go to stderr only.
 */
export async function runFn(args: readonly string[], io: CliIO): Promise<number> {
  if (args[0] === '--help' || args[0] === '-h') {
    await writeAll(io.stdout, FN_HELP);
    return 0;
  }
  if (args.length > 1 || args[0]?.startsWith('-')) {
    await writeAll(io.stderr, `privreg-fix fn: unexpected argument "${args[args[0]?.startsWith('-') ? 0 : 1] ?? ''}"\n${FN_HELP}`);
    return 2;
  }
  try {
    return args[0] === undefined ? await runResourceList(io) : await runExecPlugin(args[0], io);
  } catch (e) {
    if (e instanceof ResourceListError || e instanceof ConfigError || e instanceof ReadError) {
      await writeAll(io.stderr, `privreg-fix fn: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
