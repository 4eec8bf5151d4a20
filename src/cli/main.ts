import { defaultFixOptions, type FixOptions } from '../engine/options.js';
import { fixText, type Engine } from '../engine/fix-text.js';
import { runFiles } from '../engine/run-files.js';
import type { FileResult } from '../engine/types.js';
import { discover, NoMatchError } from '../io/discover.js';
import { decodeText, ReadError } from '../io/read-text.js';
import { KindRegistry } from '../kinds/registry.js';
import { formatDiff } from '../report/diff.js';
import { defaultRules } from '../rules/index.js';
import { parseCliArgs, type CliArgs } from './args.js';
import { exitCodeFor } from './exit-code.js';
import { HELP } from './help.js';
import type { CliIO } from './io.js';
import { readStream, writeAll } from './read-stream.js';
import { UsageError } from './usage-error.js';
import { packageVersion } from './version.js';

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
    if (e instanceof UsageError || e instanceof NoMatchError) {
      await writeAll(io.stderr, `privreg-fix: ${e.message}\nRun 'privreg-fix --help' for usage.\n`);
      return 2;
    }
    throw e;
  }
}

async function done(stream: NodeJS.WritableStream, text: string, code: number): Promise<number> {
  await writeAll(stream, text);
  return code;
}

function optionsFrom(args: CliArgs): FixOptions {
  const o = defaultFixOptions();
  if (args.namespace !== undefined) o.namespace = args.namespace;
  o.pullSecrets = [...args.pullSecrets];
  return Object.freeze(o);
}

async function runMain(args: CliArgs, io: CliIO): Promise<number> {
  const options = optionsFrom(args);
  const engine: Engine = { rules: defaultRules(), kinds: new KindRegistry() };
  if (args.paths[0] === '-') return runStdin(args, io, options, engine);
  const files = await discover(args.paths, io.cwd);
  const results = await runFiles(files, () => options, engine, args.mode);
  if (args.mode === 'diff') {
    for (const r of results) await writeAll(io.stdout, formatDiff(r));
  }
  await writeAll(args.mode === 'diff' ? io.stderr : io.stdout, formatFindings(results, args.mode));
  return exitCodeFor(results, args.mode);
}

async function runStdin(args: CliArgs, io: CliIO, options: FixOptions, engine: Engine): Promise<number> {
  let text: string;
  try {
    text = decodeText(await readStream(io.stdin));
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    await writeAll(io.stderr, `<stdin>: cannot read: ${e.message}\n`);
    return 1;
  }
  const result = fixText('<stdin>', text, options, engine);
  if (args.mode !== 'check') await writeAll(io.stdout, result.output);
  await writeAll(io.stderr, formatFindings([result], args.mode));
  return exitCodeFor([result], args.mode);
}

/** Temporary plain reporter; replaced by report/text.ts. */
function formatFindings(results: readonly FileResult[], mode: string): string {
  let out = '';
  for (const r of results) {
    for (const f of r.findings) {
      out += `${r.path}:${f.startPos.line}:${f.startPos.column}: ${f.severity} ${f.message} [${f.ruleId}]\n`;
    }
  }
  const changed = results.filter((r) => r.output !== r.source).length;
  out += `${results.length} files scanned, ${changed} ${mode === 'write' ? 'fixed' : 'would be fixed'}\n`;
  return out;
}
