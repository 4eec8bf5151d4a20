/** Timing child processes: wall time, exit code and peak RSS (via GNU time when installed). */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;

/** One timed run. */
export interface Timed {
  ms: number;
  code: number | null;
  /** Peak resident set size in MB; undefined without GNU time. */
  rssMb?: number;
  stderr: string;
}

/** Runs a command to completion (stdout discarded), timing it. */
export function timed(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Timed {
  const rssFile = join(tmpdir(), `privreg-bench-rss-${process.pid}.txt`);
  const [cmd, argv] = hasGnuTime ? [GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  const t = performance.now();
  const r = spawnSync(cmd, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', ...env } });
  const ms = performance.now() - t;
  let rssMb: number | undefined;
  if (hasGnuTime && existsSync(rssFile)) {
    const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    if (Number.isFinite(kb)) rssMb = kb / 1024;
    rmSync(rssFile, { force: true });
  }
  return { ms, code: r.status, stderr: r.stderr ?? '', ...(rssMb !== undefined && { rssMb }) };
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Runs `once` `n` times; the run with the median time (its RSS is the largest seen). */
export function medianOf(n: number, once: () => Timed): Timed & { runs: number[] } {
  const all: Timed[] = [];
  for (let i = 0; i < n; i++) all.push(once());
  const runs = all.map((t) => t.ms);
  const m = median(runs);
  const pick = all.reduce((a, b) => (Math.abs(b.ms - m) < Math.abs(a.ms - m) ? b : a));
  const rss = all.map((t) => t.rssMb).filter((x): x is number => x !== undefined);
  return { ...pick, ms: m, runs, ...(rss.length > 0 && { rssMb: Math.max(...rss) }) };
}
