import { Authorizer, describeLogin, type Login } from './auth.js';
import { parseAuthChallenges, pickChallenge, type AuthChallenge } from './challenge.js';
import { TransportError, type HttpResponse, type SendRequest } from './http.js';
import { withRetries, type RetryPolicy } from './retry.js';

/**
 * The manifest media types a pull accepts (OCI index and manifest, Docker manifest list and
 * manifest), so a registry answers for multi-platform images as it would to a kubelet.
 */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** One manifest to look for: `registry` as in the image reference, `reference` a tag or digest. */
export interface ManifestQuery {
  registry: string;
  repository: string;
  reference: string;
}

/** What the registry said about a manifest. Messages name the registry, never a credential. */
export type ManifestResult =
  | { status: 'present'; digest?: string; mediaType?: string }
  | {
    status: 'not-found' | 'auth-failed' | 'unreachable';
    message: string;
    /** The transport error code, when no HTTP answer came. */
    code?: string;
    /** Set when the registry refused anonymous access (no login was found for it). */
    anonymous?: boolean;
  };

/** How the client reaches registries and which login it uses for each. */
export interface ClientOptions {
  send: SendRequest;
  retry: RetryPolicy;
  /** The login for a repository of a registry (most specific `auths` key), if any. */
  loginFor(registry: string, repository: string): Login | undefined;
  /** Whether the registry is spoken to over plain HTTP (`--insecure-registry`). */
  insecure(registry: string): boolean;
}

type Ping = { ok: true; base: string; challenge?: AuthChallenge } | { ok: false; result: ManifestResult };

/** Docker Hub's API lives on another host than its name. */
function apiHost(registry: string): string {
  return registry === 'docker.io' ? 'registry-1.docker.io' : registry;
}

/**
 * A client of the Registry HTTP API v2 (the OCI distribution spec) that answers one question:
 * does this manifest exist, for the login the pods would use? Each registry is pinged once
 * (`GET /v2/`) to learn its auth challenge; each manifest then costs one `HEAD`, plus a token
 * request per repository on Bearer registries and a `GET` to explain a 404.
 */
export class RegistryClient {
  private readonly pings = new Map<string, Promise<Ping>>();
  private readonly authorizer: Authorizer;

  constructor(private readonly options: ClientOptions) {
    this.authorizer = new Authorizer(options.send, options.retry);
  }

  /** Asks the registry whether the manifest exists. Never throws for a registry's behaviour. */
  async checkManifest(query: ManifestQuery): Promise<ManifestResult> {
    const ping = await this.ping(query.registry);
    if (!ping.ok) return ping.result;
    const login = this.options.loginFor(query.registry, query.repository);
    const url = `${ping.base}/v2/${query.repository}/manifests/${query.reference}`;
    let challenge = ping.challenge;
    let response: HttpResponse | undefined;
    try {
      for (let round = 0; round < 2; round++) {
        const auth = await this.authorizer.authorize(challenge, query.repository, login);
        if (!auth.ok) return { status: auth.status, message: `${query.registry}: ${auth.message}` };
        const headers: Record<string, string> = { Accept: MANIFEST_ACCEPT, ...(auth.header ? { Authorization: auth.header } : {}) };
        ({ response } = await withRetries(() => this.options.send(url, { method: 'HEAD', headers }), this.options.retry));
        if (response.status !== 401) break;
        // A registry may challenge per repository even when its ping did not (or differently).
        const fresh = pickChallenge(parseAuthChallenges(response.header('www-authenticate') ?? ''));
        if (round > 0 || fresh === undefined || fresh.scheme === challenge?.scheme) {
          return this.refused(query, login, fresh);
        }
        challenge = fresh;
      }
    } catch (error) {
      return this.unreachable(query.registry, error);
    }
    return this.classify(query, login, response as HttpResponse, url, challenge);
  }

  private async classify(query: ManifestQuery, login: Login | undefined, response: HttpResponse, url: string, challenge: AuthChallenge | undefined): Promise<ManifestResult> {
    const { status } = response;
    if (status === 200) {
      const digest = response.header('docker-content-digest');
      const mediaType = response.header('content-type');
      return { status: 'present', ...(digest ? { digest } : {}), ...(mediaType ? { mediaType } : {}) };
    }
    if (status === 401) return this.refused(query, login, challenge);
    if (status === 403) {
      return { status: 'auth-failed', message: `${query.registry} denied ${describeLogin(login)} pull access to ${query.repository} (HTTP 403)` };
    }
    if (status === 404) return { status: 'not-found', message: await this.explainMissing(query, login, url.slice(0, url.indexOf('/v2/')), challenge) };
    const retried = status === 429 || status >= 500 ? ` after ${this.options.retry.retries + 1} attempts` : '';
    return { status: 'unreachable', message: `${query.registry} answered HTTP ${status}${retried} for ${query.repository}:${query.reference}` };
  }

  private refused(query: ManifestQuery, login: Login | undefined, challenge: AuthChallenge | undefined): ManifestResult {
    const scopeError = challenge?.params['error'] === 'insufficient_scope';
    const why = scopeError ? ` lacks pull access to ${query.repository} (insufficient_scope: the login cannot pull it, or it does not exist)` : ' was refused (HTTP 401)';
    return { status: 'auth-failed', message: `${query.registry}: ${describeLogin(login)}${why}`, ...(login ? {} : { anonymous: true }) };
  }

  /**
   * A 404 to HEAD has no body, and registries answer MANIFEST_UNKNOWN for a missing repository
   * too: the tag list tells a missing tag (listing some that exist) from a missing repository.
   */
  private async explainMissing(query: ManifestQuery, login: Login | undefined, base: string, challenge: AuthChallenge | undefined): Promise<string> {
    const isDigest = query.reference.includes(':');
    const missing = `${query.repository}${isDigest ? '@' : ':'}${query.reference} is not in ${query.registry}`;
    try {
      const auth = await this.authorizer.authorize(challenge, query.repository, login);
      if (!auth.ok) return missing;
      const headers: Record<string, string> = { Accept: 'application/json', ...(auth.header ? { Authorization: auth.header } : {}) };
      const url = `${base}/v2/${query.repository}/tags/list?n=1000`;
      const { response } = await withRetries(() => this.options.send(url, { method: 'GET', headers }), this.options.retry);
      if (response.status === 404) {
        await response.discard();
        return `${missing}: the repository ${query.repository} does not exist there`;
      }
      if (response.status !== 200) {
        await response.discard();
        return missing;
      }
      if (isDigest) return `${missing}: the repository has no manifest with that digest`;
      const tags = (JSON.parse(await response.text(256 * 1024)) as { tags?: unknown }).tags;
      const list = Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
      const shown = list.length === 0 ? 'it has no tags' : `its tags include ${list.slice(0, 5).join(', ')}${list.length > 5 ? ', ...' : ''}`;
      return `${missing}: the repository has no tag ${query.reference} (${shown})`;
    } catch {
      // The explanation is a nicety; the 404 itself has been established.
      return missing;
    }
  }

  private unreachable(registry: string, error: unknown): ManifestResult {
    if (!(error instanceof TransportError)) return { status: 'unreachable', message: `cannot reach ${registry}: request failed` };
    return { status: 'unreachable', message: `cannot reach ${registry}: ${error.message}`, code: error.code };
  }

  /** `GET /v2/` once per registry: is it there, does it speak HTTPS, which auth does it want? */
  private ping(registry: string): Promise<Ping> {
    let pending = this.pings.get(registry);
    if (!pending) {
      pending = this.doPing(registry);
      this.pings.set(registry, pending);
    }
    return pending;
  }

  private async doPing(registry: string): Promise<Ping> {
    const base = `${this.options.insecure(registry) ? 'http' : 'https'}://${apiHost(registry)}`;
    let response: HttpResponse;
    try {
      ({ response } = await withRetries(() => this.options.send(`${base}/v2/`, { method: 'GET', headers: {} }), this.options.retry));
    } catch (error) {
      return { ok: false, result: this.unreachable(registry, error) };
    }
    await response.discard();
    if (response.status === 200) return { ok: true, base };
    if (response.status === 401) {
      const challenge = pickChallenge(parseAuthChallenges(response.header('www-authenticate') ?? ''));
      return { ok: true, base, ...(challenge ? { challenge } : {}) };
    }
    return { ok: false, result: { status: 'unreachable', message: `${registry} does not serve the registry API at ${base}/v2/ (HTTP ${response.status})` } };
  }
}
