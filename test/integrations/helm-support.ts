import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'vitest';
import { parseObjects, podSpecOf } from '../../src/api/objects.js';
import { ROOT, tempDir, writeWrapper } from './helpers.js';

/** The real Helm binaries `scripts/fetch-helm.sh` puts in `.tools/` (git-ignored). */
export const HELM_BINARIES = { 3: path.join(ROOT, '.tools/helm3/helm'), 4: path.join(ROOT, '.tools/helm4/helm') } as const;

/** The test chart: a Deployment, a CronJob, a Job with a hard-coded image, a vendored subchart. */
export const CHART_APP = 'fixtures/helm/chart-app';

/**
 * The Helm binary of a major version, or skips the test when it was not fetched; CI sets
 * PRIVREG_FIX_REQUIRE_HELM so that a missing binary fails instead. Decided inside the test.
 */
export function helmOrSkip(ctx: TestContext, major: 3 | 4): string {
  const bin = HELM_BINARIES[major];
  if (existsSync(bin)) return bin;
  if (process.env.PRIVREG_FIX_REQUIRE_HELM) throw new Error(`${bin} is missing: run scripts/fetch-helm.sh`);
  ctx.skip(`Helm ${major} was not fetched (scripts/fetch-helm.sh)`);
  return bin;
}

/** Result of one command. */
export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A directory to run Helm in as a user would: `chart/` (a copy of the test chart),
 * `node_modules/privreg-fix` (a link to this checkout, built), and a `bin/` on the PATH with
 * `helm` and `privreg-fix`. Helm's data, config and cache homes are private to it.
 */
export class HelmSandbox {
  readonly dir = tempDir();
  readonly chart = path.join(this.dir, 'chart');
  readonly env: NodeJS.ProcessEnv;

  constructor(readonly helm: string, chart = CHART_APP) {
    cpSync(path.join(ROOT, chart), this.chart, { recursive: true });
    const bin = path.join(this.dir, 'bin');
    mkdirSync(bin);
    symlinkSync(helm, path.join(bin, 'helm'));
    writeWrapper(path.join(bin, 'privreg-fix'), []);
    mkdirSync(path.join(this.dir, 'node_modules'));
    symlinkSync(ROOT, path.join(this.dir, 'node_modules/privreg-fix'));
    this.env = {
      ...process.env,
      NO_COLOR: '1',
      PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
      HELM_DATA_HOME: path.join(this.dir, '.helm/data'),
      HELM_CONFIG_HOME: path.join(this.dir, '.helm/config'),
      HELM_CACHE_HOME: path.join(this.dir, '.helm/cache'),
      PRIVREG_FIX_CACHE_DIR: path.join(this.dir, '.cache'),
    };
    delete this.env.HELM_BIN;
  }

  /** Runs a command line with `sh -c` in the sandbox (pipes and comments as in a shell). */
  sh(command: string, env: NodeJS.ProcessEnv = {}): Ran {
    const r = spawnSync('/bin/sh', ['-c', command], { cwd: this.dir, encoding: 'utf8', env: { ...this.env, ...env }, timeout: 120_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  /** Runs a program with arguments (no shell). */
  run(cmd: string, args: string[], input?: string): Ran {
    const r = spawnSync(cmd, args, { cwd: this.dir, input, encoding: 'utf8', env: this.env, timeout: 120_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  read(file: string): string {
    return readFileSync(path.join(this.dir, file), 'utf8');
  }
}

/** The commands of a README code block marked `<!-- test: NAME -->`, continuation lines joined. */
export function readmeCommands(name: string): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = new RegExp(`<!-- test: ${name} -->\\n\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(readme)?.[1];
  if (block === undefined) throw new Error(`README.md has no block "test: ${name}"`);
  return block.replace(/\\\n\s*/g, '').split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
}

/** The pod specs of rendered manifests by `Kind/name`: pull secret names and images. */
export function podSpecs(yamlText: string): Map<string, { secrets: string[]; images: string[] }> {
  const out = new Map<string, { secrets: string[]; images: string[] }>();
  for (const o of parseObjects(yamlText)) {
    const spec = podSpecOf(o);
    if (!spec) continue;
    out.set(`${o.kind}/${o.metadata?.name ?? ''}`, {
      secrets: (spec.imagePullSecrets ?? []).map((s) => s.name ?? ''),
      images: spec.containers.map((c) => c.image ?? ''),
    });
  }
  return out;
}
