import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../src/config/index.js';

function errorOf(text: string): ConfigError {
  try {
    parseConfig(text, 'conf/.privreg-fix.yaml');
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('accepts a full config with a yaml-language-server line', () => {
    const config = parseConfig([
      '# yaml-language-server: $schema=https://unpkg.com/privreg-fix/schemas/config.schema.json',
      'namespace: shop',
      'pullSecrets: [regcred]',
      'pullSecretsOn: serviceaccount',
      'registry: reg.example.com:5000/mirror',
      'registryMap: {docker.io: reg.example.com/hub, quay.io: reg.example.com/quay}',
      'registries: {"reg.example.com:5000": regcred}',
      'include: ["deploy/**/*.yaml"]',
      'exclude: "**/kustomization.yaml"',
      'rules: {namespace-mismatch: off, unknown-kind: warning}',
      'kinds: [{kind: argoproj.io/Rollout, scope: Namespaced, podSpecPaths: [spec.template.spec]}]',
      'overrides:',
      '  - files: apps/billing/**',
      '    namespace: billing',
      '  - files: [a/*, b/*]',
      '    excludeFiles: a/x.yaml',
      '    pullSecrets: []',
      'kubernetesVersion: "1.30"',
      'schemaDirs: [schemas/crds]',
      'validate: true',
      'strictKinds: false',
      'maxWarnings: 0',
      'format: sarif',
      '',
    ].join('\n'), '/repo/.privreg-fix.yaml');
    expect(config.path).toBe('/repo/.privreg-fix.yaml');
    expect(config.dir).toBe('/repo');
    expect(config.settings.namespace).toBe('shop');
    expect(config.settings.overrides?.[0]).toEqual({ files: 'apps/billing/**', namespace: 'billing' });
  });

  it('treats an empty or comment-only file as an empty config', () => {
    expect(parseConfig('', 'c.yaml').settings).toEqual({});
    expect(parseConfig('# yaml-language-server: $schema=./schema.json\n', 'c.yaml').settings).toEqual({});
  });

  it('rejects a typo in a key, naming the key, its line and a suggestion', () => {
    const e = errorOf('# yaml-language-server: $schema=x.json\nnamespace: shop\npullSecret:\n  - regcred\n');
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.key).toBe('pullSecret');
    expect([e.line, e.column]).toEqual([3, 1]);
    expect(e.path).toBe('conf/.privreg-fix.yaml');
    expect(e.message).toBe('conf/.privreg-fix.yaml:3:1: unknown key "pullSecret" (did you mean "pullSecrets"?)');
  });

  it('names nested unknown keys and unknown rule ids', () => {
    const e = errorOf('overrides:\n  - files: a\n    namespce: x\n');
    expect(e.key).toBe('overrides[0].namespce');
    expect(e.message).toContain(':3:5: unknown key "namespce" in overrides[0] (did you mean "namespace"?)');
    expect(errorOf('rules:\n  missing-namspace: off\n').message).toContain(':2:3: unknown rule id "missing-namspace" (did you mean "missing-namespace"?)');
  });

  it('gives no suggestion for a key unlike any other', () => {
    expect(errorOf('frobnicate: 1\n').message).toMatch(/unknown key "frobnicate"$/);
  });

  it('points at bad values and explains them', () => {
    const e = errorOf('namespace: Shop\nkubernetesVersion: 1.30\npullSecretsOn: pods\n');
    expect([e.key, e.line, e.column]).toEqual(['namespace', 1, 12]);
    const lines = e.message.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('conf/.privreg-fix.yaml:2:20: kubernetesVersion must be a string (put the value in quotes)');
    expect(lines[2]).toContain('pullSecretsOn must be one of pod, serviceaccount (did you mean "pod"?)');
  });

  it('points at a missing required key and at bad map keys', () => {
    const e = errorOf('overrides:\n  - namespace: x\nregistries:\n  "bad host!": regcred\n');
    expect(e.key).toBe('overrides[0].files');
    expect(e.line).toBe(2);
    expect(e.message).toContain(':4:3: registries has the key "bad host!", which must be a registry');
  });

  it('follows aliases to the anchored node', () => {
    const e = errorOf('overrides:\n  - files: a\n    pullSecrets: &s [ok]\n  - files: b\n    namespace: &n BAD\n  - files: c\n    namespace: *n\n');
    expect(e.message.split('\n')).toEqual([
      'conf/.privreg-fix.yaml:5:19: overrides[1].namespace must be a DNS-1123 label (lower-case letters, digits and "-", at most 63 characters), not "BAD"',
      'conf/.privreg-fix.yaml:5:19: overrides[2].namespace must be a DNS-1123 label (lower-case letters, digits and "-", at most 63 characters), not "BAD"',
    ]);
  });

  it('reports YAML syntax errors with their position', () => {
    const e = errorOf('namespace: shop\npullSecrets: [a\n');
    expect(e.message).toMatch(/^conf\/\.privreg-fix\.yaml:\d+:\d+: invalid YAML: /);
    expect(e.line).toBeGreaterThanOrEqual(2);
    expect(errorOf('a: 1\na: 2\n').line).toBe(2);
    expect(errorOf('namespace: a\n---\nnamespace: b\n').message).toContain('a config file holds a single YAML document');
  });

  it('rejects a file that is not a mapping', () => {
    const e = errorOf('- namespace: x\n');
    expect(e.message).toBe('conf/.privreg-fix.yaml:1:1: the file must be a mapping');
    expect(e.key).toBeUndefined();
  });
});

describe('loadConfig', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'privreg-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads a file from disk', async () => {
    const path = join(dir, '.privreg-fix.yaml');
    await writeFile(path, 'namespace: shop\n');
    expect(await loadConfig(path)).toEqual({ path, dir, settings: { namespace: 'shop' } });
  });

  it('throws a ConfigError for a missing file', async () => {
    await expect(loadConfig(join(dir, 'nope.yaml'))).rejects.toThrow(ConfigError);
    await expect(loadConfig(join(dir, 'nope.yaml'))).rejects.toThrow(/cannot read the config file/);
  });
});
