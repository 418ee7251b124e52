/**
 * `serve` over HTTP: what GitHub Pages would answer (types, folders, extension-less URLs, the
 * 404 page, baseurl, HEAD, caching headers), refusals for every way out of the destination,
 * rebuilds on save, the events pages listen to, and the command line's port handling.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type BuildOutcome, type RunningServer, serve } from '../../src/serve/index.ts';
import { runCli } from '../support/cli.ts';
import { edit, SERVE_SITE, serveSite } from '../support/serve-site.ts';
import { tempDir } from '../support/temp-site.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/scholarsite.js');

interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: the path is sent exactly as written (no client-side normalising). */
function get(
  port: number,
  rawPath: string,
  init: { method?: string; headers?: Record<string, string> } = {},
) {
  return new Promise<Response>((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path: rawPath, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function nextBuild(server: RunningServer): Promise<BuildOutcome> {
  return new Promise((resolve) => server.onBuild(resolve));
}

describe('serve: answering requests like GitHub Pages', () => {
  let source: string;
  let server: RunningServer;
  const secret = path.join(tempDir('scholarsite-secret-'), 'secret.txt');

  before(async () => {
    source = serveSite();
    server = await serve({ source, port: 0, print: () => {}, debounceMs: 30 });
    writeFileSync(secret, 'TOP SECRET');
    symlinkSync(secret, path.join(source, '_site', 'leak.txt'));
  });
  after(() => server.close());

  test('pages, stylesheets, images and feeds get their types', async () => {
    const cases: [string, string][] = [
      ['/', 'text/html; charset=utf-8'],
      ['/assets/css/main.css', 'text/css; charset=utf-8'],
      ['/assets/images/pixel.svg', 'image/svg+xml'],
      ['/feed.xml', 'application/xml'],
    ];
    for (const [url, type] of cases) {
      const response = await get(server.port, url);
      assert.equal(response.status, 200, url);
      assert.equal(response.headers['content-type'], type, url);
    }
  });

  test('the live-reload script is added to pages as they are sent, never to the files', async () => {
    const page = await get(server.port, '/');
    assert.match(
      page.body,
      /<script src="\/__scholarsite\/client\.js" data-build="[\w.]+" defer><\/script><\/body>/,
    );
    assert.doesNotMatch(readFileSync(path.join(source, '_site', 'index.html'), 'utf8'), /__scholarsite/);
    assert.doesNotMatch((await get(server.port, '/assets/css/main.css')).body, /__scholarsite/);
    const client = await get(server.port, '/__scholarsite/client.js');
    assert.equal(client.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.match(client.body, /EventSource/);
  });

  test('folders serve index.html; a folder without its slash is redirected; /name finds name.html', async () => {
    const redirect = await get(server.port, '/about');
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.location, '/about/');
    assert.match((await get(server.port, '/about/')).body, /I study <em>examples<\/em>/);
    const post = await get(server.port, '/2024/01/10/first');
    assert.equal(post.status, 200);
    assert.match(post.body, /<h1 id="title">First post<\/h1>/);
  });

  test("a missing page gets the site's 404.html with status 404", async () => {
    const response = await get(server.port, '/no/such/page');
    assert.equal(response.status, 404);
    assert.match(response.body, /This page does not exist/);
  });

  test('HEAD has the headers without the body; ETag and Last-Modified allow a 304', async () => {
    const head = await get(server.port, '/about/', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
    assert.ok(Number(head.headers['content-length']) > 100);
    const etag = String(head.headers.etag);
    assert.equal((await get(server.port, '/about/', { headers: { 'If-None-Match': etag } })).status, 304);
    const since = String(head.headers['last-modified']);
    assert.equal(
      (await get(server.port, '/about/', { headers: { 'If-Modified-Since': since } })).status,
      304,
    );
    assert.equal((await get(server.port, '/about/', { method: 'POST' })).status, 405);
  });

  test('no way out of the destination: dot segments in any encoding, backslashes, NUL, symlinks', async () => {
    const attempts = [
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      '/..%2f..%2f..%2fetc/passwd',
      '/..\\..\\..\\etc\\passwd',
      '/%5c..%5c..%5cetc%5cpasswd',
      '/assets/%00../../etc/passwd',
      '/%E0%A4%A',
    ];
    for (const attempt of attempts) {
      const response = await get(server.port, attempt);
      assert.equal(response.status, 400, attempt);
      assert.doesNotMatch(response.body, /root:/, attempt);
    }
    const leak = await get(server.port, '/leak.txt');
    assert.equal(leak.status, 404);
    assert.doesNotMatch(leak.body, /TOP SECRET/);
  });

  test('a saved page is rebuilt and served; open pages are told to reload, or to restyle for CSS', async () => {
    const events: string[] = [];
    const stream = httpRequest({ host: '127.0.0.1', port: server.port, path: '/__scholarsite/events' });
    stream.on('response', (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        for (const match of chunk.matchAll(/^event: (\w+)$/gm)) events.push(match[1]);
      });
    });
    stream.end();
    await waitFor(() => events.includes('hello'));

    let built = nextBuild(server);
    edit(source, { 'about.md': SERVE_SITE['about.md'].replace('*examples*', '*saved edits*') });
    const outcome = await built;
    assert.ok(outcome.ok);
    // The feed and sitemap carry the build time, so they are rewritten too; no other page is.
    assert.deepEqual(
      outcome.written.filter((file) => file.endsWith('.html')),
      ['about/index.html'],
    );
    assert.match((await get(server.port, '/about/')).body, /I study <em>saved edits<\/em>/);
    await waitFor(() => events.includes('reload'));

    built = nextBuild(server);
    edit(source, { '_sass/_base.scss': 'body { color: rgb(1, 2, 3); }\n' });
    await built;
    assert.match((await get(server.port, '/assets/css/main.css')).body, /rgb\(1, 2, 3\)/);
    await waitFor(() => events.includes('css'));

    built = nextBuild(server);
    edit(source, { 'about.md': '---\nlayout: default\ntitle: [unclosed\n---\nBroken.\n' });
    const failed = await built;
    assert.equal(failed.ok, false);
    await waitFor(() => events.includes('problems'));
    assert.match(
      (await get(server.port, '/about/')).body,
      /saved edits/,
      'the last good page is still served',
    );
    stream.destroy();
  });

  test('an edit to _config.yml reloads the config and rebuilds everything', async () => {
    const built = nextBuild(server);
    edit(source, {
      'about.md': SERVE_SITE['about.md'],
      '_config.yml': SERVE_SITE['_config.yml'].replace('Dr. Ada Example', 'Prof. Ada Example'),
    });
    const outcome = await built;
    assert.equal(outcome.ok, true);
    assert.match((await get(server.port, '/about/')).body, /<title>About \| Prof\. Ada Example<\/title>/);
    assert.match((await get(server.port, '/2024/01/10/first')).body, /Prof\. Ada Example/);
  });
});

describe('serve: watching', () => {
  test('a burst of saves is one rebuild; a warning is not repeated on every save', async () => {
    const source = serveSite();
    edit(source, { 'about.md': '---\nlayout: nowhere\ntitle: About\n---\nNo layout.\n' });
    const printed: string[] = [];
    const server = await serve({ source, port: 0, print: (text) => printed.push(text), debounceMs: 50 });
    try {
      assert.equal(printed.filter((text) => /layout 'nowhere' does not exist/.test(text)).length, 1);
      const outcomes: BuildOutcome[] = [];
      server.onBuild((outcome) => outcomes.push(outcome));
      edit(source, {
        '_posts/2024-01-10-first.md': SERVE_SITE['_posts/2024-01-10-first.md'].replace('first', '1st'),
      });
      edit(source, {
        '_posts/2024-02-20-second.md': SERVE_SITE['_posts/2024-02-20-second.md'].replace('second', '2nd'),
      });
      edit(source, { '_data/news.yml': '- date: 2024-05-01\n  text: Burst.\n' });
      await waitFor(() => outcomes.length > 0);
      await new Promise((resolve) => setTimeout(resolve, 400));
      await server.idle();
      assert.equal(outcomes.length, 1, 'one rebuild for the burst');
      const home = (await get(server.port, '/')).body;
      assert.match(home, /Burst\./);
      assert.match((await get(server.port, '/2024/01/10/first')).body, /The 1st post\./);
      assert.match((await get(server.port, '/2024/02/20/second')).body, /The 2nd post\./);
      assert.equal(printed.filter((text) => /layout 'nowhere' does not exist/.test(text)).length, 1);
    } finally {
      await server.close();
    }
  });
});

describe('serve: what is watched', () => {
  test('saves in _site, .git and node_modules do not rebuild; url points at the local server', async () => {
    const source = serveSite();
    const server = await serve({ source, port: 0, print: () => {}, debounceMs: 20 });
    try {
      const feed = (await get(server.port, '/feed.xml')).body;
      assert.match(feed, new RegExp(`<link href="http://localhost:${server.port}/feed.xml" rel="self"`));
      const outcomes: BuildOutcome[] = [];
      server.onBuild((outcome) => outcomes.push(outcome));
      edit(source, {
        '.git/HEAD': 'ref: refs/heads/main\n',
        'node_modules/pkg/index.js': 'export {};\n',
        '_site/stray.html': '<p>stray</p>\n',
      });
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.equal(outcomes.length, 0);
      edit(source, { 'assets/images/new.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n' });
      await waitFor(() => outcomes.length === 1);
      assert.equal((await get(server.port, '/assets/images/new.svg')).status, 200);
    } finally {
      await server.close();
    }
  });
});

describe('serve: baseurl', () => {
  test('the site is served under its baseurl, and the bare root leads there', async () => {
    const source = serveSite();
    const server = await serve({ source, port: 0, overrides: { baseurl: '/lab' }, print: () => {} });
    try {
      assert.match(server.url, /^http:\/\/localhost:\d+\/lab\/$/);
      assert.equal((await get(server.port, '/lab/')).status, 200);
      assert.match((await get(server.port, '/lab/')).body, /href="\/lab\/assets\/css\/main\.css"/);
      const root = await get(server.port, '/');
      assert.equal(root.status, 301);
      assert.equal(root.headers.location, '/lab/');
      assert.equal((await get(server.port, '/about/')).status, 404);
    } finally {
      await server.close();
    }
  });
});

describe('serve: the command line', () => {
  test('a port in use is named, with what to do; -P 0 picks a free port', async () => {
    const source = serveSite();
    const server = await serve({ source, port: 0, print: () => {} });
    try {
      const taken = runCli(['serve', '-s', source, '-P', String(server.port)]);
      assert.equal(taken.code, 1);
      assert.match(
        taken.stderr,
        new RegExp(`Error: port ${server.port} on 127\\.0\\.0\\.1 is already in use\\.`),
      );
      assert.match(taken.stderr, /Hint: .*-P 0 for any free port/);
    } finally {
      await server.close();
    }
  });

  test('serve prints its address, binds to 127.0.0.1, and stops cleanly on Ctrl-C', async () => {
    const source = serveSite();
    const child = spawn(process.execPath, [BIN, 'serve', '-s', source, '-P', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    await waitFor(() => /Server running/.test(stdout), 20_000);
    const port = Number(/Server address: http:\/\/localhost:(\d+)\//.exec(stdout)?.[1]);
    assert.ok(port > 0, stdout);
    assert.equal((await get(port, '/')).status, 200);
    // Not reachable from the network: this machine's other addresses refuse the connection.
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((address) => address && address.family === 'IPv4' && !address.internal);
    for (const address of others)
      assert.equal(await connects(address!.address, port), false, address!.address);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    assert.equal(await exited, 0);
    assert.match(stdout, /Stopping/);
  });
});

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
