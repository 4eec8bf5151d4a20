import { fixTextWithDefaults } from '../api/fix-text.js';
import { RENDERED_INPUT_RULES, type PrivregFixOptions } from '../api/options.js';
import { parseCliArgs, type CliArgs } from '../cli/args.js';
import type { CliIO } from '../cli/io.js';
import { readStream, writeAll } from '../cli/read-stream.js';
import { UsageError } from '../cli/usage-error.js';
import type { RunResult } from '../engine/types.js';
import { decodeText, ReadError } from '../io/read-text.js';
import { formatReport, shouldUseColor } from '../report/index.js';

/** `privreg-fix post-render --help`. */
export const POST_RENDER_HELP = `Usage: privreg-fix post-render [options]

Helm post-renderer: reads the rendered manifests on stdin and writes the fixed manifests, and
nothing else, to stdout. Findings go to stderr. Takes the fix options of the main command
(-n, -s, --registry, --registry-map, --pull-secrets-on, --config, --no-config, --no-validate,
--kubernetes-version, --schema-dir, --strict-kinds, --format); the config file is found from the
working directory as usual.

  helm install web ./chart --post-renderer privreg-fix \\
    --post-renderer-args post-render --post-renderer-args=--namespace=apps \\
    --post-renderer-args=--pull-secret=regcred

Exit codes: 0 manifests written; 1 an error remains that the fix does not remove (schema error,
YAML error, unsafe change): nothing is written to stdout, so Helm stops; 2 usage error.
`;

function optionsOf(args: CliArgs, cwd: string): PrivregFixOptions {
  const o: PrivregFixOptions = { cwd, config: args.noConfig ? false : (args.config ?? true) };
  const f = args.flags;
  if (f.namespace !== undefined) o.namespace = f.namespace;
  if (f.pullSecrets !== undefined) o.pullSecrets = f.pullSecrets;
  if (f.pullSecretsOn !== undefined) o.pullSecretsOn = f.pullSecretsOn;
  if (f.registry !== undefined) o.registry = f.registry;
  if (f.registryMap !== undefined) o.registryMap = f.registryMap;
  if (args.validate !== undefined) o.validate = args.validate;
  if (args.kubernetesVersion !== undefined) o.kubernetesVersion = args.kubernetesVersion;
  if (args.schemaDirs.length > 0) o.schemaDirs = args.schemaDirs;
  if (args.strictKinds !== undefined) o.strictKinds = args.strictKinds;
  return o;
}

/**
 * Runs `privreg-fix post-render [options]`; `args` are the words after `post-render`. Stdout
 * carries exactly the fixed manifests, or nothing when the run fails. Usage and config errors
 * are thrown (the caller reports them with exit code 2).
 */
export async function runPostRender(argv: string[], io: CliIO): Promise<number> {
  const args = parseCliArgs(argv);
  if (args.help) {
    await writeAll(io.stdout, POST_RENDER_HELP);
    return 0;
  }
  if (args.paths.some((p) => p !== '-')) throw new UsageError('post-render reads stdin only; it takes no paths');
  if (args.mode !== 'diff') throw new UsageError('post-render takes neither --write nor --check');
  if (args.output !== undefined) throw new UsageError('post-render takes no --output: stdout carries the manifests');
  let text: string;
  try {
    text = decodeText(await readStream(io.stdin));
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    await writeAll(io.stderr, `privreg-fix post-render: cannot read stdin: ${e.message}\n`);
    return 1;
  }
  const result = await fixTextWithDefaults(text, { ...optionsOf(args, io.cwd), path: '<stdin>' }, RENDERED_INPUT_RULES);
  const format = args.format ?? 'text';
  if (result.findings.length > 0 || format !== 'text') {
    // Reported as a write: the fixed manifests are what Helm gets (when the run succeeds).
    const file = { path: '<stdin>', source: text, output: result.output, findings: result.findings, skipped: result.skipped, written: result.ok && result.changed };
    const run: RunResult = { mode: 'write', files: [file], durationMs: 0 };
    await writeAll(io.stderr, formatReport(format, run, { color: shouldUseColor(io.stderr, io.env), cwd: io.cwd }));
  }
  if (!result.ok) {
    await writeAll(io.stderr, 'privreg-fix post-render: errors remain that the fix does not remove; no manifests written\n');
    return 1;
  }
  await writeAll(io.stdout, result.output);
  return 0;
}
