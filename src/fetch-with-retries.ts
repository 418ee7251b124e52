/**
 * An HTTP request that is tried again when the other side says "later" or the connection
 * fails: 429 and 5xx answers (waiting as long as `Retry-After` says) and dropped connections
 * are retried with backoff (1 s, 2 s, 4 s…); a timeout at most once more; no internet at all is
 * not retried. The publication imports and theme downloads both fetch through it.
 */

export interface RetryOptions {
  /** Attempts after the first (default 3). */
  retries?: number;
  /** Longest wait between attempts; a longer `Retry-After` gives up instead (default 60 s). */
  maxWaitMs?: number;
  /** For each attempt, its answer read whole. */
  timeoutMs: number;
  /** Before each attempt (a service's spacing between requests). */
  beforeEach?: () => Promise<void>;
}

/** The last answer, its body read: a final one, or one that still said "later" when retries ran out. */
export interface Fetched<T> {
  status: number;
  statusText: string;
  body: T;
}

/** Answers that say "try again later". */
export const RETRY_STATUS: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);
/** Network errors that mean "no internet" (or the name does not resolve): not retried. */
const OFFLINE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH']);

/** Whether `fetch` failed because this machine cannot reach the server at all. */
export function isOffline(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } } | undefined)?.cause?.code;
  return code !== undefined && OFFLINE.has(code);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `Retry-After` in milliseconds: seconds or an HTTP date. */
function retryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * `fetch(url, init)` with its body read by `read`, retried as above. The last network error is
 * thrown as `fetch` threw it (a timeout as a `TimeoutError`).
 */
export async function fetchWithRetries<T>(
  url: string,
  init: RequestInit,
  read: (response: Response) => Promise<T>,
  options: RetryOptions,
): Promise<Fetched<T>> {
  let retries = options.retries ?? 3;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  for (let attempt = 0; ; attempt++) {
    await options.beforeEach?.();
    let wait = 1000 * 2 ** attempt;
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs) });
      const answer = { status: response.status, statusText: response.statusText, body: await read(response) };
      if (!RETRY_STATUS.has(response.status)) return answer;
      wait = retryAfter(response.headers.get('retry-after')) ?? wait;
      if (attempt >= retries || wait > maxWaitMs) return answer;
    } catch (error) {
      if (isOffline(error)) throw error;
      // A server silent that long twice is down: more waiting helps no one.
      if ((error as Error).name === 'TimeoutError') retries = Math.min(retries, 1);
      if (attempt >= retries || wait > maxWaitMs) throw error;
    }
    await sleep(wait);
  }
}
