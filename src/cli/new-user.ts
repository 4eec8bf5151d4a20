import type { CliArgs } from './args.js';

/**
 * Whether a run was asked nothing: no `--namespace`, `--pull-secret` or `--registry`, no config
 * file, and not `--validate` (which asks for schema validation alone). Such a run would find
 * nothing to fix and `--check` would pass whatever the files say: a usage error, as eslint
 * refuses to run without a configuration.
 */
export function nothingAsked(args: CliArgs): boolean {
  const { namespace, pullSecrets, registry } = args.flags;
  return namespace === undefined && (pullSecrets ?? []).length === 0 && registry === undefined && args.validate !== true;
}

/** The usage error of a run asked nothing. */
export function nothingAskedMessage(args: CliArgs): string {
  const config = args.noConfig ? '--no-config turns the config file off' : 'no .privreg-fix.yaml was found (from here up to the repository root)';
  return `nothing to do: no --namespace, --pull-secret or --registry given, and ${config}; `
    + 'give at least one of them (or a config file), or --validate to only validate the manifests';
}

/**
 * The warning for `cat app.yaml | privreg-fix -n x -s y`: without a path privreg-fix scans the
 * current directory (as in CI and git hooks, where stdin may be anything), never stdin.
 */
export const STDIN_IGNORED = "privreg-fix: warning: stdin is a pipe or a file but no path was given, so stdin is ignored and the current directory is scanned; pass '-' to fix the manifests on stdin (privreg-fix [options] - < app.yaml)\n";
