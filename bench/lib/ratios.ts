/**
 * The speed goals as ratios from one interleaved run: every round runs each command once, in
 * turn, so that a machine whose speed drifts between minutes slows all of them alike; each
 * figure is the median of its rounds. Commands: privreg-fix cold `--check` (one thread; the only
 * mode since worker threads were removed), warm `--cache` on an unchanged tree, `--cache` after
 * one file was edited (in a second copy of the tree with a cache of its own: the warm tree is
 * never edited, so its runs are those of a tree at rest, replayed from the record of the run), a 3-file `--check` (a pre-commit run), `node -e 0`, and kubeconform
 * `-n 1` and `-n 2` when a `kubeconform` binary is on PATH (never downloaded).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, timed } from './measure.js';

/** What the interleaved run needs. */
export interface RatioInput {
  bin: string;
  /** A writable copy of the corpus. */
  tree: string;
  /** Another copy, where `editable` is edited (see the module comment). */
  editTree: string;
  /** A file of `editTree` to edit between rounds (relative), for the one-file-edited figure. */
  editable: string | undefined;
  /** Directory holding the three small files of a pre-commit run. */
  demo: string;
  demoFiles: string[];
  fixFlags: string[];
  cacheFile: string;
  editCacheFile: string;
  rounds: number;
}

/** Whether `kubeconform` is on PATH. */
function hasKubeconform(): boolean {
  return spawnSync('kubeconform', ['-v'], { stdio: 'ignore' }).status === 0;
}

/**
 * kubeconform's arguments: `-strict -summary`, its schema location from
 * `KUBECONFORM_SCHEMA_LOCATION` (for the same Kubernetes 1.35 schemas) or its default.
 */
function kubeconformArgs(workers: number): string[] {
  const location = process.env.KUBECONFORM_SCHEMA_LOCATION;
  return ['-strict', '-summary', '-kubernetes-version', '1.35.0', '-n', String(workers), ...(location ? ['-schema-location', location] : []), '.'];
}

/** Runs the rounds and prints the ratios against the goals of issue 14. */
export function printRatios(input: RatioInput): void {
  const { bin, tree, demo, fixFlags, rounds } = input;
  const cached = ['--check', '--cache', '--cache-location', input.cacheFile];
  const editCached = ['--check', '--cache', '--cache-location', input.editCacheFile];
  const node = process.execPath;
  // Fill the result caches, untimed; a second run records the stats of the files that were
  // copied too recently for the first to trust (see `FileStamps`): a tree at rest, as a user's.
  for (const [dir, flags] of [[tree, cached], [input.editTree, editCached]] as const) {
    timed(node, [bin, ...flags, ...fixFlags, '.'], dir);
    timed(node, [bin, ...flags, ...fixFlags, '.'], dir);
  }
  let edits = 0;
  const commands: { name: string; run: () => number }[] = [
    { name: 'cold --check', run: () => timed(node, [bin, '--check', ...fixFlags, '.'], tree).ms },
    { name: 'warm --cache (unchanged tree)', run: () => timed(node, [bin, ...cached, ...fixFlags, '.'], tree).ms },
    {
      name: '--cache, one file edited',
      run: () => {
        if (input.editable === undefined) return Number.NaN;
        const file = join(input.editTree, input.editable);
        writeFileSync(file, `${readFileSync(file, 'utf8')}# bench edit ${++edits}\n`);
        return timed(node, [bin, ...editCached, ...fixFlags, '.'], input.editTree).ms;
      },
    },
    { name: '3-file --check (pre-commit)', run: () => timed(node, [bin, '--check', ...fixFlags, ...input.demoFiles], demo).ms },
    { name: 'node -e 0', run: () => timed(node, ['-e', '0'], demo).ms },
  ];
  if (hasKubeconform()) {
    commands.push({ name: 'kubeconform -n 1', run: () => timed('kubeconform', kubeconformArgs(1), tree).ms });
    commands.push({ name: 'kubeconform -n 2', run: () => timed('kubeconform', kubeconformArgs(2), tree).ms });
  }
  const times = new Map<string, number[]>(commands.map((c) => [c.name, []]));
  for (let round = 0; round < rounds; round++) for (const c of commands) times.get(c.name)?.push(c.run());
  const m = (name: string): number | undefined => {
    const t = times.get(name);
    return t && t.length > 0 && !t.some(Number.isNaN) ? median(t) : undefined;
  };
  console.log(`\nratios (interleaved, medians of ${rounds} rounds)`);
  for (const c of commands) console.log(`  ${c.name.padEnd(32)} ${((m(c.name) ?? Number.NaN) / 1000).toFixed(2)} s`);
  const ratio = (label: string, a: number | undefined, b: number | undefined, goal: string): void => {
    if (a !== undefined && b !== undefined) console.log(`  ${label}: ${(a / b).toFixed(2)}x (goal ${goal})`);
  };
  const cold = m('cold --check');
  const warm = m('warm --cache (unchanged tree)');
  const edited = m('--cache, one file edited');
  const small = m('3-file --check (pre-commit)');
  ratio('kubeconform -n 1 time / cold --check time', m('kubeconform -n 1'), cold, '>= 1.0');
  ratio('kubeconform -n 2 time / warm --cache time', m('kubeconform -n 2'), warm, '>= 10');
  if (!hasKubeconform()) console.log('  (kubeconform is not on PATH: its rows are skipped)');
  ratio('cold / warm', cold, warm, 'none; for reference');
  ratio('one file edited / 3-file --check', edited, small, '<= 2');
  ratio('3-file --check / node -e 0', small, m('node -e 0'), '<= 2.5');
}
