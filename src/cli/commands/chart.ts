import type { CliIO } from '../../io/cli-io.js';

/** `privreg-fix chart DIR ...`: fixes a Helm chart through its values (see chart/). */
export async function runChartCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { runChart } = await import('../../chart/index.js');
  return runChart(argv, io);
}
