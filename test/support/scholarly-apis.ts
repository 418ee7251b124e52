/**
 * A stand-in for ORCID, Crossref, doi.org, arXiv, DBLP, OpenAlex and Semantic Scholar on this
 * machine, answering with bodies shaped as each API documents them. Tests change `data` to
 * play an upstream change, and `failNext` to play a busy service.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInData {
  /** ORCID iD → its works as ORCID's v3.0 summaries and full records. */
  orcid: Record<string, { summary: unknown; work?: unknown }[][]>;
  /** DOI (lower case) → Crossref's `message`. */
  crossref: Record<string, Record<string, unknown>>;
  /** DOI → BibTeX, as doi.org answers `Accept: application/x-bibtex`. */
  doiBibtex: Record<string, string>;
  /** arXiv id → the inside of its Atom `<entry>`. */
  arxiv: Record<string, string>;
  /** DBLP pid → the `<r>` elements of its person page. */
  dblp: Record<string, string>;
  /** DOI (lower case) → cited_by_count / citationCount. */
  citations: Record<string, number>;
}

export interface StandIn {
  data: StandInData;
  requests: { url: string; headers: IncomingMessage['headers'] }[];
  /** The next `count` requests whose path starts with `prefix` answer `status` (0: never answer). */
  failNext(prefix: string, status: number, count: number, retryAfter?: string): void;
  env: Record<string, string>;
  close(): Promise<void>;
}

/** A port on this machine that nothing listens on: as a service is when there is no network. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const json = (body: unknown) => ({ status: 200, type: 'application/json', body: JSON.stringify(body) });

export async function startStandIn(data: StandInData): Promise<StandIn> {
  const requests: StandIn['requests'] = [];
  const failures: { prefix: string; status: number; count: number; retryAfter?: string }[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      requests.push({ url: request.url ?? '', headers: request.headers });
      const failure = failures.find((f) => url.pathname.startsWith(f.prefix) && f.count > 0);
      if (failure) {
        failure.count--;
        if (failure.status === 0) return; // a service that hangs
        response.writeHead(failure.status, failure.retryAfter ? { 'Retry-After': failure.retryAfter } : {});
        response.end('Too many requests');
        return;
      }
      const answer = route(data, url, request, body);
      response.writeHead(answer.status, { 'Content-Type': answer.type });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    data,
    requests,
    failNext: (prefix, status, count, retryAfter) => failures.push({ prefix, status, count, retryAfter }),
    env: {
      SCHOLARSITE_ORCID_API: `${base}/orcid/v3.0`,
      SCHOLARSITE_CROSSREF_API: `${base}/crossref`,
      SCHOLARSITE_DOI_URL: `${base}/doi`,
      SCHOLARSITE_ARXIV_API: `${base}/arxiv/api`,
      SCHOLARSITE_DBLP_URL: `${base}/dblp`,
      SCHOLARSITE_OPENALEX_API: `${base}/openalex`,
      SCHOLARSITE_SEMANTIC_SCHOLAR_API: `${base}/s2/graph/v1`,
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function route(
  data: StandInData,
  url: URL,
  request: IncomingMessage,
  body: string,
): { status: number; type: string; body: string } {
  const path = decodeURIComponent(url.pathname);
  // ORCID v3.0: /{orcid}/works and /{orcid}/works/{put-code,put-code}
  const orcidMatch = /^\/orcid\/v3\.0\/([\d-]+X?)\/works(?:\/([\d,]+))?$/.exec(path);
  if (orcidMatch) {
    const match = orcidMatch;
    const groups = data.orcid[match[1]];
    if (!groups) {
      return json404({
        'response-code': 404,
        'developer-message': `404 Not Found: The resource was not found.`,
      });
    }
    if (!match[2]) {
      return json({
        'last-modified-date': { value: 1700000000000 },
        group: groups.map((group) => ({
          'last-modified-date': { value: 1700000000000 },
          'external-ids': (group[0].summary as { 'external-ids': unknown })['external-ids'],
          'work-summary': group.map((w) => w.summary),
        })),
        path: `/${match[1]}/works`,
      });
    }
    const works = groups.flat();
    return json({
      bulk: match[2].split(',').map((code) => {
        const found = works.find((w) => String((w.summary as { 'put-code': number })['put-code']) === code);
        return found?.work
          ? { work: found.work }
          : { error: { 'response-code': 404, 'developer-message': `No work ${code}` } };
      }),
    });
  }
  // Crossref REST: /works/{doi}
  const crossrefMatch = /^\/crossref\/works\/(.+)$/.exec(path);
  if (crossrefMatch) {
    const match = crossrefMatch;
    const message = data.crossref[match[1].toLowerCase()];
    if (!message) return { status: 404, type: 'text/plain', body: 'Resource not found.' };
    return json({ status: 'ok', 'message-type': 'work', 'message-version': '1.0.0', message });
  }
  // doi.org content negotiation
  const doiMatch = /^\/doi\/(.+)$/.exec(path);
  if (doiMatch) {
    const match = doiMatch;
    const bibtex = data.doiBibtex[match[1].toLowerCase()];
    if (!bibtex || request.headers.accept !== 'application/x-bibtex') {
      return { status: 404, type: 'text/html', body: '<html><body>DOI Not Found</body></html>' };
    }
    return { status: 200, type: 'application/x-bibtex; charset=utf-8', body: bibtex };
  }
  // arXiv: /api/query?id_list=a,b
  if (path === '/arxiv/api/query') {
    const ids = (url.searchParams.get('id_list') ?? '').split(',').filter(Boolean);
    const bad = ids.find((id) => !/^\d{4}\.\d{4,5}(v\d+)?$|^[a-z-]+\/\d{7}$/.test(id));
    const head =
      '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">\n  <id>https://arxiv.org/api/x</id>\n  <title>arXiv Query: id_list</title>\n  <updated>2026-12-07T00:00:00Z</updated>\n';
    if (bad) {
      return {
        status: 400,
        type: 'application/atom+xml',
        body: `${head}  <opensearch:totalResults>1</opensearch:totalResults>\n  <entry>\n    <id>http://arxiv.org/api/errors#incorrect_id_format_for_${bad}</id>\n    <title>Error</title>\n    <summary>incorrect id format for ${bad}</summary>\n  </entry>\n</feed>\n`,
      };
    }
    const entries = ids
      .filter((id) => data.arxiv[id])
      .map((id) => `  <entry>\n${data.arxiv[id]}\n  </entry>\n`);
    return {
      status: 200,
      type: 'application/atom+xml',
      body: `${head}  <opensearch:totalResults>${entries.length}</opensearch:totalResults>\n${entries.join('')}</feed>\n`,
    };
  }
  // DBLP: /pid/{pid}.xml
  const dblpMatch = /^\/dblp\/pid\/(.+)\.xml$/.exec(path);
  if (dblpMatch) {
    const match = dblpMatch;
    const records = data.dblp[match[1]];
    if (!records) return { status: 404, type: 'text/html', body: '<html>Error 404: Not Found</html>' };
    return {
      status: 200,
      type: 'application/xml',
      body: `<?xml version="1.0" encoding="US-ASCII"?>\n<dblpperson name="Mira Okafor" pid="${match[1]}" n="2">\n<person key="homepages/${match[1]}" mdate="2024-01-01"><author pid="${match[1]}">Mira Okafor</author></person>\n${records}\n</dblpperson>\n`,
    };
  }
  // OpenAlex: /works?filter=doi:a|b
  if (path === '/openalex/works') {
    const filter = url.searchParams.get('filter') ?? '';
    const dois = filter
      .replace(/^doi:/, '')
      .split('|')
      .map((doi) => doi.replace(/^https:\/\/doi\.org\//, '').toLowerCase());
    const results = dois
      .filter((doi) => data.citations[doi] !== undefined)
      .map((doi, i) => ({
        id: `https://openalex.org/W${1000 + i}`,
        doi: `https://doi.org/${doi}`,
        cited_by_count: data.citations[doi],
      }));
    return json({
      meta: { count: results.length, db_response_time_ms: 12, page: 1, per_page: 50 },
      results,
      group_by: [],
    });
  }
  // Semantic Scholar: POST /paper/batch?fields=citationCount
  if (path === '/s2/graph/v1/paper/batch' && request.method === 'POST') {
    const { ids } = JSON.parse(body) as { ids: string[] };
    return json(
      ids.map((id) => {
        const doi = id
          .replace(/^DOI:/, '')
          .replace(/^ARXIV:/, '10.48550/arxiv.')
          .toLowerCase();
        return data.citations[doi] === undefined
          ? null
          : { paperId: `p${doi.length}`, citationCount: data.citations[doi] };
      }),
    );
  }
  return { status: 404, type: 'text/plain', body: `no route for ${path}` };
}

const json404 = (body: unknown) => ({ status: 404, type: 'application/json', body: JSON.stringify(body) });
