/**
 * `--external`: links to other sites, each asked for once (HEAD, then GET when a server refuses
 * HEAD), a few at a time and never many at once of one host, with a time limit. Answers are kept
 * for a day in `.jekyll-cache/scholarsite/links.json`, so a second run asks only about new links
 * and those that timed out or failed to connect.
 */
import { readFileSync } from 'node:fs';
import { keepCacheFile } from '../write/cache-file.ts';
import { type ExternalLinks, needlesFor } from './links.ts';
import type { Finding } from './problem.ts';
import type { BuiltPage, BuiltSite } from './site.ts';

export interface ExternalOptions {
  /** The cache file. */
  cacheFile: string;
  /** Per request, in milliseconds (default 10 s). */
  timeout?: number;
  /** Requests under way at once (default 8), and at most 2 to one host. */
  concurrency?: number;
}

/** What a server answered, or why it did not. */
interface LinkAnswer {
  /** HTTP status, when one came. */
  status?: number;
  /** `timeout` or the network error's message, when none came. */
  error?: string;
  /** When it was asked (ms since 1970). */
  checked: number;
}

const DAY = 24 * 60 * 60 * 1000;
const USER_AGENT = 'Mozilla/5.0 (compatible; scholarsite link checker)';

export async function checkExternal(
  site: BuiltSite,
  links: ExternalLinks,
  options: ExternalOptions,
): Promise<{ page: BuiltPage; finding: Finding }[]> {
  const cache = readCache(options.cacheFile, Date.now());
  const answers = new Map<string, LinkAnswer>();
  const toAsk: string[] = [];
  for (const url of links.keys()) {
    const cached = cache[url];
    if (cached) answers.set(url, cached);
    else toAsk.push(url);
  }
  await inPool(toAsk, options.concurrency ?? 8, async (url) => {
    const answer = await ask(url, options.timeout ?? 10_000);
    answers.set(url, answer);
    if (worthKeeping(answer)) cache[url] = answer;
  });
  writeCache(options.cacheFile, cache);

  const found: { page: BuiltPage; finding: Finding }[] = [];
  for (const [url, uses] of links) {
    const answer = answers.get(url);
    if (!answer || isFine(answer)) continue;
    for (const { page, reference } of uses) {
      found.push({
        page,
        finding: {
          severity: 'warning',
          rule: 'external-link',
          message: `${url} ${describeAnswer(answer)}`,
          hint: hintFor(answer),
          outputLine: reference.element.line,
          needles: needlesFor(site, reference.value),
        },
      });
    }
  }
  return found;
}

function isFine(answer: LinkAnswer): boolean {
  return answer.status !== undefined && answer.status < 400;
}

/** A definite answer is kept; a timeout, a refused connection or a busy server is asked again next time. */
function worthKeeping(answer: LinkAnswer): boolean {
  const { status } = answer;
  return status !== undefined && status < 500 && status !== 408 && status !== 429;
}

function describeAnswer(answer: LinkAnswer): string {
  if (answer.error === 'timeout') return 'did not answer in time';
  if (answer.error) return `could not be reached (${answer.error})`;
  if (answer.status === 404 || answer.status === 410) return `is gone (${answer.status})`;
  return `answered ${answer.status}`;
}

function hintFor(answer: LinkAnswer): string {
  const status = answer.status;
  if (answer.error === 'timeout')
    return 'The server may be slow or down for now: open the link in a browser; if it works, nothing to do.';
  if (answer.error)
    return 'The host may be gone or misspelled: open the link in a browser, and correct or remove it.';
  if (status === 404 || status === 410)
    return 'The page moved or was removed: find its new address (for papers, the DOI link lasts), or remove the link.';
  if (status === 401 || status === 403 || status === 429 || status === 999)
    return 'The server refuses programs such as link checkers; open the link in a browser to make sure it works.';
  return 'Open the link in a browser: if it fails there too, correct or remove it.';
}

/** HEAD first; some servers answer HEAD wrongly (405, 404, 403), so a failure is asked again with GET. */
async function ask(url: string, timeout: number): Promise<LinkAnswer> {
  const checked = Date.now();
  const head = await request(url, 'HEAD', timeout);
  if (head.error === 'timeout' || (head.status !== undefined && head.status < 400))
    return { ...head, checked };
  const get = await request(url, 'GET', timeout);
  return { ...get, checked };
}

async function request(
  url: string,
  method: 'HEAD' | 'GET',
  timeout: number,
): Promise<Omit<LinkAnswer, 'checked'>> {
  try {
    const response = await fetch(url, {
      method,
      redirect: 'follow',
      signal: AbortSignal.timeout(timeout),
      headers: { 'user-agent': USER_AGENT, accept: 'text/html,*/*;q=0.8' },
    });
    // Only the status matters: the body is not read.
    await response.body?.cancel().catch(() => {});
    return { status: response.status };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return { error: 'timeout' };
    return { error: e.cause?.code ?? e.cause?.message ?? e.message };
  }
}

/** Run `work` over the items, `limit` at a time, and at most two at a time for one host. */
async function inPool(items: string[], limit: number, work: (url: string) => Promise<void>): Promise<void> {
  const waiting = [...items];
  const perHost = new Map<string, number>();
  const hostOf = (url: string) => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  };
  await new Promise<void>((resolve) => {
    let running = 0;
    const next = () => {
      if (waiting.length === 0 && running === 0) return resolve();
      while (running < limit) {
        const index = waiting.findIndex((url) => (perHost.get(hostOf(url)) ?? 0) < 2);
        if (index === -1) return;
        const [url] = waiting.splice(index, 1);
        const host = hostOf(url);
        perHost.set(host, (perHost.get(host) ?? 0) + 1);
        running++;
        work(url).finally(() => {
          running--;
          perHost.set(host, (perHost.get(host) ?? 1) - 1);
          next();
        });
      }
    };
    next();
  });
}

function readCache(file: string, now: number): Record<string, LinkAnswer> {
  let stored: Record<string, LinkAnswer> = {};
  try {
    stored = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
  const fresh: Record<string, LinkAnswer> = {};
  for (const [url, answer] of Object.entries(stored ?? {})) {
    if (answer && typeof answer.checked === 'number' && now - answer.checked < DAY && worthKeeping(answer))
      fresh[url] = answer;
  }
  return fresh;
}

function writeCache(file: string, cache: Record<string, LinkAnswer>): void {
  keepCacheFile(file, `${JSON.stringify(cache, null, 1)}\n`); // else the links are asked again next time
}
