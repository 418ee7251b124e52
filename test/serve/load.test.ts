/**
 * `serve` under load and under attack. A 200-post site is served in-process while autocannon
 * hammers several pages and a post is saved over and over, so rebuilds replace files while they
 * are being read: no request may fail, and every page sent must be a whole page of one version
 * (what a full build writes for some saved revision), never a mix or a truncation. Then hostile
 * and malformed requests, sent on raw sockets so that nothing normalises them, must be refused
 * without a crash and without a byte from outside the site. (The plain `..` forms in every
 * encoding, backslashes and a file symlink are in http.test.ts; these are the others.)
 *
 * Rebuilds run on the server's own thread, so a page can only be torn by a write that is not
 * atomic or that yields to the event loop halfway (an async `writeFile` over the page, say);
 * this test catches that (checked by making the incremental writer do so), and a server that
 * stops answering or answers 404/503 while files are replaced.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import autocannon from 'autocannon';
import { build } from '../../src/build.ts';
import { type BuildOutcome, type RunningServer, serve } from '../../src/serve/index.ts';
import { postDate, postName, postText, writeJekyllWorkload } from '../../tools/bench/workload.ts';
import { tempDir } from '../support/temp-site.ts';

const POSTS = 200;
/** The newest post: its title is on the home page and its text in the feed. */
const EDITED = POSTS - 1;
const TIME = new Date('2026-01-15T12:00:00Z');
const SECRET = 'TOP SECRET, outside the site';

const SCRIPT = /<script src="\/__scholarsite\/client\.js" data-build="[\w.]+" defer><\/script>/;
const REVISION = /rev-(\d+)\b/g;

function postUrl(i: number): string {
  const [year, month, day] = postDate(i).split('-');
  return `/${year}/${month}/${day}/post-${i}/`;
}

/** Revision `rev` of the edited post: in its title (head, heading, home page, feed) and at its end. */
function postRevision(rev: number): string {
  return postText(EDITED, `The end of revision rev-${rev}.`).replace(
    `title: "Post number ${EDITED}"`,
    `title: "Post number ${EDITED} rev-${rev}"`,
  );
}

describe('serve under load and under attack', () => {
  let work: string;
  let source: string;
  let server: RunningServer;
  let origin: string;
  const outcomes: BuildOutcome[] = [];
  const printed: string[] = [];

  /**
   * Saves as an editor that writes a temporary file and renames it does: the build then reads
   * the old text or the new one, so any torn page would be the server's doing, not a half-written
   * source. The temporary file is outside the watched folder.
   */
  const save = (rev: number) => {
    const temporary = path.join(work, 'saving.md');
    writeFileSync(temporary, postRevision(rev));
    renameSync(temporary, path.join(source, postName(EDITED)));
  };

  before(async () => {
    work = tempDir('scholarsite-load-');
    source = path.join(work, 'site');
    writeJekyllWorkload(source, POSTS);
    writeFileSync(path.join(source, postName(EDITED)), postRevision(0));
    server = await serve({ source, port: 0, time: TIME, print: (text) => printed.push(text) });
    server.onBuild((outcome) => outcomes.push(outcome));
    origin = `http://127.0.0.1:${server.port}`;
  });
  after(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('under load while a post is saved again and again: no failed request, no torn page', {
    timeout: 120_000,
  }, async () => {
    // The pages whose every body is checked; the others only have to answer 200.
    const watched = new Map<string, { file: string; starts: string; ends: string }>([
      [
        postUrl(EDITED),
        { file: `${postUrl(EDITED)}index.html`, starts: '<!doctype html>\n', ends: '</html>\n' },
      ],
      ['/', { file: '/index.html', starts: '<!doctype html>\n', ends: '</html>\n' }],
      ['/feed.xml', { file: '/feed.xml', starts: '<?xml', ends: '</feed>' }],
    ]);
    const others = [
      '/about/',
      postUrl(0),
      postUrl(100),
      postUrl(EDITED - 1),
      '/assets/style.css',
      '/sitemap.xml',
    ];

    const saved = new Set([0]);
    /** Per watched URL: each distinct body with its revision numbers made alike, and how often. */
    const bodies = new Map<string, Map<string, number>>([...watched.keys()].map((url) => [url, new Map()]));
    const revisionsSeen = new Map<string, Set<number>>([...watched.keys()].map((url) => [url, new Set()]));
    const problems: string[] = [];
    const check = (url: string, status: number, body: string) => {
      const shape = watched.get(url)!;
      const page = body.replace(SCRIPT, '');
      const revisions = new Set([...page.matchAll(REVISION)].map((match) => Number(match[1])));
      const problem =
        status !== 200
          ? `status ${status}`
          : !page.startsWith(shape.starts) || !page.endsWith(shape.ends)
            ? `not a whole page (${page.length} characters, ends ${JSON.stringify(page.slice(-40))})`
            : revisions.size !== 1
              ? `revisions mixed: ${[...revisions].join(', ') || 'none'}`
              : !saved.has([...revisions][0])
                ? `revision ${[...revisions][0]} was never saved`
                : undefined;
      if (problem) {
        if (problems.length < 10) problems.push(`${url}: ${problem}`);
        return;
      }
      revisionsSeen.get(url)!.add([...revisions][0]);
      const alike = page.replace(REVISION, 'rev-N');
      const seen = bodies.get(url)!;
      seen.set(alike, (seen.get(alike) ?? 0) + 1);
    };

    // Saves begin, and go on through the whole load: each waits until the one before is on disk,
    // and 60 ms more, or a busy machine would be kept rebuilding with no time left to answer.
    let rev = 0;
    let saving = true;
    const editedFile = path.join(source, '_site', postUrl(EDITED), 'index.html');
    const onDisk = (rev: number) => new RegExp(`rev-${rev}\\b`).test(readFileSync(editedFile, 'utf8'));
    const saves = (async () => {
      while (saving) {
        saved.add(++rev);
        save(rev);
        await waitFor(() => onDisk(rev), 60_000);
        await new Promise((resolve) => setTimeout(resolve, 60));
      }
    })();
    saves.catch(() => {}); // awaited below
    await waitFor(() => onDisk(1), 60_000);

    // Bounded in requests, not in time: 3,000 answers and 3 rebuilds under load (20,000 answers or
    // 30 s at most). How many requests fit between rebuilds depends on the machine; nothing here
    // asserts speed.
    const loadStart = outcomes.length;
    let answered = 0;
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const started = Date.now();
      let poll: NodeJS.Timeout | undefined;
      const instance = autocannon(
        {
          url: origin,
          connections: 10,
          amount: 20_000,
          timeout: 10,
          requests: [...watched.keys(), ...others].map((url) => ({
            method: 'GET' as const,
            path: url,
            onResponse: watched.has(url)
              ? (status: number, body: string) => check(url, status, body)
              : undefined,
          })),
        },
        (error, result) => {
          clearInterval(poll);
          if (error) reject(error);
          else resolve(result);
        },
      );
      instance.on('response', () => answered++);
      poll = setInterval(() => {
        const enough = answered >= 3000 && outcomes.length - loadStart >= 3;
        if (enough || Date.now() - started > 30_000) {
          clearInterval(poll);
          instance.stop();
        }
      }, 20);
    });
    const rebuiltUnderLoad = outcomes.length - loadStart;
    saving = false;
    await saves;
    await server.idle();
    const lastSave = new RegExp(`rev-${rev}\\b`);

    assert.ok(rebuiltUnderLoad >= 3, `only ${rebuiltUnderLoad} rebuilds happened under load`);
    assert.deepEqual(
      outcomes.filter((outcome) => !outcome.ok),
      [],
      'every rebuild succeeded',
    );
    assert.deepEqual(
      printed.filter((text) => /error/i.test(text)),
      [],
    );
    assert.ok(result.requests.total >= 3000, `only ${result.requests.total} requests answered in 30 s`);
    assert.deepEqual(
      {
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        resets: result.resets,
        mismatches: result.mismatches,
      },
      { errors: 0, timeouts: 0, non2xx: 0, resets: 0, mismatches: 0 },
    );
    assert.deepEqual(problems, []);

    // Every body sent was what a full build writes, for one of the saved revisions.
    const fresh = path.join(work, 'full-build');
    await build({
      source,
      destination: fresh,
      time: TIME,
      overrides: { url: `http://localhost:${server.port}` },
      diskCache: false,
      print: () => {},
    });
    for (const [url, { file }] of watched) {
      const expected = readFileSync(path.join(fresh, file), 'utf8');
      assert.match(expected, lastSave, `${file}: the full build has the last save`);
      const seen = bodies.get(url)!;
      assert.ok(seen.size > 0, `${url} was requested`);
      for (const body of seen.keys())
        assert.equal(body, expected.replace(REVISION, 'rev-N'), `${url}: a body differs from a full build`);
      // Once still, the server sends the last save.
      const last = await fetch(`${origin}${url}`);
      assert.equal((await last.text()).replace(SCRIPT, ''), expected, `${url} after the last save`);
    }
    const revisions = [...revisionsSeen.get(postUrl(EDITED))!];
    assert.ok(revisions.length >= 2, `the edited page changed while requested (saw ${revisions.join(', ')})`);
  });

  test('malformed requests get 400, oversized ones 431; no answer ever comes from outside the site', async () => {
    const big = 'a'.repeat(100_000);
    const cases: [name: string, request: string, status: number][] = [
      // Percent-encoding that does not decode: a lone `%`, non-hex digits, overlong UTF-8 dots.
      ['a lone %', 'GET /% HTTP/1.1', 400],
      ['bad hex digits', 'GET /%zz/ HTTP/1.1', 400],
      ['a truncated escape', 'GET /about/%E0%A4%A HTTP/1.1', 400],
      ['overlong UTF-8 dots', 'GET /%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd HTTP/1.1', 400],
      // NUL truncation (`index.html\0.txt` opening `index.html`), and a bare NUL.
      ['NUL before an extension', 'GET /index.html%00.txt HTTP/1.1', 400],
      ['a bare NUL', 'GET /%00 HTTP/1.1', 400],
      ['a single dot', 'GET /%2e/about/ HTTP/1.1', 400],
      // Decoded once only: `%252e%252e` is a segment literally named `%2e%2e`, which does not exist.
      ['double-encoded dots', 'GET /%252e%252e/%252e%252e/etc/passwd HTTP/1.1', 404],
      // Absolute-form (RFC 9112 3.2.2: to be accepted): a path on this site, whatever the host.
      ['absolute-form', 'GET http://evil.example/about/ HTTP/1.1', 200],
      ['absolute-form with a path out', 'GET http://evil.example/etc/passwd HTTP/1.1', 404],
      ['absolute-form climbing', 'GET http://evil.example/%2e%2e/%2e%2e/etc/passwd HTTP/1.1', 400],
      ['absolute-form of another scheme', 'GET file:///etc/passwd HTTP/1.1', 400],
      // What Node's parser refuses before the site sees it.
      ['a header of 100 KB', `GET / HTTP/1.1\r\nX-Big: ${big}`, 431],
      ['a request line of 100 KB', `GET /${big} HTTP/1.1`, 431],
      ['a control character in the path', 'GET /ab\x01out/ HTTP/1.1', 400],
      ['a garbage request line', 'HELLO', 400],
      [
        'Content-Length with Transfer-Encoding (smuggling)',
        'GET / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked',
        400,
      ],
    ];
    for (const [name, line, status] of cases) {
      const [response] = await exchange(
        server.port,
        `${line}\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
      );
      assert.equal(response?.status, status, name);
      assert.doesNotMatch(response.raw, /root:|TOP SECRET/, name);
    }
    const about = await fetch(`${origin}/about/`);
    assert.equal(about.status, 200, 'still serving');
    // The absolute form is answered with this site's page at that path, whatever the host.
    const [absolute] = await exchange(
      server.port,
      'GET http://evil.example/about/ HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n',
    );
    assert.ok(absolute?.raw.endsWith(await about.text()), 'the about page, whole');
  });

  test('other methods get 405 and write nothing; CONNECT opens no tunnel', async () => {
    const about = path.join(source, '_site', 'about', 'index.html');
    const before = readFileSync(about, 'utf8');
    const requests = [
      'PUT /about/index.html HTTP/1.1\r\nContent-Length: 6\r\n\r\nPWNED!',
      'PUT /planted.html HTTP/1.1\r\nContent-Length: 6\r\n\r\nPWNED!',
      'POST /about/ HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nPWNED!',
      'DELETE /about/index.html HTTP/1.1\r\n\r\n',
      'PATCH /about/index.html HTTP/1.1\r\nContent-Length: 6\r\n\r\nPWNED!',
      'OPTIONS * HTTP/1.1\r\n\r\n',
      // TRACE would echo the request back (cookies included) if it were answered.
      'TRACE / HTTP/1.1\r\nCookie: session=secret\r\n\r\n',
      // A body announced as 100 MB: refused at once, without waiting for it.
      'POST / HTTP/1.1\r\nContent-Length: 104857600\r\n\r\nstart of a large body',
      // The live-reload stream opens for a GET only.
      'POST /__scholarsite/events HTTP/1.1\r\nContent-Length: 6\r\n\r\nPWNED!',
    ];
    for (const request of requests) {
      const [head, ...rest] = request.split('\r\n');
      const [response] = await exchange(
        server.port,
        [head, 'Host: localhost', 'Connection: close', ...rest].join('\r\n'),
      );
      assert.equal(response?.status, 405, head);
      assert.equal(response.headers.allow, 'GET, HEAD', head);
      assert.doesNotMatch(response.raw, /PWNED|session=secret/, head);
    }
    assert.equal(readFileSync(about, 'utf8'), before);
    assert.equal(existsSync(path.join(source, '_site', 'planted.html')), false);
    assert.equal(existsSync(path.join(source, 'planted.html')), false);

    // Nobody handles CONNECT, so Node closes the connection without an answer: no tunnel.
    const tunnel = await exchange(
      server.port,
      'CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n',
    );
    assert.deepEqual(tunnel, []);
    assert.equal((await fetch(`${origin}/about/`)).status, 200, 'still serving');
  });

  test('a folder asked for with extra leading slashes is redirected on this site, not to a host named after it', async () => {
    for (const [asked, location] of [
      ['//about', '/about/'],
      ['///assets', '/assets/'],
    ]) {
      const [response] = await exchange(
        server.port,
        `GET ${asked} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
      );
      assert.equal(response?.status, 301, asked);
      assert.equal(response.headers.location, location, asked);
      // As a browser reads it: still this server.
      assert.equal(
        new URL(response.headers.location, 'http://localhost:4000/').host,
        'localhost:4000',
        asked,
      );
    }
  });

  test('symlinks in _site that lead outside are not followed: folders, a page, the 404 page, the root', async () => {
    const outside = path.join(work, 'outside');
    mkdirSync(outside, { recursive: true });
    writeFileSync(path.join(outside, 'secret.txt'), `${SECRET}\n`);
    writeFileSync(path.join(outside, 'index.html'), `<p>${SECRET}</p>\n`);
    const site = path.join(source, '_site');
    symlinkSync(outside, path.join(site, 'elsewhere'));
    symlinkSync('/', path.join(site, 'filesystem'));
    symlinkSync(path.join(outside, 'index.html'), path.join(site, 'notes.html'));
    symlinkSync(path.join(outside, 'index.html'), path.join(site, '404.html'));
    for (const url of [
      '/elsewhere/secret.txt',
      '/elsewhere/',
      // Not even a redirect to the folder's slash, which would tell that it exists.
      '/elsewhere',
      '/filesystem/etc/passwd',
      '/filesystem/etc/',
      '/notes.html',
      '/notes',
      '/no/such/page',
    ]) {
      const [response] = await exchange(
        server.port,
        `GET ${url} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
      );
      assert.equal(response?.status, 404, url);
      assert.doesNotMatch(response.raw, /root:|TOP SECRET/, url);
    }
  });

  test('hostile requests in a row on one connection get one answer each, and the site is still served', async () => {
    const keepAlive = (line: string) => `${line}\r\nHost: localhost\r\n\r\n`;
    const responses = await exchange(
      server.port,
      [
        keepAlive('GET /% HTTP/1.1'),
        keepAlive('GET /about/ HTTP/1.1'),
        keepAlive('DELETE /about/index.html HTTP/1.1'),
        keepAlive('GET /index.html%00.txt HTTP/1.1'),
        keepAlive('GET //about HTTP/1.1'),
        keepAlive('GET /about/ HTTP/1.1'),
      ].join(''),
      6,
    );
    assert.deepEqual(
      responses.map((response) => response.status),
      [400, 200, 405, 400, 301, 200],
    );
    assert.match(responses[5].body, /A benchmark site\./);
    const home = await fetch(`${origin}/`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), new RegExp(`Post number ${EDITED} rev-\\d+`));
  });
});

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Everything received for this response, head and body. */
  raw: string;
}

/**
 * Send bytes exactly as given on a fresh connection and read up to `count` answers; fewer when
 * the server closes the connection first. Fails when nothing more comes for 5 s.
 */
function exchange(port: number, request: string, count = 1): Promise<RawResponse[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const responses: RawResponse[] = [];
    let received = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(responses);
    };
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer in 5 s to ${JSON.stringify(request.slice(0, 60))}`));
    }, 5000);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      for (let response = parseResponse(received); response; response = parseResponse(received)) {
        responses.push(response);
        received = received.slice(response.raw.length);
        if (responses.length === count) return done();
      }
    });
    // The server may answer (431) and close before it has read all of a huge request.
    socket.on('error', () => {});
    socket.on('close', done);
    socket.write(Buffer.from(request, 'latin1'));
  });
}

/** The first whole response at the start of `text`, or undefined until it has all arrived. */
function parseResponse(text: string): RawResponse | undefined {
  const headEnd = text.indexOf('\r\n\r\n');
  if (headEnd < 0) return undefined;
  const [statusLine, ...lines] = text.slice(0, headEnd).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  let at = headEnd + 4;
  let body = '';
  if (headers['transfer-encoding'] === 'chunked') {
    for (;;) {
      const lineEnd = text.indexOf('\r\n', at);
      if (lineEnd < 0) return undefined;
      const size = Number.parseInt(text.slice(at, lineEnd), 16);
      if (text.length < lineEnd + 2 + size + 2) return undefined;
      body += text.slice(lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
      if (size === 0) break;
    }
  } else {
    const length = Number(headers['content-length'] ?? 0);
    if (text.length < at + length) return undefined;
    body = text.slice(at, at + length);
    at += length;
  }
  return { status, headers, body, raw: text.slice(0, at) };
}

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
