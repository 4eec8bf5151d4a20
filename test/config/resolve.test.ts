import { describe, expect, it } from 'vitest';
import { configDiscovery, configRunSettings, fileOptionsResolver, parseConfig, resolveFileOptions } from '../../src/config/index.js';
import { defaultFixOptions } from '../../src/core/options.js';

const config = parseConfig([
  'namespace: shop',
  'pullSecrets: [regcred]',
  'registryMap: {docker.io: reg.example.com/hub}',
  'rules: {namespace-mismatch: off}',
  'kinds: [{kind: argoproj.io/Rollout, podSpecPaths: [spec.template.spec]}]',
  'include: "deploy/**"',
  'schemaDirs: [crds, /abs/schemas]',
  'overrides:',
  '  - files: apps/billing/**',
  '    namespace: billing',
  '    pullSecrets: [billing-cred]',
  '    rules: {missing-namespace: warning}',
  '  - files: ["apps/**"]',
  '    excludeFiles: apps/billing/legacy/**',
  '    namespace: apps',
  '    registryMap: {quay.io: reg.example.com/quay}',
  '    kinds: [{kind: argoproj.io/Rollout, scope: Namespaced}]',
  '',
].join('\n'), '/repo/.privreg-fix.yaml');

describe('resolveFileOptions', () => {
  it('returns the defaults without config or flags', () => {
    expect(resolveFileOptions(undefined, {}, 'a.yaml')).toEqual(defaultFixOptions());
  });

  it('applies the top level to unmatched files', () => {
    expect(resolveFileOptions(config, {}, 'other/x.yaml')).toMatchObject({
      namespace: 'shop', pullSecrets: ['regcred'], registryMap: { 'docker.io': 'reg.example.com/hub' },
      rules: { 'namespace-mismatch': 'off' },
    });
  });

  it('applies matching overrides in order, later ones winning', () => {
    const o = resolveFileOptions(config, {}, 'apps/billing/deploy.yaml');
    expect(o.namespace).toBe('apps');
    expect(o.pullSecrets).toEqual(['billing-cred']);
    expect(o.rules).toEqual({ 'namespace-mismatch': 'off', 'missing-namespace': 'warning' });
    expect(o.registryMap).toEqual({ 'docker.io': 'reg.example.com/hub', 'quay.io': 'reg.example.com/quay' });
    expect(o.kinds).toEqual([{ kind: 'argoproj.io/Rollout', scope: 'Namespaced' }]);
  });

  it('honours excludeFiles', () => {
    const o = resolveFileOptions(config, {}, 'apps/billing/legacy/old.yaml');
    expect(o.namespace).toBe('billing');
  });

  it('lets flags override the file, replacing pullSecrets and merging maps', () => {
    const o = resolveFileOptions(config, { namespace: 'cli', pullSecrets: ['cli-cred'], rules: { schema: 'off' } }, 'apps/billing/a.yaml');
    expect(o.namespace).toBe('cli');
    expect(o.pullSecrets).toEqual(['cli-cred']);
    expect(o.rules).toMatchObject({ schema: 'off', 'missing-namespace': 'warning' });
  });

  it('treats an empty pullSecrets flag as not given', () => {
    expect(resolveFileOptions(config, { pullSecrets: [] }, 'x.yaml').pullSecrets).toEqual(['regcred']);
  });

  it('matches absolute paths relative to the config directory', () => {
    expect(resolveFileOptions(config, {}, '/repo/apps/billing/legacy/a.yaml').namespace).toBe('billing');
    expect(resolveFileOptions(config, {}, '/elsewhere/apps/billing/a.yaml').namespace).toBe('shop');
  });

  it('returns a deeply frozen object and does not share state with the config', () => {
    const o = resolveFileOptions(config, {}, 'apps/x.yaml');
    expect(Object.isFrozen(o)).toBe(true);
    expect(Object.isFrozen(o.pullSecrets)).toBe(true);
    expect(Object.isFrozen(o.kinds[0])).toBe(true);
    expect(Object.isFrozen(config.settings.pullSecrets)).toBe(false);
  });
});

describe('configDiscovery and configRunSettings', () => {
  it('exposes include/exclude relative to the config directory', () => {
    expect(configDiscovery(config)).toEqual({ baseDir: '/repo', include: ['deploy/**'], exclude: [] });
  });

  it('fills run-wide defaults and resolves schemaDirs', () => {
    expect(configRunSettings(undefined)).toEqual({ kubernetesVersion: '1.35', schemaDirs: [], validate: true, strictKinds: false });
    expect(configRunSettings(config).schemaDirs).toEqual(['/repo/crds', '/abs/schemas']);
    const c = parseConfig('kubernetesVersion: "v1.30"\nmaxWarnings: 3\nformat: github\n', '/r/c.yaml');
    expect(configRunSettings(c)).toMatchObject({ kubernetesVersion: '1.30', maxWarnings: 3, format: 'github' });
  });
});

describe('fileOptionsResolver', () => {
  it('resolves as resolveFileOptions, one frozen object per set of matching overrides', () => {
    const optionsFor = fileOptionsResolver(config, { registry: 'reg.example.com' });
    const paths = ['other/x.yaml', 'deploy/y.yaml', 'apps/a.yaml', 'apps/b/c.yaml', 'apps/billing/d.yaml', 'apps/billing/legacy/e.yaml'];
    for (const p of paths) expect(optionsFor(p)).toEqual(resolveFileOptions(config, { registry: 'reg.example.com' }, p));
    expect(optionsFor('other/x.yaml')).toBe(optionsFor('deploy/y.yaml'));
    expect(optionsFor('apps/a.yaml')).toBe(optionsFor('apps/b/c.yaml'));
    expect(optionsFor('apps/a.yaml')).not.toBe(optionsFor('other/x.yaml'));
    expect(optionsFor('apps/billing/d.yaml')).not.toBe(optionsFor('apps/a.yaml'));
    // Only the first override matches here (the second excludes it): not the top level's object.
    expect(optionsFor('apps/billing/legacy/e.yaml')).not.toBe(optionsFor('other/x.yaml'));
    expect(optionsFor('apps/billing/legacy/e.yaml').namespace).toBe('billing');
    expect(Object.isFrozen(optionsFor('apps/a.yaml'))).toBe(true);
    const plain = fileOptionsResolver(undefined, {});
    expect(plain('a.yaml')).toBe(plain('b/c.yaml'));
  });
});
