import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync, tempDir, type CliRun } from './cli.js';
import {
  buildOciLayout, certDir, freePort, makeCerts, registryToolsMissing, skopeoPush, startRegistry, writeAuthFile,
  type OciLayout, type RunningRegistry, type TestCerts,
} from './support/registry.js';
import { startTokenServer, type TokenServer } from './support/token-server.js';

// Real registries: Debian's docker-registry (distribution 2.8) with TLS from a CA made here,
// filled by the real skopeo. One registry per describe, started once; every one is stopped.
const missing = registryToolsMissing();
const PASSWORD = 'Tr0ub4dor-&-3-secret';
const WRONG = 'not-the-password-9f8e';

const deployment = (images: string[]): string => [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      containers:',
  ...images.flatMap((image, i) => [`        - name: c${i}`, `          image: ${image}`]),
  '',
].join('\n');

/** A work directory with one Deployment naming `images` (the first image is on line 12). */
function workDir(images: string[]): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'deploy.yaml'), deployment(images));
  return dir;
}

const all = (r: CliRun): string => `${r.stdout}\n${r.stderr}`;

describe('images --verify against a registry with htpasswd Basic auth and TLS', () => {
  let certs: TestCerts;
  let registry: RunningRegistry;
  let layout: OciLayout;
  let config: string;
  let wrongConfig: string;

  beforeAll(async () => {
    if (missing) return;
    certs = await makeCerts();
    registry = await startRegistry(certs, { kind: 'htpasswd', users: { alice: PASSWORD } });
    layout = buildOciLayout(['1.25']);
    config = writeAuthFile(registry.host, 'alice', PASSWORD);
    wrongConfig = writeAuthFile(registry.host, 'alice', WRONG);
    await skopeoPush(layout, '1.25', `${registry.host}/library/nginx:1.25`, config, certDir(certs));
  });
  afterAll(async () => {
    await registry?.stop();
  });

  const verify = (dir: string, extra: string[]): Promise<CliRun> =>
    runCliAsync(['images', '--verify', '--registry', registry.host, '--registry-ca', certs.caCert, ...extra, '.'], { cwd: dir, env: { DOCKER_CONFIG: tempDir() } });

  it('exits 1 naming the missing image at its line, not the present one', async (ctx) => {
    if (missing) ctx.skip();
    const r = await verify(workDir(['nginx:1.25', 'library/redis:7.2']), ['--docker-config', config]);
    expect(r.code, all(r)).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`deploy\\.yaml:14:18\\s+error\\s+image "${registry.host}/library/redis:7\\.2" not found: .*repository library/redis does not exist.*image-not-found`));
    expect(r.stdout).toContain(`crane copy docker.io/library/redis:7.2 ${registry.host}/library/redis:7.2`);
    expect(r.stdout).not.toMatch(/nginx/);
    expect(r.stdout).toMatch(/2 image\(s\) checked with 2 request\(s\) to 1 registry: 1 present, 1 not found/);
  });

  it('exits 0 when every image is there; by tag, by digest, and tag@digest', async (ctx) => {
    if (missing) ctx.skip();
    const digest = layout.digests['1.25'] as string;
    const r = await verify(workDir(['nginx:1.25', `nginx@${digest}`, `docker.io/library/nginx:1.25@${digest}`]), ['--docker-config', config]);
    expect(r.code, all(r)).toBe(0);
    expect(r.stdout).toMatch(/3 image\(s\) checked with 2 request\(s\) to 1 registry: 3 present/);
  });

  it('tells a missing tag and a missing digest from a missing repository', async (ctx) => {
    if (missing) ctx.skip();
    const r = await verify(workDir(['nginx:9.9', `nginx@sha256:${'0'.repeat(64)}`]), ['--docker-config', config]);
    expect(r.code, all(r)).toBe(1);
    expect(r.stdout).toMatch(/deploy\.yaml:12:18\s+error\s+.*library\/nginx:9\.9 is not in .*: the repository has no tag 9\.9/);
    expect(r.stdout).toMatch(/deploy\.yaml:14:18\s+error\s+.*has no manifest with that digest/);
  });

  it('JSON: each image with its answer and the digest the registry reports', async (ctx) => {
    if (missing) ctx.skip();
    const r = await verify(workDir(['nginx:1.25', 'redis:7.2']), ['--docker-config', config, '--format', 'json']);
    expect(r.code, all(r)).toBe(1);
    const doc = JSON.parse(r.stdout) as { images: { source: string; verify: { status: string; digest?: string } }[] };
    expect(doc.images.map((i) => [i.source, i.verify.status])).toEqual([['docker.io/library/nginx:1.25', 'present'], ['docker.io/library/redis:7.2', 'not-found']]);
    expect(doc.images[0]?.verify.digest).toBe(layout.digests['1.25']);
  });

  it('--format github: annotations at the image line for CI', async (ctx) => {
    if (missing) ctx.skip();
    const r = await verify(workDir(['nginx:1.25', 'redis:7.2']), ['--docker-config', config, '--format', 'github']);
    expect(r.code, all(r)).toBe(1);
    expect(r.stdout).toMatch(/^::error file=deploy\.yaml,line=14,col=18,endLine=14,endColumn=27,title=image-not-found::image "127\.0\.0\.1:\d+\/library\/redis:7\.2" not found/m);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('a wrong password is an authentication failure naming the registry; the password is never shown', async (ctx) => {
    if (missing) ctx.skip();
    const r = await verify(workDir(['nginx:1.25']), ['--docker-config', wrongConfig]);
    expect(r.code, all(r)).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`deploy\\.yaml:12:18\\s+error\\s+cannot pull .*authentication failed: ${registry.host.replace(/\./g, '\\.')}: the login of user "alice" \\(from --docker-config .*\\) was refused \\(HTTP 401\\).*registry-auth-failed`));
    for (const secret of [WRONG, PASSWORD, Buffer.from(`alice:${WRONG}`).toString('base64')]) expect(all(r)).not.toContain(secret);
  });

  it('no login at all: anonymous access is refused', async (ctx) => {
    if (missing) ctx.skip();
    const r = await verify(workDir(['nginx:1.25']), []);
    expect(r.code, all(r)).toBe(1);
    expect(r.stdout).toMatch(/anonymous access \(no login found for it\) was refused.*give the login the pods use.*registry-auth-failed/);
  });

  it('--secret-file: the pull Secret the pods use, made by privreg-fix create secret', async (ctx) => {
    if (missing) ctx.skip();
    const dir = workDir(['nginx:1.25']);
    const made = await runCliAsync(['create', 'secret', 'docker-registry', 'regcred', '--docker-server', registry.host, '--docker-username', 'alice', '--password-env', 'REG_PW'], { cwd: dir, env: { REG_PW: PASSWORD } });
    expect(made.code, all(made)).toBe(0);
    const secret = path.join(tempDir(), 'regcred.yaml');
    writeFileSync(secret, made.stdout);
    const r = await verify(dir, ['--secret-file', secret]);
    expect(r.code, all(r)).toBe(0);
    expect(all(r)).not.toContain(PASSWORD);
  });

  it('--password-stdin and --password-env log in to the --registry host', async (ctx) => {
    if (missing) ctx.skip();
    const dir = workDir(['nginx:1.25']);
    const stdin = await runCliAsync(['images', '--verify', '--registry', registry.host, '--registry-ca', certs.caCert, '--docker-username', 'alice', '--password-stdin', '.'], { cwd: dir, input: `${PASSWORD}\n` });
    expect(stdin.code, all(stdin)).toBe(0);
    const env = await runCliAsync(['images', '--verify', '--registry', registry.host, '--registry-ca', certs.caCert, '--docker-username', 'alice', '--password-env', 'PW', '.'], { cwd: dir, env: { PW: WRONG } });
    expect(env.code, all(env)).toBe(1);
    expect(env.stdout).toContain('the login of user "alice" (from --password-env) was refused');
    expect(all(env)).not.toContain(WRONG);
  });

  it('without --registry-ca the self-signed CA is a clear TLS error', async (ctx) => {
    if (missing) ctx.skip();
    const dir = workDir(['nginx:1.25']);
    const r = await runCliAsync(['images', '--verify', '--registry', registry.host, '--docker-config', config, '.'], { cwd: dir });
    expect(r.code, all(r)).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`cannot reach ${registry.host.replace(/\./g, '\\.')}: TLS: .*certificate.*registry-unreachable`));
    expect(r.stdout).toContain('--registry-ca');
  });

  it('a registry that is down is unreachable, with the cause', async (ctx) => {
    if (missing) ctx.skip();
    const down = `127.0.0.1:${await freePort()}`;
    const r = await runCliAsync(['images', '--verify', '--registry', down, '--retries', '0', '.'], { cwd: workDir(['nginx:1.25']) });
    expect(r.code, all(r)).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`deploy\\.yaml:12:18\\s+error\\s+cannot check "${down}/library/nginx:1\\.25": cannot reach ${down}: connection refused.*registry-unreachable`));
  });
});

describe('images --verify against a registry with Bearer token auth', () => {
  let certs: TestCerts;
  let registry: RunningRegistry;
  let tokens: TokenServer;
  let config: string;

  beforeAll(async () => {
    if (missing) return;
    certs = await makeCerts();
    tokens = await startTokenServer(certs.signerCert, certs.signerKey, { bob: PASSWORD });
    registry = await startRegistry(certs, { kind: 'token', realm: tokens.realm, service: tokens.service, issuer: tokens.issuer, rootCertBundle: certs.signerCert });
    config = writeAuthFile(registry.host, 'bob', PASSWORD);
    await skopeoPush(buildOciLayout(['1.25']), '1.25', `${registry.host}/library/nginx:1.25`, config, certDir(certs));
  });
  afterAll(async () => {
    await registry?.stop();
    await tokens?.stop();
  });

  const verify = (images: string[], login: string): Promise<CliRun> =>
    runCliAsync(['images', '--verify', '--registry', registry.host, '--registry-ca', certs.caCert, '--docker-config', login, '.'], { cwd: workDir(images) });

  it('follows the challenge to the token service: present and missing', async (ctx) => {
    if (missing) ctx.skip();
    const before = tokens.requests;
    const r = await verify(['nginx:1.25', 'nginx:1.26', 'redis:7.2'], config);
    expect(r.code, all(r)).toBe(1);
    expect(r.stdout).toMatch(/deploy\.yaml:14:18\s+error\s+.*nginx:1\.26.*no tag 1\.26.*image-not-found/);
    expect(r.stdout).toMatch(/deploy\.yaml:16:18\s+error\s+.*redis:7\.2.*image-not-found/);
    expect(r.stdout).toMatch(/1 present, 2 not found/);
    // One token per repository (nginx twice shares one), not one per request.
    expect(tokens.requests - before).toBe(2);
  });

  it('the token service refusing the login is an authentication failure', async (ctx) => {
    if (missing) ctx.skip();
    const r = await verify(['nginx:1.25'], writeAuthFile(registry.host, 'bob', WRONG));
    expect(r.code, all(r)).toBe(1);
    expect(r.stdout).toMatch(/authentication failed: .*the token service http:\/\/127\.0\.0\.1:\d+ refused the login of user "bob".*registry-auth-failed/);
    expect(all(r)).not.toContain(WRONG);
  });

  it('an anonymous token without pull access is refused as insufficient scope', async (ctx) => {
    if (missing) ctx.skip();
    const empty = path.join(tempDir(), 'config.json');
    writeFileSync(empty, '{"auths":{}}');
    const r = await verify(['nginx:1.25'], empty);
    expect(r.code, all(r)).toBe(1);
    expect(r.stdout).toMatch(/anonymous access .*lacks pull access to library\/nginx \(insufficient_scope.*registry-auth-failed/);
  });
});

describe('images --verify against a plain-HTTP registry (--insecure-registry)', () => {
  let registry: RunningRegistry;

  beforeAll(async () => {
    if (missing) return;
    registry = await startRegistry(undefined, { kind: 'none' });
    await skopeoPush(buildOciLayout(['1.25']), '1.25', `${registry.host}/library/nginx:1.25`);
  });
  afterAll(async () => {
    await registry?.stop();
  });

  it('speaks HTTP to an --insecure-registry; without it, says the registry does not speak HTTPS', async (ctx) => {
    if (missing) ctx.skip();
    const dir = workDir(['nginx:1.25', 'redis:7.2']);
    const r = await runCliAsync(['images', '--verify', '--registry', registry.host, '--insecure-registry', registry.host, '.'], { cwd: dir, env: { DOCKER_CONFIG: tempDir() } });
    expect(r.code, all(r)).toBe(1);
    expect(r.stdout).toMatch(/deploy\.yaml:14:18\s+error\s+.*redis:7\.2.*does not exist.*image-not-found/);
    expect(r.stdout).toMatch(/1 present, 1 not found/);
    const https = await runCliAsync(['images', '--verify', '--registry', registry.host, '--retries', '0', '.'], { cwd: dir, env: { DOCKER_CONFIG: tempDir() } });
    expect(https.code, all(https)).toBe(1);
    expect(https.stdout).toMatch(/registry-unreachable/);
    expect(https.stdout).toContain('--insecure-registry HOST');
  });
});
