import type { CliIO } from '../io/cli-io.js';
import { CommandError, UsageError } from '../core/errors.js';
import { describeNamespaces, namespacesFor, shownPaths } from './for-paths.js';
import { checkNamespaceName, serializeManifest, type ManifestFormat } from './manifest.js';

/** The flags that choose the namespaces of the Secrets. */
export interface TargetFlags {
  namespace?: string | undefined;
  namespaces?: string[] | undefined;
  for?: string[] | undefined;
}

/**
 * The namespace of each Secret to print, in order (`undefined`: no namespace, as kubectl without
 * `-n`): `-n NS` alone, one; `--namespaces a,b` (comma-separated, repeatable), those; `--for
 * PATHS` (repeatable), the namespaces whose pods use the secret in a run over PATHS, where `-n`
 * is the namespace of objects that have none (as for the main command). `--namespaces` and
 * `--for` add up; `-n` with `--namespaces` alone is ambiguous.
 */
export async function targetNamespaces(name: string, flags: TargetFlags, io: CliIO): Promise<(string | undefined)[]> {
  if (flags.namespace !== undefined) checkNamespaceName(flags.namespace, '--namespace');
  if (flags.namespaces === undefined && flags.for === undefined) return [flags.namespace];
  if (flags.namespace !== undefined && flags.for === undefined) {
    throw new UsageError('-n/--namespace and --namespaces cannot be used together: list every namespace in --namespaces');
  }
  const out: string[] = [];
  for (const entry of (flags.namespaces ?? []).flatMap((list) => list.split(','))) {
    const ns = entry.trim();
    if (ns === '') throw new UsageError('--namespaces takes a comma-separated list of namespace names, with no empty entry');
    checkNamespaceName(ns, '--namespaces entry');
    if (!out.includes(ns)) out.push(ns);
  }
  if (flags.for !== undefined) {
    const found = await namespacesFor(name, flags.for, io.cwd, flags.namespace);
    const where = shownPaths(flags.for, io.cwd);
    if (found.namespaces.length === 0) {
      throw new CommandError(`--for: no pod in ${where} (${found.files} file${found.files === 1 ? '' : 's'}${found.skipped > 0 ? `, ${found.skipped} not readable as manifests` : ''}) would use pull secret "${name}"`);
    }
    io.stderr.write(`--for ${where}: pods use "${name}" in ${describeNamespaces(found.namespaces)}${found.skipped > 0 ? ` (${found.skipped} file${found.skipped === 1 ? '' : 's'} skipped: run privreg-fix --check ${where} to see why)` : ''}\n`);
    for (const ns of found.namespaces) if (!out.includes(ns)) out.push(ns);
  }
  return out.map((ns) => (ns === '' ? undefined : ns));
}

/**
 * Serializes one or several Secrets: YAML documents separated by `---` (each the same text as
 * a single Secret; `comment` heads the first), or, in JSON, a single object or a `v1` `List`
 * of them (what `kubectl get -o json` prints for several objects).
 */
export function serializeSecrets(secrets: readonly object[], format: ManifestFormat, comment?: string): string {
  if (secrets.length === 1) return serializeManifest(secrets[0] as object, format, comment);
  if (format === 'json') return serializeManifest({ apiVersion: 'v1', kind: 'List', items: secrets }, 'json');
  return secrets.map((s, i) => serializeManifest(s, 'yaml', i === 0 ? comment : undefined)).join('---\n');
}
