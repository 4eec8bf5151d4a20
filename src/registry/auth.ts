import type { AuthChallenge } from './challenge.js';
import { TransportError, type SendRequest } from './http.js';
import { withRetries, type RetryPolicy } from './retry.js';

/** A registry login. `source` says where it came from, for messages; it is never the secret. */
export interface Login {
  username: string;
  password: string;
  /** e.g. `--docker-config /home/me/.docker/config.json`, `--secret-file regcred.yaml`. */
  source: string;
}

/** The outcome of asking for an `Authorization` header. */
export type AuthResult =
  | { ok: true; header?: string }
  | { ok: false; status: 'auth-failed' | 'unreachable'; message: string };

/** The `Authorization` value of HTTP Basic auth for a login. */
export function basicHeader(login: Pick<Login, 'username' | 'password'>): string {
  return `Basic ${Buffer.from(`${login.username}:${login.password}`, 'utf8').toString('base64')}`;
}

/** Who asked, for messages: the user and where the login came from, or "anonymous". */
export function describeLogin(login: Login | undefined): string {
  return login ? `the login of user "${login.username}" (from ${login.source})` : 'anonymous access (no login found for it)';
}

/**
 * Answers registry auth challenges: Basic with the login, Bearer with a token fetched from the
 * challenge's realm for `repository:NAME:pull` (the token flow of the distribution spec), with
 * the login as Basic auth on the token request, or anonymously. Tokens are cached per realm,
 * service, scope and user until shortly before they expire, so concurrent checks of one
 * repository share one token request.
 */
export class Authorizer {
  private readonly tokens = new Map<string, Promise<AuthResult & { expiresAt?: number }>>();

  constructor(private readonly send: SendRequest, private readonly retry: RetryPolicy, private readonly now: () => number = Date.now) {}

  /** The header for a request to `repository` under `challenge` (none when there is no challenge). */
  async authorize(challenge: AuthChallenge | undefined, repository: string, login: Login | undefined): Promise<AuthResult> {
    if (challenge === undefined) return { ok: true };
    if (challenge.scheme === 'basic') return { ok: true, ...(login ? { header: basicHeader(login) } : {}) };
    if (challenge.scheme !== 'bearer') {
      return { ok: false, status: 'auth-failed', message: `the registry asks for "${challenge.scheme}" authentication, which privreg-fix does not support (only Basic and Bearer)` };
    }
    const realm = challenge.params['realm'];
    if (realm === undefined || !/^https?:\/\//i.test(realm)) {
      return { ok: false, status: 'unreachable', message: 'the registry asked for a Bearer token without a usable realm URL' };
    }
    const service = challenge.params['service'];
    const scope = `repository:${repository}:pull`;
    const key = JSON.stringify([realm, service ?? '', scope, login?.username ?? '', login?.source ?? '']);
    const cached = this.tokens.get(key);
    if (cached) {
      const result = await cached;
      if (!result.ok || (result.expiresAt ?? 0) > this.now()) return result;
    }
    const pending = this.fetchToken(realm, service, scope, login);
    this.tokens.set(key, pending);
    return pending;
  }

  private async fetchToken(realm: string, service: string | undefined, scope: string, login: Login | undefined): Promise<AuthResult & { expiresAt?: number }> {
    const url = new URL(realm);
    if (service !== undefined) url.searchParams.set('service', service);
    url.searchParams.set('scope', scope);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (login) headers['Authorization'] = basicHeader(login);
    const where = `the token service ${url.origin}`;
    let outcome;
    try {
      outcome = await withRetries(() => this.send(url.toString(), { method: 'GET', headers }), this.retry);
    } catch (error) {
      const cause = error instanceof TransportError ? error.message : 'request failed';
      return { ok: false, status: 'unreachable', message: `cannot reach ${where}: ${cause}` };
    }
    const { response } = outcome;
    if (response.status === 401 || response.status === 403) {
      await response.discard();
      return { ok: false, status: 'auth-failed', message: `${where} refused ${describeLogin(login)} (HTTP ${response.status})` };
    }
    if (response.status !== 200) {
      await response.discard();
      return { ok: false, status: 'unreachable', message: `${where} answered HTTP ${response.status}` };
    }
    let body: { token?: unknown; access_token?: unknown; expires_in?: unknown };
    try {
      body = JSON.parse(await response.text()) as typeof body;
    } catch {
      return { ok: false, status: 'unreachable', message: `${where} did not answer with a JSON token` };
    }
    const token = typeof body.token === 'string' && body.token !== '' ? body.token : body.access_token;
    if (typeof token !== 'string' || token === '') return { ok: false, status: 'unreachable', message: `${where} answered without a token` };
    // The spec's default lifetime is 60 s; keep a margin so a token never expires in flight.
    const seconds = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60;
    return { ok: true, header: `Bearer ${token}`, expiresAt: this.now() + Math.max(0, seconds - 10) * 1000 };
  }
}
