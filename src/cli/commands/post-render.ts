import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fixTextWithDefaults } from '../../api/fix-text.js';
import { RENDERED_INPUT_RULES, type PrivregFixOptions } from '../../api/options.js';
import { parseCliArgs, type CliArgs } from '../args.js';
import type { CliIO } from '../../io/cli-io.js';
import { readStream, writeAll } from '../../io/read-stream.js';
import { UsageError } from '../../core/errors.js';
import type { RunResult } from '../../core/types.js';
import { decodeText, ReadError } from '../../io/read-text.js';
import { formatReport, shouldUseColor } from '../../report/index.js';
import { failureLine, helmPluginReportPath, successLine, withTemplateNames, writeReportFile } from '../../post-render/report.js';

/** `privreg-fix post-render --help`. */
export const POST_RENDER_HELP = `Usage: privreg-fix post-render [options]

Helm post-renderer: reads the rendered manifests on stdin and writes the fixed manifests, and
nothing else, to stdout. Findings go to stderr, or with -o FILE to FILE (in the --format asked
for) and one line to stderr. Takes the fix options of the main command (-n, -s, --registry,
--registry-map, --pull-secrets-on, --config, --no-config, --no-validate, --kubernetes-version,
--schema-dir, --strict-kinds, --format, --output); the config file is found from the working
directory as usual.

  Helm 3 (an executable):
  helm install web ./chart -n apps --post-renderer privreg-fix \\
    --post-renderer-args post-render --post-renderer-args=--pull-secret=regcred

  Helm 4 (a plugin: helm plugin install <privreg-fix package>/helm-plugin):
  helm install web ./chart -n apps --post-renderer privreg-fix \\
    --post-renderer-args=--pull-secret=regcred --post-renderer-args=--output=report.txt

Helm 4 discards a plugin's stderr: without --output the report goes to
~/.cache/privreg-fix/helm-post-render-report.txt ($PRIVREG_FIX_CACHE_DIR, $XDG_CACHE_HOME).
Objects Helm rendered into another namespace than --namespace (.Release.Namespace) are an
error (namespace-mismatch): give Helm the namespace with -n instead.

Exit codes: 0 manifests written; 1 an error remains that the fix does not remove (schema error,
YAML error, unsafe change, another namespace): nothing is written to stdout, so Helm stops;
2 usage error.
`;

/**
 * Rule levels of the post-renderer: those of rendered input, and an object Helm put in another
 * namespace than `--namespace` is an error: Helm renders `.Release.Namespace` (`default` without
 * `helm -n`), and keeping it would make `--namespace` silently do nothing.
 */
const POST_RENDER_RULES = Object.freeze({ ...RENDERED_INPUT_RULES, 'namespace-mismatch': 'error' as const });

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
export async function runPostRender(argv: readonly string[], io: CliIO): Promise<number> {
  const started = performance.now();
  const args = parseCliArgs(argv);
  if (args.help) {
    await writeAll(io.stdout, POST_RENDER_HELP);
    return 0;
  }
  if (args.paths.some((p) => p !== '-')) throw new UsageError('post-render reads stdin only; it takes no paths');
  if (args.mode !== 'diff') throw new UsageError('post-render takes neither --write nor --check');
  let text: string;
  try {
    text = decodeText(await readStream(io.stdin));
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    await writeAll(io.stderr, `privreg-fix post-render: cannot read stdin: ${e.message}\n`);
    return 1;
  }
  const result = await fixTextWithDefaults(text, { ...optionsOf(args, io.cwd), path: '<stdin>' }, POST_RENDER_RULES);
  const format = args.format ?? 'text';
  const findings = withTemplateNames(text, result.findings);
  // Reported as a write: the fixed manifests are what Helm gets (when the run succeeds).
  const file = { path: '<stdin>', source: text, output: result.output, findings, skipped: result.skipped, written: result.ok && result.changed };
  const run: RunResult = { mode: 'write', files: [file], durationMs: performance.now() - started };
  const reportFile = args.output !== undefined ? path.resolve(io.cwd, args.output) : helmPluginReportPath(io.env);
  if (reportFile !== undefined) {
    const problem = await writeReportFile(reportFile, format, run, io.cwd);
    if (problem) {
      await writeAll(io.stderr, `privreg-fix post-render: ${problem}; no manifests written\n`);
      return 1;
    }
  } else if (findings.length > 0 || format !== 'text') {
    await writeAll(io.stderr, formatReport(format, run, { color: shouldUseColor(io.stderr, io.env), cwd: io.cwd }));
  }
  if (!result.ok) {
    await writeAll(io.stderr, failureLine(findings, args.flags.namespace, reportFile));
    return 1;
  }
  if (reportFile !== undefined) await writeAll(io.stderr, successLine(run, reportFile));
  await writeAll(io.stdout, result.output);
  return 0;
}
