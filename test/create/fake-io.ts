import { execFileSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import type { CliIO } from '../../src/io/cli-io.js';
import { runCreate } from '../../src/create/index.js';

/** kubectl's path, or undefined where it is not installed (the oracle tests are then skipped). */
export const KUBECTL = ((): string | undefined => {
  try {
    return execFileSync('which', ['kubectl'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
})();

/** Obviously fake credentials used across the create tests. */
export const FAKE_PASSWORD = 'not-a-real-password';

/** What one runCreate call produced. */
export interface CreateRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options for a fake CliIO. */
export interface FakeIoOptions {
  stdin?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** Runs `privreg-fix create ARGS` against in-memory streams. */
export async function runWith(args: string[], options: FakeIoOptions = {}): Promise<CreateRun> {
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? '');
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const io: CliIO = {
    argv: ['node', 'privreg-fix', 'create', ...args],
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? { PATH: process.env['PATH'], HOME: '/nonexistent-home' },
    stdin,
    stdout,
    stderr,
  };
  const code = await runCreate(args, io);
  return { code, stdout: out, stderr: err };
}

/** Decodes the `.dockerconfigjson` of a generated Secret (YAML or JSON text) into JSON. */
export function decodeDockerConfig(secret: { data?: Record<string, string> }): unknown {
  const encoded = secret.data?.['.dockerconfigjson'];
  if (encoded === undefined) throw new Error('no .dockerconfigjson in secret');
  return JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as unknown;
}
