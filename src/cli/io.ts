// Defined below the commands (in io/) so subcommand folders need not import the CLI folder.
export type { CliIO } from '../io/cli-io.js';
