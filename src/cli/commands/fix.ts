import { writeFile } from 'node:fs/promises';
import path from 'node:path';
// Config modules are imported one by one: loading a config file (and ajv, which checks it) is
// lazy, so a run without one starts faster (pre-commit hooks).
import { findConfigFile } from '../../config/find.js';
import { configRunSettings, fileOptionsResolver, type RunSettings } from '../../config/resolve.js';
import type { ConfigFile } from '../../config/types.js';
import type { FixOptions } from '../../core/options.js';
import type { Engine } from '../../engine/fix-text.js';
import { ResultCache } from '../../run/result-cache.js';
import { runFiles, type LazyEngine } from '../../run/run-files.js';
import { checkKubernetesVersion } from '../../validate/schema-store.js';
import { moduleStamp } from '../../io/private-file.js';
import type { FileResult, RunResult } from '../../core/types.js';
import type { DiscoveredFile } from '../../io/discover.js';
import { discoverManifests } from '../../run/discover-manifests.js';
import { decodeText, ReadError } from '../../io/read-text.js';
// The report's modules one by one: the text report streamed here needs neither the JSON nor the
// SARIF format (SARIF names every rule: it loads them all), loaded for a whole report only.
import { shouldUseColor } from '../../report/color.js';
import { countsOnly } from '../../report/counts.js';
import { formatRunSummary, formatSummaryFacts, summaryFacts } from '../../report/secret-namespaces.js';
import { formatText } from '../../report/text.js';
import type { ReportFormat } from '../../core/options.js';
import { parseCliArgs, type CliArgs } from '../args.js';
import { cacheFile } from '../cache-location.js';
import { mayRecord, RECORDED_REPORT_LIMIT, recordedReportOf } from '../recorded-report.js';
import { exitCodeFor } from '../../core/outcome.js';
import { HELP } from '../help.js';
import type { CliIO } from '../../io/cli-io.js';
import { readStream, writeAll } from '../../io/read-stream.js';
import { nothingAsked, nothingAskedMessage, STDIN_IGNORED } from '../new-user.js';
import { UsageError } from '../../core/errors.js';
import { packageVersion } from '../version.js';
import { tuneHeap } from '../heap.js';

/** Milliseconds since some start: `node:perf_hooks` (`performance.now`) costs a short run ~2 ms to load. */
const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** `--jobs` is accepted for existing scripts; worker threads did not pay (docs/PERFORMANCE.md). */
const JOBS_IGNORED = 'privreg-fix: --jobs has no effect: files are processed on one thread, which measured as fast (see docs/PERFORMANCE.md)\n';

/**
 * The main command: `privreg-fix [options] [paths...]` (check, diff or write). Usage, config and
 * schema-path errors are thrown; `main` reports them with exit code 2.
 */
export async function runFix(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseCliArgs(argv);
  if (args.help) return await done(io.stdout, HELP, 0);
  if (args.version) return await done(io.stdout, `${packageVersion()}\n`, 0);
  return await runMain(args, io);
}

async function done(stream: NodeJS.WritableStream, text: string, code: number): Promise<number> {
  await writeAll(stream, text);
  return code;
}

async function loadConfigFor(args: CliArgs, cwd: string): Promise<ConfigFile | undefined> {
  if (args.noConfig) return undefined;
  const file = args.config ? path.resolve(cwd, args.config) : await findConfigFile(cwd);
  if (!file) return undefined;
  const { loadConfig } = await import('../../config/load.js');
  return loadConfig(file);
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

async function runMain(args: CliArgs, io: CliIO): Promise<number> {
  const started = now();
  const config = await loadConfigFor(args, io.cwd);
  if (!config && nothingAsked(args)) throw new UsageError(nothingAskedMessage(args));
  if (args.paths.length === 0 && io.stdinPiped) await writeAll(io.stderr, STDIN_IGNORED);
  for (const [flag, given] of [['--cache-location', args.cacheLocation], ['--cache-strategy', args.cacheStrategy]] as const) {
    if (given !== undefined && !args.cache) await writeAll(io.stderr, `privreg-fix: ${flag} has no effect without --cache\n`);
  }
  if (args.jobs !== undefined) await writeAll(io.stderr, JOBS_IGNORED);
  const settings = runSettings(args, config, io.cwd);
  const format = settings.format ?? 'text';
  // Asked several times per file in a run (pre-pass, cache keys, fixing): resolved once per
  // set of matching overrides.
  const optionsFor = fileOptionsResolver(config, args.flags);
  // The engine (and with it the YAML parser, the rules, the validator) is loaded when needed:
  // with --cache, on the first file to read or fix, so that a fully cached run loads none of it.
  const loadEngine = async (): Promise<Engine> => {
    await tuneHeap();
    return (await import('../../engine/create-engine.js')).createEngine(settings);
  };
  if (args.paths[0] === '-') {
    const result = await fixStdin(io, optionsFor(path.join(io.cwd, '<stdin>')), await loadEngine());
    if (!result) return 1;
    const run: RunResult = { mode: args.mode, files: [result], durationMs: now() - started };
    if (args.mode !== 'check') await writeAll(io.stdout, result.output);
    await emitReport(args, format, run, io, io.stderr);
    return exitCodeFor(run.files, args.mode, settings.maxWarnings);
  }
  const lazy = args.cache && settings.schemaDirs.length === 0;
  // A usage error before anything runs, as when the engine is made at once.
  if (lazy) checkKubernetesVersion(settings.kubernetesVersion);
  const engine = lazy ? { load: loadEngine, notValidatedNotes: settings.validate && !settings.strictKinds } : await loadEngine();
  const files = await discoverManifests(args.paths, io.cwd, config);
  return await streamFiles(args, format, files, (f) => optionsFor(f.absolute), engine, io, started, settings);
}

/** Characters of findings written at once (see `streamFiles`). */
const REPORT_PIECE = 64 * 1024;

/**
 * Processes files, prints as it goes and gives the exit code. stdout carries the primary output:
 * the diff in diff mode, else the report; the text report goes to stderr when stdout carries a
 * diff, so both stay pipeable. In text format findings are printed as the run goes (in pieces,
 * see `REPORT_PIECE`) and each file's texts are released, so memory stays flat on large trees;
 * JSON, SARIF and GitHub output, and `--output`, are written at the end. With `--cache`, a text
 * report streamed alone is recorded (see `ResultCache.record`): a run over the same unchanged
 * tree prints it again (with its own time) and does nothing else.
 */
async function streamFiles(
  args: CliArgs, format: ReportFormat, files: DiscoveredFile[],
  optionsFor: (f: DiscoveredFile) => FixOptions, engine: Engine | LazyEngine, io: CliIO, started: number,
  settings: RunSettings,
): Promise<number> {
  const diffs = args.mode === 'diff' && (format === 'text' || args.output !== undefined);
  const reportStream = diffs ? io.stderr : io.stdout;
  const streaming = format === 'text' && args.output === undefined;
  const color = shouldUseColor(reportStream, io.env);
  const results: FileResult[] = [];
  // The diff library is loaded only when diffs are printed.
  const formatDiff = diffs ? (await import('../../report/diff.js')).formatDiff : undefined;
  let blocks = 0;
  const keepTexts = diffs || !streaming;
  // The build: this module's file (the whole bundle, once bundled) and the version.
  const cache = args.cache ? new ResultCache(cacheFile(args.cacheLocation, io.cwd, io.env), {
    build: `${packageVersion()}|${moduleStamp(import.meta.url)}`, settings, ...(args.cacheStrategy && { strategy: args.cacheStrategy }),
    ...(settings.schemaDirs.length > 0 && { readSchemaDirs: (await import('../../validate/schema-dir.js')).readSchemaDirs }),
  }) : undefined;
  const how = { keepTexts, ...(cache && { cache }) };
  // What else the recorded report depends on (the files, their options, the mode and settings are the cache's part).
  const view = cache && streaming && !diffs ? JSON.stringify(['text', color, settings.maxWarnings ?? null]) : undefined;
  const record = cache && view !== undefined ? cache.replay(files, optionsFor, args.mode, view) : undefined;
  const replayed = recordedReportOf(record?.report);
  if (record && replayed) {
    const summary = formatSummaryFacts(replayed.summary, now() - started, { color });
    await writeAll(reportStream, `${record.text}${summary}\n`);
    return replayed.exitCode;
  }
  let recorded: string[] | undefined = view === undefined ? undefined : [];
  let recordedChars = 0;
  // Findings are written in pieces of some size (a write per file costs a system call each);
  // with diffs, at once, so that each file's findings follow its diff on a shared terminal.
  let pending = '';
  const flush = async (): Promise<void> => {
    if (pending !== '') await writeAll(reportStream, pending);
    pending = '';
  };
  for await (const r of runFiles(files, optionsFor, engine, args.mode, how)) {
    if (formatDiff) await writeAll(io.stdout, formatDiff(r));
    if (streaming) {
      const block = formatText({ mode: args.mode, files: [r], durationMs: 0 }, { color });
      if (block) {
        const piece = `${blocks++ > 0 ? '\n' : ''}${block}\n`;
        pending += piece;
        recordedChars += piece.length;
        if (recordedChars > RECORDED_REPORT_LIMIT) recorded = undefined;
        recorded?.push(piece);
      }
      if (formatDiff || pending.length >= REPORT_PIECE) await flush();
      results.push(countsOnly(r));
    } else {
      results.push(r);
    }
  }
  await flush();
  const run: RunResult = { mode: args.mode, files: results, durationMs: now() - started };
  const exitCode = exitCodeFor(results, args.mode, settings.maxWarnings);
  if (!streaming) {
    await emitReport(args, format, run, io, reportStream);
    return exitCode;
  }
  const facts = summaryFacts(run);
  const body = `${recorded?.join('') ?? ''}${blocks > 0 ? '\n' : ''}`;
  await writeAll(reportStream, `${blocks > 0 ? '\n' : ''}${formatSummaryFacts(facts, run.durationMs, { color })}\n`);
  if (cache && view !== undefined && recorded && mayRecord(facts)) {
    cache.record(files, optionsFor, args.mode, view, { report: { summary: facts, exitCode }, text: body });
  }
  return exitCode;
}

/** Writes a whole report: to `--output` (with the summary line on the terminal) or to `stream`. */
async function emitReport(args: CliArgs, format: ReportFormat, run: RunResult, io: CliIO, stream: CliIO['stdout']): Promise<void> {
  const { formatReport } = await import('../../report/index.js');
  if (args.output !== undefined) {
    await writeFile(path.resolve(io.cwd, args.output), formatReport(format, run, { color: false, cwd: io.cwd }));
    await writeAll(stream, `${formatRunSummary(run, { color: shouldUseColor(stream, io.env) })}\n`);
    return;
  }
  await writeAll(stream, formatReport(format, run, { color: shouldUseColor(stream, io.env), cwd: io.cwd }));
}

async function fixStdin(io: CliIO, options: FixOptions, engine: Engine): Promise<FileResult | undefined> {
  let text: string;
  try {
    text = decodeText(await readStream(io.stdin));
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    await writeAll(io.stderr, `<stdin>: cannot read: ${e.message}\n`);
    return undefined;
  }
  const { fixStandaloneText } = await import('../../engine/fix-text.js');
  return fixStandaloneText('<stdin>', text, options, engine);
}
