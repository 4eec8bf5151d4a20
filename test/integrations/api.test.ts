import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, ConfigError, fixFiles, fixText, formatReport, objectsOfKind, parseObjects, podSpecOf } from '../../src/index.js';
import { DEPLOYMENT, tempDir } from './helpers.js';

const OPTIONS = { namespace: 'apps', pullSecrets: ['regcred'], registry: 'reg.example.com' };

describe('library API', () => {
  it('fixText fixes a text byte-preservingly', async () => {
    const r = await fixText(DEPLOYMENT, OPTIONS);
    expect(r).toMatchObject({ changed: true, ok: true, skipped: false });
    expect(r.output).toContain('  name: web # keep this comment\n  namespace: apps\n');
    expect(r.output).toContain('image: reg.example.com/library/nginx:1.27 # pinned');
    expect(r.findings.map((f) => f.ruleId)).toEqual(['missing-namespace', 'missing-pull-secret', 'image-not-from-registry']);
    expect(await fixText(r.output, OPTIONS)).toMatchObject({ changed: false, ok: true, findings: [] });
  });

  it('fixText reports what the fix cannot remove', async () => {
    const r = await fixText(DEPLOYMENT.replace('spec:\n  selector', 'spec:\n  replicas: three\n  selector'), OPTIONS);
    expect(r.ok).toBe(false);
    expect(r.findings.some((f) => f.ruleId === 'schema' && f.fieldPath === 'spec.replicas')).toBe(true);
  });

  it('checks options with the config schema', async () => {
    await expect(fixText(DEPLOYMENT, { namespace: 'Not_A_Namespace' })).rejects.toThrow(ConfigError);
    await expect(fixText(DEPLOYMENT, { pullSecret: ['x'] } as never)).rejects.toThrow(/pullSecret/);
    await expect(check('.', { include: ['**'] } as never)).rejects.toThrow(/not an option/);
  });

  it('fixFiles and check work on directories, with a config file on request', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'web.yaml'), DEPLOYMENT);
    writeFileSync(path.join(dir, '.privreg-fix.yaml'), 'namespace: apps\npullSecrets: [regcred]\n');
    const before = await check('.', { cwd: dir, config: true });
    expect(before.ok).toBe(false);
    expect(before.counts.errors).toBe(2);
    expect(JSON.parse(formatReport('sarif', before.run, { cwd: dir })).runs[0].results).toHaveLength(2);
    const preview = await fixFiles(['.'], { cwd: dir, config: true });
    expect(readFileSync(path.join(dir, 'web.yaml'), 'utf8')).toBe(DEPLOYMENT);
    expect(preview.files[0]?.output).toContain('namespace: apps');
    const written = await fixFiles('web.yaml', { cwd: dir, config: true, write: true });
    expect(written.files[0]?.written).toBe(true);
    expect((await check(['.'], { cwd: dir, config: true })).ok).toBe(true);
    // Without `config`, no config file is read.
    expect((await check(['.'], { cwd: dir, pullSecrets: ['another'] })).ok).toBe(false);
  });

  it('types decoded objects with kubernetes-types', async () => {
    const { output } = await fixText(DEPLOYMENT, OPTIONS);
    const [web] = objectsOfKind(parseObjects(output), 'Deployment');
    // Compile-time: these are kubernetes-types' Deployment and PodSpec.
    const secrets: { name?: string }[] | undefined = web?.spec?.template.spec?.imagePullSecrets;
    expect(secrets).toEqual([{ name: 'regcred' }]);
    expect(web && podSpecOf(web)?.containers[0]?.image).toBe('reg.example.com/library/nginx:1.27');
    expect(objectsOfKind(parseObjects('apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Pod, metadata: {name: p}}\n'), 'Pod')[0]?.metadata?.name).toBe('p');
  });
});
