import { performance } from 'node:perf_hooks';
import { runSucceeded } from '../core/outcome.js';
import { createEngine } from '../engine/create-engine.js';
import { runFiles, type RunMode } from '../run/run-files.js';
import type { FileResult, RunResult } from '../core/types.js';
import { discoverManifests } from '../run/discover-manifests.js';
import { countRun, type RunCounts } from '../report/index.js';
import { resolveRun, type PrivregFixOptions } from './options.js';

export { discoverManifests };

/** Options of `fixFiles`. */
export interface FixFilesOptions extends PrivregFixOptions {
  /** Write fixed files back (atomically). Default false: nothing is written. */
  write?: boolean;
}

/** Options of `check`. */
export interface CheckOptions extends PrivregFixOptions {
  /** Fail when there are more warnings than this (default: unlimited, or the config's). */
  maxWarnings?: number;
}

/** What `check` found. */
export interface CheckResult {
  /** True when no file needs a change and no error was found (the CLI's `--check` exit 0). */
  ok: boolean;
  /** One result per file, in path order. */
  results: FileResult[];
  /** The whole run, ready for `formatReport`. */
  run: RunResult;
  counts: RunCounts;
}

async function runMode(paths: string | readonly string[], options: PrivregFixOptions, mode: RunMode): Promise<{ run: RunResult; maxWarnings: number | undefined }> {
  const started = performance.now();
  const resolved = await resolveRun(options);
  const engine = await createEngine(resolved.settings);
  const files = await discoverManifests(typeof paths === 'string' ? [paths] : paths, resolved.cwd, resolved.config);
  const results: FileResult[] = [];
  for await (const r of runFiles(files, (f) => resolved.optionsFor(f.absolute), engine, mode)) results.push(r);
  return { run: { mode, files: results, durationMs: performance.now() - started }, maxWarnings: resolved.settings.maxWarnings };
}

/**
 * Fixes manifest files: without `write` it only computes each file's fixed text (`output`);
 * with `write: true` changed files are written back. Throws `NoMatchError` for a path that
 * matches nothing, `ConfigError` for invalid options or config, and `SchemaPathError` for a
 * schema path (`schemaDirs`) that is missing or does not parse.
 */
export async function fixFiles(paths: string | readonly string[], options: FixFilesOptions = {}): Promise<RunResult> {
  const { write, ...rest } = options;
  return (await runMode(paths, rest, write ? 'write' : 'diff')).run;
}

/** Checks manifest files without changing anything, like `privreg-fix --check`. */
export async function check(paths: string | readonly string[], options: CheckOptions = {}): Promise<CheckResult> {
  const { maxWarnings, ...rest } = options;
  const { run, maxWarnings: configured } = await runMode(paths, rest, 'check');
  const counts = countRun(run);
  const limit = maxWarnings ?? configured;
  const ok = runSucceeded(run.files, 'check', limit);
  return { ok, results: run.files, run, counts };
}
