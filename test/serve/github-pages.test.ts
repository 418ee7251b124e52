/**
 * `serve` previews what GitHub Pages will publish: in GitHub Pages mode its always-on plugins
 * make their pages, and saving a file those pages come from rebuilds them.
 */
import assert from 'node:assert/strict';
import { get as httpGet } from 'node:http';
import { test } from 'node:test';
import { type RunningServer, serve } from '../../src/serve/index.ts';
import { edit } from '../support/serve-site.ts';
import { tempSite } from '../support/temp-site.ts';

function get(server: RunningServer, url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    httpGet(`http://127.0.0.1:${server.port}${url}`, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (text: string) => (body += text));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

const SITE = {
  Gemfile: 'gem "github-pages", group: :jekyll_plugins\n',
  '_config.yml': 'title: Lab\ntheme: null\n',
  '_layouts/default.html': '<title>{{ page.title }}</title><main>{{ content }}</main>\n',
  'index.md': '---\n---\nSee [the notes](notes.md).\n',
  'notes.md': '# Field notes\n\nFirst version.\n',
  'code/README.md': '## About the code\n',
};

test('serve shows the pages GitHub Pages adds, and rebuilds them when their files are saved', async () => {
  const source = tempSite(SITE);
  const server = await serve({ source, port: 0, print: () => {}, debounceMs: 30 });
  try {
    const home = await get(server, '/');
    assert.match(home.body, /<a href="\/notes\.html">the notes<\/a>/);
    const notes = await get(server, '/notes.html');
    assert.equal(notes.status, 200);
    assert.match(notes.body, /<title>Field notes<\/title><main><h1 id="field-notes">Field notes<\/h1>/);
    assert.match((await get(server, '/code/')).body, /<title>About the code<\/title>/);

    const built = new Promise((resolve) => server.onBuild(resolve));
    edit(source, { 'notes.md': '# Lab notes\n\nSecond version.\n' });
    await built;
    await server.idle();
    const saved = (await get(server, '/notes.html')).body;
    assert.match(saved, /<title>Lab notes<\/title>/);
    assert.match(saved, /Second version\./);
  } finally {
    await server.close();
  }
});

test('serve --no-github-pages previews plain Jekyll: no pages from files without front matter', async () => {
  const source = tempSite(SITE);
  const server = await serve({ source, port: 0, print: () => {}, githubPages: false });
  try {
    assert.match((await get(server, '/')).body, /<a href="notes\.md">the notes<\/a>/);
    assert.equal((await get(server, '/notes.html')).status, 404);
    assert.match((await get(server, '/notes.md')).body, /^# Field notes/);
  } finally {
    await server.close();
  }
});
