/**
 * Requests to the scholarly services, made as their terms ask: a User-Agent that names
 * scholarsite and, when the site gives one, a contact e-mail (Crossref's and OpenAlex's "polite
 * pool"); one request at a time, spaced as each service asks; a timeout; 429 and 5xx answers
 * retried with backoff, waiting as long as `Retry-After` says. Being offline is one clear error.
 */
import { SiteError } from '../../errors.ts';
import { type Fetched, fetchWithRetries, isOffline, RETRY_STATUS } from '../../fetch-with-retries.ts';

export interface Service {
  /** As the user knows it: "Crossref", "arXiv". */
  name: string;
  /** Where its API is; an environment variable may point it elsewhere (a test's stand-in). */
  base: string;
  /** Least time between two requests, as the service's policy asks. */
  spacingMs: number;
}

/** The services, each base URL overridable by an environment variable. */
export function services(env: NodeJS.ProcessEnv = process.env) {
  const service = (name: string, variable: string, base: string, spacingMs: number): Service => ({
    name,
    base: (env[variable] || base).replace(/\/+$/, ''),
    spacingMs,
  });
  return {
    orcid: service('ORCID', 'SCHOLARSITE_ORCID_API', 'https://pub.orcid.org/v3.0', 100),
    crossref: service('Crossref', 'SCHOLARSITE_CROSSREF_API', 'https://api.crossref.org', 100),
    doi: service('doi.org', 'SCHOLARSITE_DOI_URL', 'https://doi.org', 100),
    // arXiv asks for no more than one request every three seconds.
    arxiv: service('arXiv', 'SCHOLARSITE_ARXIV_API', 'https://export.arxiv.org/api', 3000),
    dblp: service('DBLP', 'SCHOLARSITE_DBLP_URL', 'https://dblp.org', 1000),
    openalex: service('OpenAlex', 'SCHOLARSITE_OPENALEX_API', 'https://api.openalex.org', 100),
    // Without an API key Semantic Scholar allows about one request a second.
    semanticScholar: service(
      'Semantic Scholar',
      'SCHOLARSITE_SEMANTIC_SCHOLAR_API',
      'https://api.semanticscholar.org/graph/v1',
      1100,
    ),
  };
}

export interface ClientOptions {
  userAgent: string;
  /** Contact e-mail: sent in the User-Agent and, where asked, as `mailto=`. */
  mailto?: string;
  /** Default: SCHOLARSITE_TIMEOUT seconds, else 30 s. */
  timeoutMs?: number;
  /** Attempts after the first, for 429, 5xx, timeouts and dropped connections. */
  retries?: number;
  /** Longest wait between attempts; a longer `Retry-After` gives up instead. */
  maxWaitMs?: number;
}

export interface Answer {
  status: number;
  text: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ScholarlyClient {
  private readonly last = new Map<string, number>();
  readonly mailto: string | undefined;

  private readonly timeoutMs: number;

  constructor(private readonly options: ClientOptions) {
    this.mailto = options.mailto;
    this.timeoutMs = options.timeoutMs ?? (Number(process.env.SCHOLARSITE_TIMEOUT) * 1000 || 30_000);
  }

  /** GET (or POST `body`) `url` of `service`; 404 and other final answers are returned, not thrown. */
  async request(
    service: Service,
    url: string,
    init: { accept: string; body?: string; headers?: Record<string, string> },
  ): Promise<Answer> {
    const userAgent = this.mailto
      ? `${this.options.userAgent} (mailto:${this.mailto})`
      : this.options.userAgent;
    let answer: Fetched<string>;
    try {
      answer = await fetchWithRetries(
        url,
        {
          method: init.body === undefined ? 'GET' : 'POST',
          body: init.body,
          headers: {
            'User-Agent': userAgent,
            Accept: init.accept,
            ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
            ...init.headers,
          },
          redirect: 'follow',
        },
        (response) => response.text(),
        {
          retries: this.options.retries,
          maxWaitMs: this.options.maxWaitMs,
          timeoutMs: this.timeoutMs,
          beforeEach: () => this.keepSpacing(service, url),
        },
      );
    } catch (error) {
      const cause = (error as Error & { cause?: NodeJS.ErrnoException }).cause;
      if (cause && isOffline(error)) throw offline(service, url, cause);
      if ((error as Error).name === 'TimeoutError')
        throw unread(service, url, `it did not answer within ${Math.round(this.timeoutMs / 1000)} s`);
      throw unread(service, url, cause?.message ?? (error as Error).message);
    }
    if (RETRY_STATUS.has(answer.status))
      throw unread(service, url, `it answered ${answer.status} ${answer.statusText}`.trim());
    return { status: answer.status, text: answer.body };
  }

  /** Requests to a service on this machine (a stand-in) need no spacing. */
  private async keepSpacing(service: Service, url: string): Promise<void> {
    if (/^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url)) return;
    const since = Date.now() - (this.last.get(service.name) ?? 0);
    if (since < service.spacingMs) await sleep(service.spacingMs - since);
    this.last.set(service.name, Date.now());
  }
}

/** A service that kept failing: busy, down or silent. */
function unread(service: Service, url: string, failure: string): SiteError {
  return new SiteError({
    message: `${service.name} could not be read: ${failure} (${url})`,
    file: new URL(url).host,
    hint: `The service may be busy or down; run the command again later. Nothing was changed by this request.`,
  });
}

function offline(service: Service, url: string, cause: NodeJS.ErrnoException): SiteError {
  return new SiteError({
    message: `could not reach ${service.name} (${cause.code}: ${cause.message})`,
    file: new URL(url).host,
    hint: 'This command needs the internet: connect and run it again. Nothing was changed.',
  });
}

/** An answer the service's documentation does not lead one to expect. */
export function unexpectedAnswer(service: Service, url: string, answer: Answer): SiteError {
  return new SiteError({
    message: `${service.name} answered ${answer.status} to ${url}`,
    file: new URL(url).host,
    hint: 'Run the command again later; if it keeps failing, please report it. Nothing was changed.',
  });
}
