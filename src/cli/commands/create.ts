import type { CliIO } from '../../io/cli-io.js';

/** `privreg-fix create namespace|secret ...`: the objects a private registry needs (see create/). */
export async function runCreateCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { runCreate } = await import('../../create/index.js');
  return runCreate([...argv], io);
}
