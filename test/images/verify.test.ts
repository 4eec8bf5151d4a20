import { describe, expect, it } from 'vitest';
import { InventoryBuilder } from '../../src/images/inventory.js';
import { verifyInventory } from '../../src/images/verify.js';
import type { ManifestQuery, ManifestResult } from '../../src/registry/client.js';
import { LoginStore, parseDockerConfig } from '../../src/registry/logins.js';

function inventory(pairs: [string, string, number][]): ReturnType<InventoryBuilder['build']> {
  const b = new InventoryBuilder();
  for (const [value, rewritten, line] of pairs) {
    b.add({
      file: line > 100 ? 'b.yaml' : 'a.yaml', start: line * 10, end: line * 10 + 5, startPos: { line, column: 18 }, endPos: { line, column: 30 },
      fieldPath: 'spec.containers[0].image', object: { apiVersion: 'v1', kind: 'Pod', name: 'p', documentIndex: 0 }, value, rewritten,
    });
  }
  return b.build();
}

describe('verifyInventory', () => {
  it('asks once per distinct destination and reports every place naming a failing image', async () => {
    const asked: ManifestQuery[] = [];
    const answers: Record<string, ManifestResult> = {
      'library/nginx': { status: 'present', digest: 'sha256:1' },
      'library/redis': { status: 'not-found', message: 'library/redis:7 is not in r.example.com: the repository library/redis does not exist there' },
      'team/app': { status: 'auth-failed', message: 'r.example.com: anonymous access (no login found for it) was refused (HTTP 401)', anonymous: true },
      'x/y': { status: 'unreachable', message: 'cannot reach q.example.com: TLS: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
    };
    const client = { checkManifest: async (q: ManifestQuery) => (asked.push(q), answers[q.repository] as ManifestResult) };
    const inv = inventory([
      ['nginx:1.25', 'r.example.com/library/nginx:1.25', 3],
      ['docker.io/library/nginx:1.25', 'r.example.com/library/nginx:1.25', 5],
      ['redis:7', 'r.example.com/library/redis:7', 7],
      ['redis:7', 'r.example.com/library/redis:7', 107],
      ['r.example.com/team/app@sha256:' + 'b'.repeat(64), 'r.example.com/team/app@sha256:' + 'b'.repeat(64), 9],
      ['q.example.com/x/y', 'q.example.com/x/y', 11],
      ['$(IMAGE)', '$(IMAGE)', 13],
    ]);
    const out = await verifyInventory(inv, client, 2);
    expect(asked.map((q) => `${q.registry}/${q.repository}@${q.reference}`).sort()).toEqual([
      'q.example.com/x/y@latest', 'r.example.com/library/nginx@1.25', 'r.example.com/library/redis@7', `r.example.com/team/app@sha256:${'b'.repeat(64)}`,
    ]);
    expect([out.queries, out.registries]).toEqual([4, 2]);
    const rows = out.files.flatMap((f) => f.findings.map((x) => `${f.path}:${x.startPos.line} ${x.severity} ${x.ruleId}: ${x.message}`));
    expect(rows).toEqual([
      'a.yaml:7 error image-not-found: image "r.example.com/library/redis:7" not found: library/redis:7 is not in r.example.com: the repository library/redis does not exist there; copy it first: crane copy docker.io/library/redis:7 r.example.com/library/redis:7',
      `a.yaml:9 error registry-auth-failed: cannot pull "r.example.com/team/app@sha256:${'b'.repeat(64)}": authentication failed: r.example.com: anonymous access (no login found for it) was refused (HTTP 401); give the login the pods use (--secret-file, --docker-config or --password-stdin)`,
      `a.yaml:11 error registry-unreachable: cannot check "q.example.com/x/y:latest": cannot reach q.example.com: TLS: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT); if the registry's certificate comes from a private CA, pass the CA with --registry-ca FILE`,
      'a.yaml:13 warning image-not-verified: "$(IMAGE)" is not a literal image reference, so it was not checked; render templates or substitute variables first',
      expect.stringMatching(/^b\.yaml:107 error image-not-found: /),
    ]);
  });

  it('says when the docker config delegates the registry to a credential helper', async () => {
    const logins = new LoginStore();
    logins.add(parseDockerConfig(JSON.stringify({ credHelpers: { 'r.example.com': 'ecr-login' } }), 'cfg'));
    const client = { checkManifest: async (): Promise<ManifestResult> => ({ status: 'auth-failed', message: 'r.example.com: anonymous access (no login found for it) was refused (HTTP 401)', anonymous: true }) };
    const out = await verifyInventory(inventory([['r.example.com/a/b:1', 'r.example.com/a/b:1', 3]]), client, 1, logins);
    expect(out.files[0]?.findings[0]?.message).toContain('the docker config names this registry, but its login is kept by the credential helper docker-credential-ecr-login');
  });
});
