/**
 * Decides whether output to `stream` gets ANSI colours: `NO_COLOR` (any non-empty value,
 * see no-color.org) turns them off, `FORCE_COLOR` turns them on (`0` or `false` off), otherwise
 * only a TTY gets colours. `NO_COLOR` wins over `FORCE_COLOR`: it is the user's explicit wish.
 */
export function shouldUseColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return stream.isTTY === true;
}
