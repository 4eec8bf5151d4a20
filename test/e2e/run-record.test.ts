/**
 * The record of a whole run (`--cache`, `src/run/run-record.ts`) through the built CLI: a text
 * report over an unchanged tree is printed from the record, and anything its report depends on
 * (a file's text or stat, a file more or less, a CRD's scope, the flags, the format, colours,
 * the mode) makes the run go file by file again, reporting what a run without the cache reports.
 *
 * To tell a replayed run from one that worked file by file (both print the same), the tests
 * mark the recorded report: a replayed run prints the mark.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WIDGET, widgetCrd } from '../fixtures-support/crds.js';
import { DEPLOYMENT } from '../fixtures-support/manifests.js';
import { runCli, tempTree, type CliRun } from './cli.js';
import { RACY_MS } from '../../src/run/file-stamps.js';

const FLAGS = ['-n', 'shop', '-s', 'regcred', '--registry', 'reg.example.com/mirror', '--no-config'];
const MARK = '# replayed\n';
const RECORD = 'c.json.run';

/** The text report without its time. */
const text = (r: CliRun): string => r.stdout.replace(/ in [\d.]+ ?m?s\n/g, '\n');

/** Marks the report recorded in `dir` (see the module comment); false when there is no record. */
function mark(dir: string): boolean {
  const file = path.join(dir, RECORD);
  if (!existsSync(file)) return false;
  // A line of JSON, then the text printed before the summary.
  const content = readFileSync(file, 'utf8');
  const end = content.indexOf('\n') + 1;
  writeFileSync(file, content.slice(0, end) + MARK + content.slice(end));
  chmodSync(file, 0o600);
  return true;
}

/** A tree whose files have rested long enough to be told by their stat (see `RACY_MS`). */
async function restingTree(files: Record<string, string>): Promise<string> {
  const dir = tempTree(files);
  await sleep(RACY_MS + 200);
  return dir;
}

describe('the record of a run (--cache)', () => {
  it('prints the recorded report over an unchanged tree: the same text and exit code as a run without the cache', async () => {
    const dir = await restingTree({ 'crds/widget-crd.yaml': widgetCrd(), 'app/widget.yaml': WIDGET, 'app/web.yaml': DEPLOYMENT });
    const args = ['--check', ...FLAGS, '--cache', '--cache-location', 'c.json', '.'];
    const plain = runCli(args.slice(0, -4).concat('.'), { cwd: dir });
    const cold = runCli(args, { cwd: dir });
    expect(mark(dir)).toBe(true);
    const warm = runCli(args, { cwd: dir });
    expect(warm.stdout.startsWith(MARK)).toBe(true);
    expect(text(warm).slice(MARK.length)).toBe(text(plain));
    expect(text(cold)).toBe(text(plain));
    expect(warm.code).toBe(plain.code);
    expect(plain.code).toBe(1);
    expect(warm.stdout).toMatch(/3 files scanned, .* in \d+ ms\n$/);
    // The other views of the same run are not the recorded one.
    for (const other of [['--format', 'json'], ['--max-warnings', '0'], ['--write'], ['--diff']]) {
      expect(runCli([...args, ...other], { cwd: dir }).stdout).not.toContain(MARK);
      mark(dir);
    }
    expect(runCli(args, { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).not.toContain(MARK);
  });

  it('works file by file again when a file changes, comes or goes, or the flags change', async () => {
    const dir = await restingTree({ 'app/web.yaml': DEPLOYMENT, 'app/other.yaml': DEPLOYMENT.replace('name: web', 'name: other') });
    const args = ['--check', ...FLAGS, '--cache', '--cache-location', 'c.json', '.'];
    const plain = (): CliRun => runCli(args.slice(0, -4).concat('.'), { cwd: dir });
    const replayed = (): boolean => runCli(args, { cwd: dir }).stdout.startsWith(MARK);
    runCli(args, { cwd: dir });
    expect(mark(dir) && replayed()).toBe(true);
    const changes: [string, () => void][] = [
      ['rewritten with the same text', () => writeFileSync(path.join(dir, 'app/web.yaml'), DEPLOYMENT)],
      ['edited', () => writeFileSync(path.join(dir, 'app/web.yaml'), DEPLOYMENT.replace('nginx:1.27', 'nginx:1.28'))],
      ['added', () => writeFileSync(path.join(dir, 'app/new.yaml'), DEPLOYMENT.replace('name: web', 'name: new'))],
    ];
    for (const [what, change] of changes) {
      change();
      const run = runCli(args, { cwd: dir });
      expect(run.stdout, what).not.toContain(MARK);
      expect(text(run), what).toBe(text(plain()));
      await sleep(RACY_MS + 200);
      // The run recorded itself again: the next one replays it.
      runCli(args, { cwd: dir });
      expect(mark(dir) && replayed(), what).toBe(true);
    }
    expect(text(runCli(args, { cwd: dir }))).toContain('nginx:1.28');
    const otherNamespace = runCli(args.map((a) => (a === 'shop' ? 'prod' : a)), { cwd: dir });
    expect(otherNamespace.stdout).not.toContain(MARK);
    expect(otherNamespace.stdout).toContain('"prod"');
    mark(dir);
    const fewer = runCli([...args.slice(0, -1), 'app/web.yaml'], { cwd: dir });
    expect(fewer.stdout).not.toContain(MARK);
    expect(fewer.stdout).toContain('1 file scanned');
    // A record that is no record is ignored.
    writeFileSync(path.join(dir, RECORD), '{"format":"privreg-fix run record 2","key":1,"stats":[],"report":{}}\n');
    expect(text(runCli(args, { cwd: dir }))).toBe(text(plain()));
  });

  it("changing a CRD's scope between two runs changes the result of its custom resources", async () => {
    const dir = await restingTree({ 'crds/widget-crd.yaml': widgetCrd(), 'app/widget.yaml': WIDGET });
    const args = ['--check', ...FLAGS, '--cache', '--cache-location', 'c.json', '.'];
    runCli(args, { cwd: dir });
    runCli(args, { cwd: dir });
    expect(mark(dir)).toBe(true);
    expect(runCli(args, { cwd: dir }).stdout).toContain('missing-namespace');
    writeFileSync(path.join(dir, 'crds/widget-crd.yaml'), widgetCrd({ scope: 'Cluster' }));
    const cluster = runCli(args, { cwd: dir });
    expect(cluster.stdout).not.toContain(MARK);
    expect(cluster.stdout).not.toContain('missing-namespace');
  });

  it('replays a write run that had nothing to write, never one that wrote', async () => {
    const dir = await restingTree({ 'app/web.yaml': DEPLOYMENT });
    const args = ['--write', ...FLAGS, '--cache', '--cache-location', 'c.json', '.'];
    expect(runCli(args, { cwd: dir }).stdout).toContain('1 fixed');
    expect(mark(dir)).toBe(false);
    await sleep(RACY_MS + 200);
    runCli(args, { cwd: dir });
    expect(mark(dir)).toBe(true);
    const again = runCli(args, { cwd: dir });
    expect(again.stdout.startsWith(MARK)).toBe(true);
    const plain = runCli(args.slice(0, -4).concat('.'), { cwd: dir });
    expect(text(again).slice(MARK.length)).toBe(text(plain));
    expect(again.stdout).toContain('0 fixed');
    expect(again.code).toBe(plain.code);
  });
});
