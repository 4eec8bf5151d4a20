/**
 * The one adapter to the HTTP library (undici, the implementation behind Node's fetch): TLS
 * trust, proxies from the environment, timeouts, and errors turned into plain causes. Nothing
 * here sees a credential except as an opaque header value it passes on.
 */
import { createSecureContext } from 'node:tls';
import { EnvHttpProxyAgent, fetch } from 'undici';

/** What the registry client needs of a response. */
export interface HttpResponse {
  status: number;
  header(name: string): string | undefined;
  /** The body as text, at most `limit` characters (error bodies and tokens are small). */
  text(limit?: number): Promise<string>;
  /** Drops an unread body so the connection can be reused. */
  discard(): Promise<void>;
}

/** Sends one request; throws `TransportError` when no HTTP response arrives. */
export type SendRequest = (url: string, init: { method: 'GET' | 'HEAD'; headers: Record<string, string> }) => Promise<HttpResponse>;

/** No HTTP response: the connection, TLS or the timeout failed. The message never holds headers. */
export class TransportError extends Error {
  /** Node's or undici's error code (`ECONNREFUSED`, `DEPTH_ZERO_SELF_SIGNED_CERT`, `TIMEOUT`, ...). */
  readonly code: string;
  /** Worth retrying: a reset or a timeout, not a refused connection or an untrusted certificate. */
  readonly transient: boolean;

  constructor(message: string, code: string, transient: boolean) {
    super(message);
    this.name = 'TransportError';
    this.code = code;
    this.transient = transient;
  }
}

/** Settings of the transport. */
export interface HttpSettings {
  /** Trusted CA certificates (PEM); undefined keeps Node's defaults. */
  ca?: string[];
  /** Per-request timeout in milliseconds (connect to end of headers and body). */
  timeoutMs: number;
  /** Proxy settings, as in the environment (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`). */
  proxy: { http?: string; https?: string; noProxy?: string };
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_UNTRUSTED', 'CERT_REVOKED',
]);
const TRANSIENT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'TIMEOUT', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'EAI_AGAIN']);

/** Whether a transport error code is about the server's certificate. */
export function isTlsTrustError(code: string): boolean {
  return TLS_CODES.has(code);
}

/** Turns whatever fetch threw into a TransportError with a readable cause. */
export function describeFetchError(error: unknown, timeoutMs: number): TransportError {
  if (error instanceof TransportError) return error;
  const e = error as { name?: string; cause?: unknown; code?: string; message?: string };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    return new TransportError(`no answer within ${timeoutMs / 1000} s (timeout)`, 'TIMEOUT', true);
  }
  // fetch wraps the network error as TypeError('fetch failed', { cause }); the cause may nest.
  let cause: unknown = e.cause ?? error;
  while ((cause as { cause?: unknown }).cause && !(cause as { code?: string }).code) cause = (cause as { cause?: unknown }).cause;
  const c = cause as { code?: string; message?: string; reason?: string };
  const code = c.code ?? 'ERROR';
  const reason = (c.reason ?? c.message ?? String(cause)).replace(/\s+/g, ' ').trim();
  if (code === 'ECONNREFUSED') return new TransportError('connection refused (nothing listens on that port)', code, false);
  if (code === 'ENOTFOUND') return new TransportError('host name not found (DNS)', code, false);
  if (code === 'EAI_AGAIN') return new TransportError('host name lookup failed temporarily (DNS)', code, true);
  if (TLS_CODES.has(code)) return new TransportError(`TLS: ${reason} (${code})`, code, false);
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number|packet length too long/i.test(reason)) {
    return new TransportError('TLS handshake failed: the server does not speak HTTPS on that port', code, false);
  }
  return new TransportError(`${reason} (${code})`, code, TRANSIENT_CODES.has(code));
}

/** A transport over undici with the settings; call `close()` when done. */
export function createHttp(settings: HttpSettings): { send: SendRequest; close(): Promise<void> } {
  // One secure context for every connection: building one from a few hundred CA certificates
  // takes tens of milliseconds, too much to repeat per connection.
  const tls = settings.ca ? { secureContext: createSecureContext({ ca: settings.ca }) } : {};
  // `connect` is used for direct connections, `requestTls` for tunnels through a proxy.
  const dispatcher = new EnvHttpProxyAgent({
    httpProxy: settings.proxy.http ?? '',
    httpsProxy: settings.proxy.https ?? '',
    noProxy: settings.proxy.noProxy ?? '',
    connect: tls,
    requestTls: tls,
    connections: 8,
  });
  const send: SendRequest = async (url, init) => {
    let response;
    try {
      response = await fetch(url, {
        method: init.method,
        headers: init.headers,
        dispatcher,
        redirect: 'follow',
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
    } catch (error) {
      throw describeFetchError(error, settings.timeoutMs);
    }
    const res = response;
    return {
      status: res.status,
      header: (name) => res.headers.get(name) ?? undefined,
      text: async (limit = 64 * 1024) => {
        try {
          return (await res.text()).slice(0, limit);
        } catch (error) {
          throw describeFetchError(error, settings.timeoutMs);
        }
      },
      discard: async () => {
        await res.body?.cancel().catch(() => undefined);
      },
    };
  };
  return { send, close: () => dispatcher.close() };
}
