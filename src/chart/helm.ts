import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Values } from './values.js';

/** Helm could not be found or run. */
export class HelmNotFoundError extends Error {}

/** What a Helm command printed, or why it failed. */
export type HelmResult = { ok: true; stdout: string } | { ok: false; error: string };

function run(bin: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<HelmResult & { notFound?: boolean }> {
  return new Promise((resolve) => {
    execFile(bin, args, { env, maxBuffer: 256 * 1024 * 1024, timeout: 300_000, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (!error) {
        resolve({ ok: true, stdout });
        return;
      }
      const code = (error as NodeJS.ErrnoException).code;
      const notFound = code === 'ENOENT' || code === 'EACCES';
      // Helm 3 warns on stderr about plugins it cannot load (Helm 4 ones); only its error matters.
      const message = stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('failed to load plugins')).join('\n');
      resolve({ ok: false, error: message || error.message, notFound });
    });
  });
}

/** A Helm binary, and a private directory for the values files chart mode layers on top. */
export class Helm {
  private scratch: Promise<string> | undefined;
  private serial = 0;

  private constructor(readonly bin: string, readonly version: string, private readonly env: NodeJS.ProcessEnv) {}

  /**
   * The user's Helm: `--helm PATH`, else `$HELM_BIN` (which Helm sets for its plugins), else
   * `helm` on the PATH. Throws HelmNotFoundError naming what was tried.
   */
  static async find(flag: string | undefined, env: NodeJS.ProcessEnv): Promise<Helm> {
    const bin = flag ?? (env.HELM_BIN || 'helm');
    const r = await run(bin, ['version', '--short'], env);
    if (!r.ok) {
      const where = flag !== undefined ? `--helm ${flag}` : env.HELM_BIN ? `$HELM_BIN (${env.HELM_BIN})` : '"helm" on the PATH';
      throw new HelmNotFoundError(r.notFound
        ? `Helm not found (looked for ${where}): install Helm 3 or 4, or pass --helm PATH`
        : `${where} does not run as Helm: ${r.error}`);
    }
    return new Helm(bin, r.stdout.trim(), env);
  }

  /**
   * `helm template DIR -f FILE… [--namespace NS]`, with `overlay` (when given) as one more
   * values file, last, so that it wins.
   */
  async template(dir: string, valuesFiles: readonly string[], namespace: string | undefined, overlay?: Values): Promise<HelmResult> {
    const args = ['template', dir, ...valuesFiles.flatMap((f) => ['--values', f])];
    if (namespace !== undefined) args.push('--namespace', namespace);
    if (overlay !== undefined) {
      // One directory per run, created once even when renders start together.
      this.scratch ??= mkdtemp(path.join(tmpdir(), 'privreg-fix-chart-'));
      const file = path.join(await this.scratch, `values-${this.serial++}.json`);
      await writeFile(file, JSON.stringify(overlay), { mode: 0o600 });
      args.push('--values', file);
    }
    return run(this.bin, args, this.env);
  }

  /** Removes the scratch directory. */
  async close(): Promise<void> {
    if (this.scratch) await rm(await this.scratch, { recursive: true, force: true });
    this.scratch = undefined;
  }
}
