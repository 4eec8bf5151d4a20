/** The process edges a command needs; tests pass their own. */
export interface CliIO {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /**
   * Whether stdin is a pipe or a non-empty file, i.e. something was probably piped or
   * redirected in (not a terminal, `/dev/null` or a closed stdin). Absent: unknown (no).
   */
  stdinPiped?: boolean;
}
