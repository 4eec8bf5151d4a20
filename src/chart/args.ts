import { parseArgs } from 'node:util';
import { explainInvalidRegistryTarget, parseRegistryMapFlags } from '../image/index.js';
import { REPORT_FORMATS, type ReportFormat } from '../core/options.js';

/** The process edges chart mode uses (the CLI's, structurally). */
export interface ChartIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** A mistake on the command line of `privreg-fix chart` (exit code 2). */
export class ChartUsageError extends Error {}

/** `privreg-fix chart` arguments, parsed and checked. */
export interface ChartArgs {
  dir: string;
  values: string[];
  namespace?: string;
  pullSecrets?: string[];
  registry?: string;
  registryMap?: Record<string, string>;
  mode: 'diff' | 'write' | 'check';
  helm?: string;
  format?: ReportFormat;
  output?: string;
  config?: string;
  noConfig: boolean;
  help: boolean;
}

const OPTIONS = {
  values: { type: 'string', short: 'f', multiple: true },
  namespace: { type: 'string', short: 'n' },
  'pull-secret': { type: 'string', short: 's', multiple: true },
  registry: { type: 'string' },
  'registry-map': { type: 'string', multiple: true },
  write: { type: 'boolean', short: 'w' },
  check: { type: 'boolean' },
  helm: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function registryMap(entries: readonly string[]): Record<string, string> {
  const parsed = parseRegistryMapFlags(entries);
  if ('error' in parsed) throw new ChartUsageError(parsed.error);
  return parsed.map;
}

/** Parses the words after `chart`; throws ChartUsageError. */
export function parseChartArgs(argv: readonly string[]): ChartArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new ChartUsageError((e as Error).message);
  }
  const v = parsed.values;
  const help = v.help ?? false;
  if (!help && parsed.positionals.length !== 1) throw new ChartUsageError('chart takes one chart directory');
  if (v.write && v.check) throw new ChartUsageError('--write and --check cannot be used together');
  if (v.config !== undefined && v['no-config']) throw new ChartUsageError('--config and --no-config cannot be used together');
  const args: ChartArgs = {
    dir: parsed.positionals[0] ?? '.',
    values: v.values ?? [],
    mode: v.write ? 'write' : v.check ? 'check' : 'diff',
    noConfig: v['no-config'] ?? false,
    help,
  };
  if (v.namespace !== undefined) args.namespace = v.namespace;
  if (v['pull-secret']) args.pullSecrets = v['pull-secret'];
  if (v.registry !== undefined) {
    const why = explainInvalidRegistryTarget(v.registry);
    if (why) throw new ChartUsageError(`--registry "${v.registry}": ${why}`);
    args.registry = v.registry;
  }
  if (v['registry-map']) args.registryMap = registryMap(v['registry-map']);
  if (v.helm !== undefined) args.helm = v.helm;
  if (v.format !== undefined) {
    if (!(REPORT_FORMATS as readonly string[]).includes(v.format)) throw new ChartUsageError(`--format takes one of ${REPORT_FORMATS.join(', ')}, not "${v.format}"`);
    args.format = v.format as ReportFormat;
  }
  if (v.output !== undefined) args.output = v.output;
  if (v.config !== undefined) args.config = v.config;
  return args;
}

/** `privreg-fix chart --help`. */
export const CHART_HELP = `Usage: privreg-fix chart DIR [options]

Fixes a Helm chart's values rather than its output: renders the chart with your Helm, finds the
values that control pull secrets and image registries (imagePullSecrets, global.imagePullSecrets,
image.registry, image.repository, global.imageRegistry, per component *.image.*, subcharts' values
under their name), proves each by rendering with it set, and proposes them as a diff of
values.yaml (or of the last --values file). Templates are never edited: pod specs no value
reaches are errors naming the template, with what to add to it.

  -f, --values FILE          values files to render with, as helm -f (repeatable); the last one is edited
  -n, --namespace NS         render with helm --namespace NS
  -s, --pull-secret NAME     pull secret every pod spec must list (repeatable)
      --registry HOST[/PFX]  registry every image must come from
      --registry-map SRC=DST move images of another registry too (repeatable)
  -w, --write                edit the values file in place, then render again and verify
      --check                change nothing; exit 1 if values need changing or a pod spec is out of reach
      --helm PATH            the Helm binary (default: $HELM_BIN, else helm on the PATH)
      --format FMT           report format: text (default), json, sarif, github
  -o, --output FILE          write the report to FILE
  -c, --config FILE          config file (default: .privreg-fix.yaml found from the working directory)
      --no-config            use no config file

  privreg-fix chart ./charts/web -s regcred --registry reg.example.com          # show the diff
  privreg-fix chart ./charts/web -s regcred --registry reg.example.com --write  # edit values.yaml

Exit codes: 0 nothing left to do (or all done with --write); 1 a pod spec no value reaches, the
chart does not render, or (--check) values need changing; 2 usage error, no Helm.
`;
