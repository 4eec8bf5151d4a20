import { describe, expect, it } from 'vitest';
import { RegistryClient, type ManifestResult } from '../../src/registry/client.js';
import { TransportError, type HttpResponse, type SendRequest } from '../../src/registry/http.js';
import { retryAfterMs, type RetryPolicy } from '../../src/registry/retry.js';
import type { Login } from '../../src/registry/auth.js';

function reply(status: number, headers: Record<string, string> = {}, body = ''): HttpResponse {
  return { status, header: (n) => headers[n.toLowerCase()], text: async () => body, discard: async () => undefined };
}

interface Call { method: string; url: string; headers: Record<string, string> }

/** A fake registry: `route` answers each request; every request is recorded. */
function fake(route: (call: Call, calls: Call[]) => HttpResponse | Promise<HttpResponse>): { send: SendRequest; calls: Call[] } {
  const calls: Call[] = [];
  const send: SendRequest = async (url, init) => {
    const call = { method: init.method, url, headers: init.headers };
    calls.push(call);
    return route(call, calls);
  };
  return { send, calls };
}

const waits: number[] = [];
const policy = (retries = 3): RetryPolicy => ({ retries, backoffMs: 100, maxWaitMs: 5000, sleep: async (ms) => void waits.push(ms) });
const alice: Login = { username: 'alice', password: 'pw-123', source: 'test' };

function client(send: SendRequest, opts: { login?: Login; insecure?: boolean; retries?: number } = {}): RegistryClient {
  return new RegistryClient({ send, retry: policy(opts.retries), loginFor: () => opts.login, insecure: () => opts.insecure ?? false });
}

const q = { registry: 'reg.example.com', repository: 'library/nginx', reference: '1.25' };

describe('RegistryClient.checkManifest', () => {
  it('HEADs the manifest with the Accept types of a pull and reports the digest', async () => {
    const { send, calls } = fake((c) => (c.url.endsWith('/v2/') ? reply(200) : reply(200, { 'docker-content-digest': 'sha256:abc', 'content-type': 'application/vnd.oci.image.index.v1+json' })));
    expect(await client(send).checkManifest(q)).toEqual({ status: 'present', digest: 'sha256:abc', mediaType: 'application/vnd.oci.image.index.v1+json' });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET https://reg.example.com/v2/', 'HEAD https://reg.example.com/v2/library/nginx/manifests/1.25']);
    expect(calls[1]?.headers['Accept']).toBe('application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json');
  });

  it('pings a registry once for many manifests; plain HTTP for insecure registries; Docker Hub at registry-1', async () => {
    const { send, calls } = fake(() => reply(200));
    const c = client(send, { insecure: true });
    await Promise.all([c.checkManifest(q), c.checkManifest({ ...q, reference: '1.26' }), c.checkManifest({ ...q, registry: 'docker.io' })]);
    expect(calls.filter((x) => x.url.endsWith('/v2/')).map((x) => x.url).sort()).toEqual(['http://reg.example.com/v2/', 'http://registry-1.docker.io/v2/']);
  });

  it('Basic: sends the login after the challenge; a refusal names the user and its source, never the password', async () => {
    const { send, calls } = fake((c) => (c.headers['Authorization'] === `Basic ${Buffer.from('alice:pw-123').toString('base64')}` && c.method === 'HEAD' ? reply(401, { 'www-authenticate': 'Basic realm="r"' }) : reply(401, { 'www-authenticate': 'Basic realm="r"' })));
    const r = await client(send, { login: alice }).checkManifest(q);
    expect(r).toEqual({ status: 'auth-failed', message: 'reg.example.com: the login of user "alice" (from test) was refused (HTTP 401)' });
    expect(JSON.stringify(r)).not.toContain('pw-123');
    expect(calls.filter((c) => c.method === 'HEAD')).toHaveLength(1);
  });

  it('Bearer: one token per repository (realm, service, scope), reused for every tag', async () => {
    const token = 'tok-secret-xyz';
    const { send, calls } = fake((c) => {
      if (c.url.endsWith('/v2/')) return reply(401, { 'www-authenticate': 'Bearer realm="https://auth.example.com/token",service="reg"' });
      if (c.url.startsWith('https://auth.example.com/')) return reply(200, {}, JSON.stringify({ token, expires_in: 300 }));
      return c.headers['Authorization'] === `Bearer ${token}` ? reply(200) : reply(401, { 'www-authenticate': 'Bearer realm="https://auth.example.com/token",service="reg",error="invalid_token"' });
    });
    const c = client(send, { login: alice });
    const results = await Promise.all([c.checkManifest(q), c.checkManifest({ ...q, reference: '1.26' }), c.checkManifest({ ...q, repository: 'library/redis' })]);
    expect(results.map((r) => r.status)).toEqual(['present', 'present', 'present']);
    const tokenCalls = calls.filter((x) => x.url.startsWith('https://auth.example.com/'));
    expect(tokenCalls.map((x) => new URL(x.url).searchParams.toString()).sort()).toEqual([
      'service=reg&scope=repository%3Alibrary%2Fnginx%3Apull',
      'service=reg&scope=repository%3Alibrary%2Fredis%3Apull',
    ]);
    expect(tokenCalls[0]?.headers['Authorization']).toBe(`Basic ${Buffer.from('alice:pw-123').toString('base64')}`);
  });

  it('a registry that challenges per repository after an open ping is answered once more', async () => {
    const { send } = fake((c) => {
      if (c.url.endsWith('/v2/')) return reply(200);
      return c.headers['Authorization'] ? reply(200) : reply(401, { 'www-authenticate': 'Basic realm="r"' });
    });
    expect((await client(send, { login: alice }).checkManifest(q)).status).toBe('present');
  });

  it('retries 429 and 5xx with backoff, honouring Retry-After; then reports the status', async () => {
    waits.length = 0;
    let n = 0;
    const { send } = fake((c) => (c.url.endsWith('/v2/') ? reply(200) : ++n < 3 ? reply(n === 1 ? 429 : 503, n === 1 ? { 'retry-after': '2' } : {}) : reply(200)));
    expect((await client(send).checkManifest(q)).status).toBe('present');
    expect(waits[0]).toBe(2000);
    expect(waits[1]).toBeGreaterThanOrEqual(200);
    const always = fake((c) => (c.url.endsWith('/v2/') ? reply(200) : reply(503)));
    const r = await client(always.send, { retries: 2 }).checkManifest(q);
    expect(r).toEqual({ status: 'unreachable', message: 'reg.example.com answered HTTP 503 after 3 attempts for library/nginx:1.25' });
    expect(always.calls.filter((c) => c.method === 'HEAD')).toHaveLength(3);
  });

  it('retries dropped connections but not refused ones', async () => {
    let resets = 0;
    const flaky = fake(() => {
      if (resets++ < 1) throw new TransportError('socket hang up (ECONNRESET)', 'ECONNRESET', true);
      return reply(200);
    });
    expect((await client(flaky.send).checkManifest(q)).status).toBe('present');
    const refused = fake(() => {
      throw new TransportError('connection refused (nothing listens on that port)', 'ECONNREFUSED', false);
    });
    const r = await client(refused.send).checkManifest(q) as Extract<ManifestResult, { message: string }>;
    expect(r).toEqual({ status: 'unreachable', message: 'cannot reach reg.example.com: connection refused (nothing listens on that port)', code: 'ECONNREFUSED' });
    expect(refused.calls).toHaveLength(1);
  });

  it('a 404 is explained from the tag list: missing repository, missing tag with some tags that exist', async () => {
    const repoMissing = fake((c) => (c.url.endsWith('/v2/') ? reply(200) : reply(404, {}, '{"errors":[{"code":"NAME_UNKNOWN"}]}')));
    expect(await client(repoMissing.send).checkManifest(q)).toEqual({ status: 'not-found', message: 'library/nginx:1.25 is not in reg.example.com: the repository library/nginx does not exist there' });
    const tagMissing = fake((c) => (c.url.endsWith('/v2/') ? reply(200) : c.url.includes('/tags/list') ? reply(200, {}, '{"tags":["1.24","1.26"]}') : reply(404)));
    expect(await client(tagMissing.send).checkManifest(q)).toEqual({ status: 'not-found', message: 'library/nginx:1.25 is not in reg.example.com: the repository has no tag 1.25 (its tags include 1.24, 1.26)' });
  });

  it('403 is a denial; a host without the v2 API is unreachable', async () => {
    const denied = fake((c) => (c.url.endsWith('/v2/') ? reply(200) : reply(403)));
    expect((await client(denied.send, { login: alice }).checkManifest(q)).status).toBe('auth-failed');
    const web = fake(() => reply(404));
    expect(await client(web.send).checkManifest(q)).toEqual({ status: 'unreachable', message: 'reg.example.com does not serve the registry API at https://reg.example.com/v2/ (HTTP 404)' });
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});
