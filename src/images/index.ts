import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ConfigError } from '../config/errors.js';
import { findConfigFile } from '../config/find.js';
import type { ConfigFile } from '../config/types.js';
import { CommandError } from '../core/errors.js';
import type { CliIO } from '../io/cli-io.js';
import { NoMatchError } from '../io/discover.js';
import { discoverManifests } from '../run/discover-manifests.js';
import { createHttp } from '../registry/http.js';
import { RegistryClient } from '../registry/client.js';
import { CredentialsError } from '../registry/logins.js';
import { defaultRetryPolicy } from '../registry/retry.js';
import { formatDuration, formatReport, shouldUseColor } from '../report/index.js';
import { ImagesUsageError, parseImagesArgs, type ImagesArgs } from './args.js';
import { collectImages } from './collect.js';
import { loadLogins } from './credentials.js';
import { formatCrane, formatSkopeoSync } from './format-plan.js';
import { formatInventoryJson, formatInventoryText } from './format-inventory.js';
import { IMAGES_HELP } from './help.js';
import type { Inventory } from './inventory.js';
import { trustedCas } from './tls.js';
import { verifyInventory, type VerifyOutcome } from './verify.js';

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (text === '') return Promise.resolve();
  return new Promise((resolve, reject) => stream.write(text, (e) => (e ? reject(e) : resolve())));
}

async function loadConfig(args: ImagesArgs, cwd: string): Promise<ConfigFile | undefined> {
  if (args.noConfig) return undefined;
  const file = args.config ? path.resolve(cwd, args.config) : await findConfigFile(cwd);
  if (!file) return undefined;
  const { loadConfig: load } = await import('../config/load.js');
  return load(file);
}

/** The plan formats print problems on stderr, since their stdout is fed to other tools. */
async function reportProblems(inventory: Inventory, io: CliIO): Promise<void> {
  for (const p of inventory.problems) {
    await write(io.stderr, `${p.file}${p.startPos ? `:${p.startPos.line}:${p.startPos.column}` : ''}: ${p.message}\n`);
  }
  for (const l of inventory.unresolved) {
    await write(io.stderr, `${l.file}:${l.startPos.line}:${l.startPos.column}: "${l.value}" is not a literal image reference; not in the plan\n`);
  }
}

async function verify(args: ImagesArgs, inventory: Inventory, config: ConfigFile | undefined, io: CliIO): Promise<VerifyOutcome> {
  const registry = args.flags.registry ?? config?.settings.registry;
  const logins = await loadLogins(args.credentials, registry, io);
  const ca = await trustedCas(args.registryCa.map((f) => path.resolve(io.cwd, f)), io.env);
  const env = io.env;
  const http = createHttp({
    ca,
    timeoutMs: args.timeoutMs,
    proxy: {
      http: env['http_proxy'] ?? env['HTTP_PROXY'],
      https: env['https_proxy'] ?? env['HTTPS_PROXY'],
      noProxy: env['no_proxy'] ?? env['NO_PROXY'],
    },
  });
  const insecure = new Set(args.insecureRegistries);
  const client = new RegistryClient({
    send: http.send,
    retry: { ...defaultRetryPolicy(), retries: args.retries },
    loginFor: (r, repo) => logins.loginFor(r, repo),
    insecure: (r) => insecure.has(r.toLowerCase()) || insecure.has(r.toLowerCase().replace(/:\d+$/, '')),
  });
  try {
    return await verifyInventory(inventory, client, args.concurrency, logins);
  } finally {
    await http.close();
  }
}

function verifySummary(outcome: VerifyOutcome, ms: number): string {
  const counts = new Map<string, number>();
  for (const r of outcome.results.values()) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const parts = ['present', 'not-found', 'auth-failed', 'unreachable'].filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s.replace('-', ' ')}`);
  return `${outcome.results.size} image(s) checked with ${outcome.queries} request(s) to ${outcome.registries} registr${outcome.registries === 1 ? 'y' : 'ies'}: ${parts.join(', ') || 'none'} in ${formatDuration(ms)}`;
}

async function run(args: ImagesArgs, io: CliIO): Promise<number> {
  const started = performance.now();
  if (args.help) {
    await write(io.stdout, IMAGES_HELP);
    return 0;
  }
  const config = await loadConfig(args, io.cwd);
  const files = await discoverManifests(args.paths, io.cwd, config).catch((e: unknown) => {
    // A word typed after --password-stdin lands among the paths: never echo it then.
    const passwordFlags = args.credentials.passwordStdin || args.credentials.passwordEnv !== undefined;
    if (e instanceof NoMatchError && passwordFlags) throw new NoMatchError('a path given matches no file (not shown: with a password flag, a stray word may be the password)');
    throw e;
  });
  const inventory = await collectImages(files, { config, flags: args.flags });
  const problems = inventory.problems.length > 0 ? 1 : 0;
  if (!args.verify) {
    if (args.format === 'text') await write(io.stdout, formatInventoryText(inventory));
    else if (args.format === 'json') await write(io.stdout, formatInventoryJson(inventory));
    else {
      await write(io.stdout, args.format === 'crane' ? formatCrane(inventory) : formatSkopeoSync(inventory));
      await reportProblems(inventory, io);
    }
    return problems;
  }
  const outcome = await verify(args, inventory, config, io);
  const failed = outcome.files.some((f) => f.findings.some((x) => x.severity === 'error')) ? 1 : 0;
  if (args.format === 'json') {
    await write(io.stdout, formatInventoryJson(inventory, outcome.results));
    return failed || problems;
  }
  const runResult = { mode: 'check' as const, files: outcome.files, durationMs: performance.now() - started };
  if (args.format === 'text') {
    const color = shouldUseColor(io.stdout, io.env);
    const body = formatReport('text', runResult, { color, summary: false });
    await write(io.stdout, `${body}${body ? '\n' : ''}${verifySummary(outcome, performance.now() - started)}\n`);
  } else {
    await write(io.stdout, formatReport(args.format === 'github' ? 'github' : 'sarif', runResult, { cwd: io.cwd }));
  }
  await reportProblems({ ...inventory, unresolved: [] }, io);
  return failed || problems;
}

/**
 * Runs `privreg-fix images ...`; `argv` are the words after `images`. Returns the exit code:
 * 0 ok, 1 an image failed verification or a file could not be read, 2 a usage error.
 * Messages never contain a credential.
 */
export async function runImages(argv: string[], io: CliIO): Promise<number> {
  try {
    return await run(parseImagesArgs(argv), io);
  } catch (e) {
    if (e instanceof ImagesUsageError || e instanceof NoMatchError || e instanceof CredentialsError || e instanceof ConfigError) {
      const hint = e instanceof ImagesUsageError ? "\nRun 'privreg-fix images --help' for usage." : '';
      await write(io.stderr, `privreg-fix images: ${e.message}${hint}\n`);
      return 2;
    }
    if (e instanceof CommandError) {
      await write(io.stderr, `privreg-fix images: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}
