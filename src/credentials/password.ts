import { CommandError, UsageError } from '../core/errors.js';

/**
 * Reads a password from stdin to EOF and strips one trailing newline (`\n`, then `\r`),
 * the way `docker login --password-stdin` does, so `printf` and `echo` both work.
 */
export async function readPasswordFromStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  }
  let text = Buffer.concat(chunks).toString('utf8');
  if (text.endsWith('\n')) text = text.slice(0, -1);
  if (text.endsWith('\r')) text = text.slice(0, -1);
  if (text === '') throw new CommandError('--password-stdin: stdin was empty; pipe the password in, e.g. from your password manager');
  return text;
}

/**
 * How to name the variable in a message. Someone who typed the password itself after
 * `--password-env` must not see it echoed, so only conventional UPPER_CASE names are shown.
 */
function describeVariable(name: string): string {
  return /^[A-Z_][A-Z0-9_]{0,63}$/.test(name) ? `environment variable ${name}` : 'the environment variable named by --password-env';
}

/** Reads a password from the environment variable `name` (its value is never shown). */
export function readPasswordFromEnv(env: NodeJS.ProcessEnv, name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new UsageError('--password-env takes the NAME of an environment variable (letters, digits, _), not the password itself');
  }
  const value = env[name];
  if (value === undefined) throw new CommandError(`--password-env: ${describeVariable(name)} is not set`);
  if (value === '') throw new CommandError(`--password-env: ${describeVariable(name)} is empty`);
  return value;
}
