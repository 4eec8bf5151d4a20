/**
 * `--cache` and `--cache-location` through the built CLI: a warm run reports exactly what a
 * cold run reports; a change of a CRD, of the config or of a file changes what it reports; a
 * corrupt cache file is ignored; an unchanged file is told by its stat, a rewritten one by its
 * content; the CRDs of unchanged CRD files come from the cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WIDGET, widgetCrd } from '../fixtures-support/crds.js';
import { DEPLOYMENT } from '../fixtures-support/manifests.js';
import { runCli, tempTree, type CliRun } from './cli.js';
import { RACY_MS } from '../../src/run/file-stamps.js';
import { readCacheFile } from '../../src/run/cache-file.js';

const tree = tempTree;

/** The JSON report without its timing. */
const report = (r: CliRun): unknown => JSON.parse(r.stdout.replace(/"durationMs":\s*[\d.]+/g, '"durationMs":0'));

function widgetFindings(r: CliRun): string[] {
  const files = (report(r) as { files: { path: string; findings: { ruleId: string }[] }[] }).files;
  return (files.find((f) => f.path.endsWith('widget.yaml'))?.findings ?? []).map((f) => f.ruleId);
}

const FLAGS = ['-n', 'shop', '-s', 'regcred', '--registry', 'reg.example.com/mirror', '--no-config'];

describe('--cache', () => {
  it('a warm run reports what a cold run reports (JSON, text, diff, exit code), from the default location', () => {
    const dir = tree({ 'package.json': '{}\n', 'crds/widget-crd.yaml': widgetCrd(), 'app/widget.yaml': WIDGET, 'app/web.yaml': DEPLOYMENT });
    for (const mode of [['--check'], []]) {
      for (const format of [['--format', 'json'], []]) {
        const args = [...mode, ...format, ...FLAGS, '.'];
        const plain = runCli(args, { cwd: dir });
        const cold = runCli([...args, '--cache'], { cwd: dir });
        const warm = runCli([...args, '--cache'], { cwd: dir });
        expect(cold.code).toBe(plain.code);
        expect(warm.code).toBe(plain.code);
        if (format.length > 0) {
          expect(report(cold)).toEqual(report(plain));
          expect(report(warm)).toEqual(report(plain));
        } else {
          const strip = (s: string): string => s.replace(/ in [\d.]+ ?m?s/g, '');
          expect(strip(warm.stdout)).toBe(strip(plain.stdout));
          expect(strip(warm.stderr)).toBe(strip(plain.stderr));
        }
      }
    }
    expect(existsSync(path.join(dir, 'node_modules/.cache/privreg-fix/.privreg-fix-cache'))).toBe(true);
    // The same with worker threads, and in write mode (which then fixes the files).
    const json = ['--check', '--format', 'json', ...FLAGS, '.'];
    expect(report(runCli([...json, '--cache', '--jobs', '2'], { cwd: dir }))).toEqual(report(runCli(json, { cwd: dir })));
    runCli(['--write', ...FLAGS, '--cache', '.'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'app/web.yaml'), 'utf8')).toContain('namespace: shop');
    const after = runCli([...json, '--cache'], { cwd: dir });
    const fresh = runCli(json, { cwd: dir });
    expect(after.code).toBe(fresh.code);
    expect(report(after)).toEqual(report(fresh));
    expect((report(after) as { files: { changed: boolean }[] }).files.every((f) => !f.changed)).toBe(true);
  });

  it("changing a CRD's scope between two cached runs changes the result of its custom resources", () => {
    const dir = tree({ 'crds/widget-crd.yaml': widgetCrd(), 'app/widget.yaml': WIDGET });
    const args = ['--check', '--format', 'json', ...FLAGS, '--cache', '--cache-location', 'cache/', '.'];
    const namespaced = runCli(args, { cwd: dir });
    expect(widgetFindings(namespaced)).toContain('missing-namespace');
    expect(existsSync(path.join(dir, 'cache/.privreg-fix-cache'))).toBe(true);
    writeFileSync(path.join(dir, 'crds/widget-crd.yaml'), widgetCrd({ scope: 'Cluster' }));
    const cluster = runCli(args, { cwd: dir });
    expect(widgetFindings(cluster)).not.toContain('missing-namespace');
    expect(report(cluster)).toEqual(report(runCli(args.filter((a) => a !== '--cache'), { cwd: dir })));
  });

  it('tells a file at rest by its stat, a file rewritten in place by its content (--cache-strategy)', async () => {
    const dir = tree({ 'crds/widget-crd.yaml': widgetCrd(), 'app/widget.yaml': WIDGET, 'app/web.yaml': DEPLOYMENT });
    // Files changed less than RACY_MS before a run are read again by the next one: let them rest.
    await sleep(RACY_MS + 200);
    const args = ['--check', '--format', 'json', ...FLAGS, '--cache', '--cache-location', 'c.json', '.'];
    const plain = (): CliRun => runCli(args.filter((a) => a !== '--cache'), { cwd: dir });
    runCli(args, { cwd: dir });
    const { stamps } = readCacheFile(path.join(dir, 'c.json'));
    expect(Object.keys(stamps).map((p) => path.relative(dir, p)).sort()).toEqual(['app/web.yaml', 'app/widget.yaml', 'crds/widget-crd.yaml']);
    expect(report(runCli(args, { cwd: dir }))).toEqual(report(plain()));
    // As many bytes, and the modification time put back (as `cp -p` or `touch -r` do): still seen.
    const web = path.join(dir, 'app/web.yaml');
    const { atime, mtime } = statSync(web);
    writeFileSync(web, DEPLOYMENT.replace('nginx:1.27', 'nginx:1.28'));
    utimesSync(web, atime, mtime);
    const rewritten = runCli(args, { cwd: dir });
    expect(JSON.stringify(report(rewritten))).toContain('nginx:1.28');
    expect(report(rewritten)).toEqual(report(plain()));
    const content = runCli([...args, '--cache-strategy', 'content'], { cwd: dir });
    expect(report(content)).toEqual(report(plain()));
    expect(runCli([...args, '--cache-strategy', 'mtime'], { cwd: dir }).code).toBe(2);
    expect(runCli(['--check', ...FLAGS, '--cache-strategy', 'content', '.'], { cwd: dir }).stderr).toContain('--cache-strategy has no effect without --cache');
  });

  it('an edited custom resource is fixed and validated with the CRDs the cache kept of unchanged CRD files', () => {
    const dir = tree({ 'crds/widget-crd.yaml': widgetCrd(), 'app/widget.yaml': WIDGET });
    const args = ['--check', '--format', 'json', ...FLAGS, '--cache', '--cache-location', 'c.json', '.'];
    runCli(args, { cwd: dir });
    expect(existsSync(path.join(dir, 'c.json.crds'))).toBe(true);
    // A wrong type for the CRD's typed field, a pod template that needs a pull secret.
    writeFileSync(path.join(dir, 'app/widget.yaml'), WIDGET.replace('size: 3', 'size: three'));
    const edited = runCli(args, { cwd: dir });
    expect(widgetFindings(edited)).toEqual(expect.arrayContaining(['missing-namespace', 'missing-pull-secret', 'schema']));
    expect(report(edited)).toEqual(report(runCli(args.filter((a) => a !== '--cache'), { cwd: dir })));
    // What the run knows of the CRD is the stored batch: a stored schema that takes a string, then.
    const store = path.join(dir, 'c.json.crds');
    const typed = String.raw`\"type\":\"integer\"`;
    expect(readFileSync(store, 'utf8')).toContain(typed);
    writeFileSync(store, readFileSync(store, 'utf8').replace(typed, typed.replace('integer', 'string')));
    writeFileSync(path.join(dir, 'app/widget.yaml'), WIDGET.replace('size: 3', 'size: four'));
    expect(widgetFindings(runCli(args, { cwd: dir }))).not.toContain('schema');
  });

  it('learns no CRDs when the files to fix again hold only built-in kinds', () => {
    const dir = tree({ 'crds/widget-crd.yaml': widgetCrd(), 'app/widget.yaml': WIDGET, 'app/web.yaml': DEPLOYMENT });
    const args = ['--check', '--format', 'json', ...FLAGS, '--cache', '--cache-location', 'c.json', '.'];
    const plain = (): unknown => report(runCli(args.filter((a) => a !== '--cache'), { cwd: dir }));
    runCli(args, { cwd: dir });
    // Without its store, a run that learns the CRDs parses the CRD file and stores them again.
    const store = path.join(dir, 'c.json.crds');
    rmSync(store);
    writeFileSync(path.join(dir, 'app/web.yaml'), DEPLOYMENT.replace('name: web\n', 'name: web2\n'));
    expect(report(runCli(args, { cwd: dir }))).toEqual(plain());
    expect(existsSync(store)).toBe(false);
    // A custom resource to fix again (alone, or inside a List) needs them.
    writeFileSync(path.join(dir, 'app/web.yaml'), `apiVersion: v1\nkind: List\nitems:\n${WIDGET.replace(/^/gm, '  ').replace(/^ {2}apiVersion/, '- apiVersion')}`);
    expect(report(runCli(args, { cwd: dir }))).toEqual(plain());
    expect(existsSync(store)).toBe(true);
  });

  it('changing the config changes the result', () => {
    const dir = tree({ '.privreg-fix.yaml': 'namespace: shop\n', 'app/web.yaml': DEPLOYMENT });
    // Diff mode: stdout is the diff.
    const args = ['--cache', '--cache-location', 'c.json', 'app'];
    const shop = runCli(args, { cwd: dir });
    expect(shop.stdout).toContain('namespace: shop');
    writeFileSync(path.join(dir, '.privreg-fix.yaml'), 'namespace: billing\n');
    const billing = runCli(args, { cwd: dir });
    expect(billing.stdout).toContain('namespace: billing');
    expect(billing.stdout).not.toContain('namespace: shop');
    // An edited file is processed again; the others come from the cache.
    writeFileSync(path.join(dir, 'app/web.yaml'), DEPLOYMENT.replace('name: web\n', 'name: web2\n'));
    expect(runCli(args, { cwd: dir }).stdout).toContain(' name: web2\n');
  });

  it('ignores a corrupt or foreign cache file, and replaces it', () => {
    const dir = tree({ 'crds/widget-crd.yaml': widgetCrd(), 'app/widget.yaml': WIDGET, 'app/web.yaml': DEPLOYMENT });
    const args = ['--check', '--format', 'json', ...FLAGS, '--cache', '--cache-location', 'c.json', '.'];
    const plain = runCli(args.filter((a) => a !== '--cache'), { cwd: dir });
    for (const junk of ['{"format": "privreg-fix result cache 1", "entries": {"x": 1', '[1, 2]', '\u0000\u0001binary', '{"format": "privreg-fix result cache 1", "entries": 7, "facts": {}}']) {
      writeFileSync(path.join(dir, 'c.json'), junk);
      const r = runCli(args, { cwd: dir });
      expect(r.code).toBe(plain.code);
      expect(r.stderr).toBe('');
      expect(report(r)).toEqual(report(plain));
      expect(Object.keys(readCacheFile(path.join(dir, 'c.json')).entries)).toHaveLength(3);
    }
    // A cache whose entries (a line each, after the header) were tampered with into a wrong shape,
    // or into no JSON, is ignored entry by entry.
    const [header, ...lines] = readFileSync(path.join(dir, 'c.json'), 'utf8').split('\n');
    expect(lines).toHaveLength(3);
    const tampered = lines.map((l, i) => (i === 0 ? '{"key": ' : JSON.stringify({ ...(JSON.parse(l) as object), findings: 'nope' })));
    writeFileSync(path.join(dir, 'c.json'), [header, ...tampered].join('\n'));
    expect(report(runCli(args, { cwd: dir }))).toEqual(report(plain));
    // A header that does not match its lines is no cache.
    writeFileSync(path.join(dir, 'c.json'), [header, ...lines.slice(1)].join('\n'));
    expect(report(runCli(args, { cwd: dir }))).toEqual(report(plain));
    expect(readFileSync(path.join(dir, 'c.json'), 'utf8').split('\n')).toHaveLength(4);
  });

  it('never stores a registry credential, and says --cache-location needs --cache', () => {
    const auth = Buffer.from('robot:s3cr3t-pa55').toString('base64');
    const secret = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: regcred\ntype: kubernetes.io/dockerconfigjson\nstringData:\n  .dockerconfigjson: '{"auths":{"reg.example.com":{"auth":"${auth}"}}}'\n`;
    const dir = tree({ 'app/secret.yaml': secret, 'app/web.yaml': DEPLOYMENT });
    const args = ['--check', ...FLAGS, '--cache', '--cache-location', 'c.json', 'app'];
    const first = runCli(args, { cwd: dir });
    const noTime = (s: string): string => s.replace(/ in [\d.]+ ?m?s/g, '');
    expect(noTime(runCli(args, { cwd: dir }).stdout)).toBe(noTime(first.stdout));
    const stored = readFileSync(path.join(dir, 'c.json'), 'utf8');
    expect(stored).not.toContain(auth);
    expect(stored).not.toContain('s3cr3t');
    // The file's result is not kept; the index keeps only the Secret's name and namespace, and no
    // digest of its text is stored (stamps and index facts are keyed by it).
    const data = readCacheFile(path.join(dir, 'c.json'));
    expect(Object.keys(data.entries).map((p) => path.basename(p))).toEqual(['web.yaml']);
    expect(Object.keys(data.facts).map((p) => path.basename(p))).toEqual(['web.yaml']);
    expect(Object.keys(data.stamps).map((p) => path.basename(p))).not.toContain('secret.yaml');
    expect(stored).not.toContain(createHash('sha256').update(secret).digest('hex'));
    const lonely = runCli(['--check', ...FLAGS, '--cache-location', 'x.json', 'app'], { cwd: dir });
    expect(lonely.stderr).toContain('--cache-location has no effect without --cache');
    expect(existsSync(path.join(dir, 'x.json'))).toBe(false);
  });
});
