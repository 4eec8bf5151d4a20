import type { CliIO } from '../../io/cli-io.js';

/** `privreg-fix images [--verify] ...`: the image plan, checked against the registry (see images/). */
export async function runImagesCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { runImages } = await import('../../images/index.js');
  return runImages([...argv], io);
}
