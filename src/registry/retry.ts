import { TransportError, type HttpResponse } from './http.js';

/** How often and how long to wait before trying a request again. */
export interface RetryPolicy {
  /** Extra attempts after the first (0 = no retry). */
  retries: number;
  /** Wait before the first retry in ms; doubled for each further one, with jitter. */
  backoffMs: number;
  /** Longest wait, also for a server's `Retry-After`. */
  maxWaitMs: number;
  sleep: (ms: number) => Promise<void>;
}

/** The default policy: 3 retries, 250 ms doubling, at most 10 s per wait. */
export function defaultRetryPolicy(): RetryPolicy {
  return { retries: 3, backoffMs: 250, maxWaitMs: 10_000, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };
}

/** Whether an HTTP status is worth retrying: throttled (429) or a server-side failure (5xx). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** The wait a `Retry-After` value asks for (seconds or an HTTP date), in ms, if it says one. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** What the last attempt of a request gave when retries ran out. */
export interface RetryOutcome {
  response: HttpResponse;
  attempts: number;
}

/**
 * Runs `attempt` until it answers with a status that is not retryable, retrying on 429/5xx
 * and on transient transport errors (resets, timeouts) with exponential backoff. Permanent
 * transport errors (refused, DNS, TLS trust) are thrown at once; so is the last transient one.
 */
export async function withRetries(attempt: () => Promise<HttpResponse>, policy: RetryPolicy): Promise<RetryOutcome> {
  for (let n = 0; ; n++) {
    const wait = Math.min(policy.maxWaitMs, policy.backoffMs * 2 ** n * (1 + Math.random() / 4));
    let response: HttpResponse;
    try {
      response = await attempt();
    } catch (error) {
      if (error instanceof TransportError && error.transient && n < policy.retries) {
        await policy.sleep(wait);
        continue;
      }
      throw error;
    }
    if (!isRetryableStatus(response.status) || n >= policy.retries) return { response, attempts: n + 1 };
    await response.discard();
    const asked = retryAfterMs(response.header('retry-after'));
    await policy.sleep(Math.min(policy.maxWaitMs, asked ?? wait));
  }
}
