import path from 'node:path';
import { ConfigError } from '../config/errors.js';
import { findConfigFile } from '../config/find.js';
import { loadConfig } from '../config/load.js';
import { configRunSettings, resolveFileOptions } from '../config/resolve.js';
import { createEngine } from '../engine/create-engine.js';
import type { FixOptions } from '../core/options.js';
import { runFiles } from '../run/run-files.js';
import { NoMatchError } from '../io/discover.js';
import { discoverManifests } from '../run/discover-manifests.js';
import { CommandError, UsageError } from '../core/errors.js';

/** What `--for PATHS` found: the namespaces, and how many files could not be read or parsed. */
export interface ForPathsResult {
  /** Sorted; `''` for pods without a namespace (and no `-n`/config namespace for them). */
  namespaces: string[];
  files: number;
  skipped: number;
}

/**
 * The namespaces a run of privreg-fix over `paths` reports for the pull secret `name` (see
 * `FileResult.pullSecretNamespaces`): options as the main command resolves them (the config
 * file found from `cwd`, `namespace` over its namespace), with `name` among the pull secrets
 * unless the options already ask for it (by name, or through `registries`). Nothing is written
 * and nothing validated.
 */
export async function namespacesFor(name: string, paths: readonly string[], cwd: string, namespace: string | undefined): Promise<ForPathsResult> {
  try {
    const found = await findConfigFile(cwd);
    const config = found ? await loadConfig(found) : undefined;
    const settings = { ...configRunSettings(config), validate: false };
    const flags = namespace === undefined ? {} : { namespace };
    const optionsFor = (absolute: string): FixOptions => {
      const options = resolveFileOptions(config, flags, absolute);
      if (options.pullSecrets.includes(name) || Object.values(options.registries).includes(name)) return options;
      return { ...options, pullSecrets: [...options.pullSecrets, name] };
    };
    const engine = await createEngine(settings);
    const files = await discoverManifests(paths, cwd, config);
    const namespaces = new Set<string>();
    let skipped = 0;
    for await (const r of runFiles(files, (f) => optionsFor(f.absolute), engine, 'check', { keepTexts: false })) {
      if (r.skipped) skipped++;
      for (const ns of r.pullSecretNamespaces?.[name] ?? []) namespaces.add(ns);
    }
    return { namespaces: [...namespaces].sort(), files: files.length, skipped };
  } catch (e) {
    if (e instanceof NoMatchError) throw new UsageError(`--for: ${e.message}`);
    if (e instanceof ConfigError) throw new CommandError(`--for: ${e.message}`, 2);
    throw e;
  }
}

/** `a, b` for messages, naming the namespace kubectl applies to for `''`. */
export function describeNamespaces(namespaces: readonly string[]): string {
  return namespaces.map((ns) => (ns === '' ? '(none: the namespace kubectl applies to)' : ns)).join(', ');
}

/** Resolves paths as the main command does, for messages. */
export function shownPaths(paths: readonly string[], cwd: string): string {
  return paths.map((p) => path.relative(cwd, path.resolve(cwd, p)) || '.').join(' ');
}
