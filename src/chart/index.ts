import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ConfigError } from '../config/errors.js';
import { explainErrors } from '../config/explain.js';
import { findConfigFile } from '../config/find.js';
import { loadConfig } from '../config/load.js';
import { configRunSettings, resolveFileOptions } from '../config/resolve.js';
import { configValidator } from '../config/schema.js';
import type { FixOptions } from '../core/options.js';
import { createEngine } from '../engine/create-engine.js';
import { errorFinding } from '../run/process-file.js';
import type { FileResult, RunResult } from '../core/types.js';
import { writeAtomic } from '../io/write-atomic.js';
import { formatDiff } from '../report/diff.js';
import { formatReport, formatSummary, shouldUseColor } from '../report/index.js';
import { CHART_HELP, ChartUsageError, parseChartArgs, type ChartArgs, type ChartIO } from './args.js';
import { NotAChartError, readChart } from './chart-files.js';
import { Helm, HelmNotFoundError } from './helm.js';
import { planValues, renderChart, type ChartContext, type Plan } from './plan.js';
import { effectOf } from './render-state.js';
import { templateResults, toDisplay, valuesResult } from './report.js';
import { renderedFindings } from './rendered-check.js';

export { CHART_HELP } from './args.js';

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (text === '') resolve();
    else stream.write(text, (e) => (e ? reject(e) : resolve()));
  });
}

/** Secret names and namespace from flags, checked with the config file's schema. */
function checkFlags(args: ChartArgs): void {
  const given: Record<string, unknown> = {};
  if (args.pullSecrets) given.pullSecrets = args.pullSecrets;
  if (args.namespace !== undefined) given.namespace = args.namespace;
  const validate = configValidator();
  if (validate(given)) return;
  const flag = (key: string): string => (key.startsWith('pullSecrets') ? '--pull-secret' : '--namespace');
  throw new ChartUsageError(explainErrors(validate.errors ?? [], given).map((p) => `${flag(p.key)}: ${p.message}`).join('\n'));
}

async function contextFor(args: ChartArgs, io: ChartIO): Promise<ChartContext> {
  checkFlags(args);
  const dir = path.resolve(io.cwd, args.dir);
  const chart = readChart(dir);
  const configFile = args.noConfig ? undefined : args.config !== undefined ? path.resolve(io.cwd, args.config) : await findConfigFile(io.cwd);
  const config = configFile !== undefined ? await loadConfig(configFile) : undefined;
  const flags: Partial<FixOptions> = {};
  if (args.pullSecrets) flags.pullSecrets = args.pullSecrets;
  if (args.registry !== undefined) flags.registry = args.registry;
  if (args.registryMap) flags.registryMap = args.registryMap;
  const resolved = resolveFileOptions(config, flags, chart.valuesFile);
  // Namespaces are Helm's business here (-n goes to helm template), and pull secrets go on pod
  // specs. A chart may render registry Secrets from values (as for the post-renderer).
  const options: FixOptions = Object.freeze({
    ...resolved,
    namespace: undefined,
    pullSecretsOn: 'pod' as const,
    rules: Object.freeze({ 'plaintext-registry-credential': 'off' as const, ...resolved.rules }),
  });
  if (options.pullSecrets.length === 0 && options.registry === undefined && Object.keys(options.registries).length === 0) {
    throw new ChartUsageError('nothing to do: give --pull-secret and/or --registry (or set them in .privreg-fix.yaml)');
  }
  const valuesFiles = args.values.map((f) => path.resolve(io.cwd, f));
  for (const f of valuesFiles) if (!existsSync(f)) throw new ChartUsageError(`--values ${f}: no such file`);
  const helm = await Helm.find(args.helm, io.env);
  const settings = configRunSettings(config);
  const engine = await createEngine({ ...settings, validate: false });
  return { chart, helm, valuesFiles, namespace: args.namespace, options, engine, settings };
}

/**
 * Runs `privreg-fix chart DIR [options]`: plans the values, prints the diff (or writes the
 * file and verifies it with one more render), and reports what no value reaches.
 */
export async function runChart(argv: readonly string[], io: ChartIO): Promise<number> {
  const started = performance.now();
  let args: ChartArgs;
  let ctx: ChartContext;
  try {
    args = parseChartArgs(argv);
    if (args.help) {
      await write(io.stdout, CHART_HELP);
      return 0;
    }
    ctx = await contextFor(args, io);
  } catch (e) {
    if (e instanceof ChartUsageError || e instanceof NotAChartError || e instanceof HelmNotFoundError || e instanceof ConfigError) {
      await write(io.stderr, `privreg-fix chart: ${e.message}\n${e instanceof ChartUsageError ? "Run 'privreg-fix chart --help' for usage.\n" : ''}`);
      return 2;
    }
    throw e;
  }
  try {
    return await runPlanned(args, ctx, io, started);
  } finally {
    await ctx.helm.close();
  }
}

async function runPlanned(args: ChartArgs, ctx: ChartContext, io: ChartIO, started: number): Promise<number> {
  const base = await renderChart(ctx);
  if ('error' in base) {
    await write(io.stderr, `privreg-fix chart: helm template ${args.dir} failed:\n${base.error}\n`);
    return 1;
  }
  const targetFile = ctx.valuesFiles[ctx.valuesFiles.length - 1] ?? ctx.chart.valuesFile;
  const chartValues = existsSync(ctx.chart.valuesFile) ? readFileSync(ctx.chart.valuesFile, 'utf8') : '';
  const texts = [chartValues, ...ctx.valuesFiles.map((f) => readFileSync(f, 'utf8'))];
  const source = texts[texts.length - 1] ?? '';
  const plan = await planValues(ctx, base.state, texts, source);
  const display = toDisplay(io.cwd, targetFile);
  const values = valuesResult(display, targetFile, source, plan.output, plan.selection, plan.edits, plan.targets);
  if (plan.refused) values.findings.push(errorFinding('internal-error', `${plan.refused}; it is left unchanged. Please report this as a bug`));
  const files: FileResult[] = [values, ...templateResults(ctx.chart.dir, io.cwd, plan.unreached)];
  let finalText: string | undefined = plan.selection.state.text;
  if (args.mode === 'write' && values.output !== values.source) finalText = await writeAndVerify(ctx, plan, values);
  if (finalText !== undefined) files.push(...await renderedFindings(finalText, ctx, io.cwd));
  for (const p of ctx.chart.problems) files[0]?.findings.push(errorFinding('read-error', p));
  return report(args, io, { mode: args.mode, files, durationMs: performance.now() - started });
}

/** Writes the values file, renders again and checks the targets are resolved; restores it if not. */
async function writeAndVerify(ctx: ChartContext, plan: Plan, values: FileResult): Promise<string | undefined> {
  const file = values.absolutePath as string;
  try {
    await writeAtomic(file, values.output);
    values.written = true;
  } catch (e) {
    values.written = false;
    values.writeError = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    values.findings.push(errorFinding('write-error', `cannot write (${values.writeError}); the file is unchanged`));
    return undefined;
  }
  const again = await renderChart(ctx);
  const effect = 'error' in again ? undefined : effectOf(plan.base, again.state);
  const missed = effect ? [...plan.selection.resolved].filter((t) => !effect.resolved.has(t)) : [];
  if ('error' in again || effect?.problem || missed.length > 0) {
    const why = 'error' in again ? `the chart no longer renders: ${again.error}` : effect?.problem ?? `${missed.length} pod spec changes did not happen`;
    await writeAtomic(file, values.source);
    values.written = false;
    values.findings.push(errorFinding('internal-error', `the written values did not do what their proof render did (${why}); the file was restored. Please report this as a bug`));
    return undefined;
  }
  return again.text;
}

async function report(args: ChartArgs, io: ChartIO, run: RunResult): Promise<number> {
  const format = args.format ?? 'text';
  const values = run.files[0] as FileResult;
  const diff = args.mode === 'diff' ? formatDiff(values) : '';
  if (diff) await write(io.stdout, diff);
  const stream = args.mode === 'diff' && (format === 'text' || args.output !== undefined) ? io.stderr : io.stdout;
  if (args.output !== undefined) {
    await writeFile(path.resolve(io.cwd, args.output), formatReport(format, run, { color: false, cwd: io.cwd }));
    await write(stream, `${formatSummary(run, { color: shouldUseColor(stream, io.env) })}\n`);
  } else {
    await write(stream, formatReport(format, run, { color: shouldUseColor(stream, io.env), cwd: io.cwd }));
  }
  return exitCode(run);
}

function exitCode(run: RunResult): number {
  for (const file of run.files) {
    for (const f of file.findings) {
      if (f.severity !== 'error') continue;
      if (run.mode === 'check' || !f.fix || (run.mode === 'write' && file.written !== true)) return 1;
    }
  }
  return 0;
}
