import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  ConfigError, configDiscovery, configRunSettings, findConfigFile, loadConfig, matchesAny, configRelativePath,
  resolveFileOptions, type ConfigFile, type RunSettings,
} from '../config/index.js';
import { createEngine, type RunEngine } from '../engine/create-engine.js';
import { fixText } from '../engine/fix-text.js';
import { runFiles } from '../engine/run-files.js';
import type { FileResult, RunResult } from '../engine/types.js';
import { discover, NoMatchError, type DiscoveredFile } from '../io/discover.js';
import { decodeText, ReadError } from '../io/read-text.js';
import { formatDiff } from '../report/diff.js';
import { countRun, formatReport, formatSummary, shouldUseColor, type ReportFormat } from '../report/index.js';
import { parseCliArgs, type CliArgs } from './args.js';
import { exitCodeFor } from './exit-code.js';
import { HELP } from './help.js';
import type { CliIO } from './io.js';
import { readStream, writeAll } from './read-stream.js';
import { UsageError } from './usage-error.js';
import { packageVersion } from './version.js';
import { UnknownKubernetesVersionError } from '../validate/index.js';

/** Runs privreg-fix with the given process edges; resolves to the exit code. */
export async function main(io: CliIO): Promise<number> {
  try {
    if (io.argv[0] === 'create') {
      const { runCreate } = await import('../create/index.js');
      return await runCreate(io.argv.slice(1), io);
    }
    const args = parseCliArgs(io.argv);
    if (args.help) return await done(io.stdout, HELP, 0);
    if (args.version) return await done(io.stdout, `${packageVersion()}\n`, 0);
    return await runMain(args, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof NoMatchError || e instanceof ConfigError || e instanceof UnknownKubernetesVersionError) {
      await writeAll(io.stderr, `privreg-fix: ${e.message}\n${e instanceof ConfigError ? '' : "Run 'privreg-fix --help' for usage.\n"}`);
      return 2;
    }
    throw e;
  }
}

async function done(stream: NodeJS.WritableStream, text: string, code: number): Promise<number> {
  await writeAll(stream, text);
  return code;
}

async function loadConfigFor(args: CliArgs, cwd: string): Promise<ConfigFile | undefined> {
  if (args.noConfig) return undefined;
  if (args.config) return loadConfig(path.resolve(cwd, args.config));
  const found = await findConfigFile(cwd);
  return found ? loadConfig(found) : undefined;
}

/** Run-wide settings: the config file's, overridden by flags. */
function runSettings(args: CliArgs, config: ConfigFile | undefined, cwd: string): RunSettings {
  const s = configRunSettings(config);
  if (args.validate !== undefined) s.validate = args.validate;
  if (args.kubernetesVersion !== undefined) s.kubernetesVersion = args.kubernetesVersion;
  if (args.schemaDirs.length > 0) s.schemaDirs = args.schemaDirs.map((d) => path.resolve(cwd, d));
  if (args.strictKinds !== undefined) s.strictKinds = args.strictKinds;
  if (args.maxWarnings !== undefined) s.maxWarnings = args.maxWarnings;
  if (args.format !== undefined) s.format = args.format;
  return s;
}

async function discoverFiles(args: CliArgs, config: ConfigFile | undefined, cwd: string): Promise<DiscoveredFile[]> {
  const discovery = config ? configDiscovery(config) : undefined;
  let files: DiscoveredFile[];
  if (args.paths.length === 0 && discovery?.include) {
    files = await discover(discovery.include.map((g) => path.relative(cwd, path.resolve(discovery.baseDir, g)) || '.'), cwd);
  } else {
    files = await discover(args.paths, cwd);
  }
  if (!config || !discovery || discovery.exclude.length === 0) return files;
  // Files named explicitly on the command line are always processed.
  const explicit = new Set(args.paths.map((p) => path.resolve(cwd, p)));
  return files.filter((f) => explicit.has(f.absolute) || !matchesAny(configRelativePath(config, f.absolute), discovery.exclude));
}

async function runMain(args: CliArgs, io: CliIO): Promise<number> {
  const started = performance.now();
  const config = await loadConfigFor(args, io.cwd);
  const settings = runSettings(args, config, io.cwd);
  const optionsFor = (absolute: string): ReturnType<typeof resolveFileOptions> =>
    resolveFileOptions(config, args.flags, absolute);
  const engine = await createEngine(settings);
  let results: FileResult[];
  let stdinOutput: string | undefined;
  if (args.paths[0] === '-') {
    const result = await fixStdin(io, optionsFor(path.join(io.cwd, '<stdin>')), engine);
    if (!result) return 1;
    results = [result];
    stdinOutput = result.output;
  } else {
    const files = await discoverFiles(args, config, io.cwd);
    results = await runFiles(files, (f) => optionsFor(f.absolute), engine, args.mode);
  }
  const run: RunResult = { mode: args.mode, files: results, durationMs: performance.now() - started };
  await emit(args, settings.format ?? 'text', run, io, stdinOutput);
  const failed = exitCodeFor(results, args.mode);
  const tooManyWarnings = args.mode === 'check' && settings.maxWarnings !== undefined && countRun(run).warnings > settings.maxWarnings;
  return failed || tooManyWarnings ? 1 : 0;
}

async function fixStdin(io: CliIO, options: ReturnType<typeof resolveFileOptions>, engine: RunEngine): Promise<FileResult | undefined> {
  let text: string;
  try {
    text = decodeText(await readStream(io.stdin));
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    await writeAll(io.stderr, `<stdin>: cannot read: ${e.message}\n`);
    return undefined;
  }
  engine.registerText(text);
  return fixText('<stdin>', text, options, engine);
}

/**
 * Sends results where they belong. stdout carries the primary output: the fixed manifest for
 * stdin, else the diff (diff mode) or the report. The text report goes to stderr when stdout
 * carries a manifest or a diff, so both stay pipeable; `--output` sends the report to a file and
 * keeps only the summary line on the terminal.
 */
async function emit(args: CliArgs, format: ReportFormat, run: RunResult, io: CliIO, stdinOutput: string | undefined): Promise<void> {
  const stdoutBusy = stdinOutput !== undefined || (args.mode === 'diff' && (format === 'text' || args.output !== undefined));
  if (stdinOutput !== undefined) {
    if (args.mode !== 'check') await writeAll(io.stdout, stdinOutput);
  } else if (stdoutBusy) {
    for (const r of run.files) await writeAll(io.stdout, formatDiff(r));
  }
  const reportStream = stdoutBusy ? io.stderr : io.stdout;
  if (args.output !== undefined) {
    await writeFile(path.resolve(io.cwd, args.output), formatReport(format, run, { color: false, cwd: io.cwd }));
    await writeAll(reportStream, `${formatSummary(run, { color: shouldUseColor(reportStream, io.env) })}\n`);
    return;
  }
  if (format !== 'text' && stdinOutput !== undefined) {
    await writeAll(io.stderr, formatReport(format, run, { cwd: io.cwd }));
    return;
  }
  await writeAll(reportStream, formatReport(format, run, { color: shouldUseColor(reportStream, io.env), cwd: io.cwd }));
}
