import { describe, expect, it } from 'vitest';
import { parseConfig, resolveFileOptions } from '../../src/config/index.js';

/** The example `.privreg-fix.yaml` of the README; keep the two in step. */
const README_EXAMPLE = `# yaml-language-server: $schema=https://unpkg.com/privreg-fix/schemas/config.schema.json
namespace: shop
pullSecrets: [regcred]
registry: reg.example.com:5000/mirror
registryMap:
  docker.io: reg.example.com:5000/hub
  quay.io: reg.example.com:5000/quay
registries:
  "reg.example.com:5000": regcred
include: ["deploy/**/*.yaml", "deploy/**/*.yml"]
exclude: ["deploy/**/kustomization.yaml"]
rules:
  namespace-mismatch: off
  unknown-kind: warning
kinds:
  - kind: argoproj.io/Rollout
    scope: Namespaced
    podSpecPaths: [spec.template.spec]
overrides:
  - files: deploy/billing/**
    namespace: billing
    pullSecrets: [regcred, billing-regcred]
  - files: deploy/cluster/**
    rules: { missing-namespace: off }
kubernetesVersion: "1.35"
maxWarnings: 10
`;

describe('README example config', () => {
  it('is valid and resolves as documented', () => {
    const config = parseConfig(README_EXAMPLE, '/repo/.privreg-fix.yaml');
    const billing = resolveFileOptions(config, {}, 'deploy/billing/api.yaml');
    expect(billing.namespace).toBe('billing');
    expect(billing.pullSecrets).toEqual(['regcred', 'billing-regcred']);
    const cluster = resolveFileOptions(config, { namespace: 'from-flag' }, 'deploy/cluster/crb.yaml');
    expect(cluster.namespace).toBe('from-flag');
    expect(cluster.rules).toEqual({ 'namespace-mismatch': 'off', 'unknown-kind': 'warning', 'missing-namespace': 'off' });
  });
});
