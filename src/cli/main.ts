import { ConfigError } from '../config/errors.js';
import { UsageError } from '../core/errors.js';
import type { CliIO } from '../io/cli-io.js';
import { NoMatchError } from '../io/discover.js';
import { writeAll } from '../io/read-stream.js';
import { SchemaPathError } from '../validate/errors.js';
import { UnknownKubernetesVersionError } from '../validate/schema-store.js';
import { runFix } from './commands/fix.js';
import { tuneHeap } from './heap.js';

type Command = (argv: readonly string[], io: CliIO) => Promise<number>;

/**
 * The subcommands, one file each under `commands/`, loaded only when used (a pre-commit run of
 * the main command loads none of them). A word that is not a subcommand starts the main command.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  create: async () => (await import('./commands/create.js')).runCreateCommand,
  images: async () => (await import('./commands/images.js')).runImagesCommand,
  chart: async () => (await import('./commands/chart.js')).runChartCommand,
  'post-render': async () => (await import('./commands/post-render.js')).runPostRender,
  fn: async () => (await import('./commands/fn.js')).runFn,
};

/**
 * Runs privreg-fix with the given process edges; resolves to the exit code. The heap is tuned
 * (see `tuneHeap`) for a subcommand at once, for the main command when it makes its engine.
 */
export async function main(io: CliIO): Promise<number> {
  try {
    const word = io.argv[0];
    const load = word !== undefined && Object.hasOwn(COMMANDS, word) ? COMMANDS[word] : undefined;
    if (load) {
      await tuneHeap();
      return await (await load())(io.argv.slice(1), io);
    }
    return await runFix(io.argv, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof NoMatchError || e instanceof ConfigError || e instanceof UnknownKubernetesVersionError
      || e instanceof SchemaPathError) {
      await writeAll(io.stderr, `privreg-fix: ${e.message}\n${e instanceof ConfigError ? '' : "Run 'privreg-fix --help' for usage.\n"}`);
      return 2;
    }
    throw e;
  }
}
