import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { activeGenerators, runGenerators } from '../../src/generate/index.ts';
import { runCli } from '../support/cli.ts';
import { tempSite } from '../support/temp-site.ts';
import { page, quiet, readTempSite } from './helpers.ts';

test('jekyll-sitemap adds sitemap.xml and robots.txt as Liquid pages without layout', async () => {
  const site = readTempSite({
    '_config.yml':
      'plugins: [jekyll-sitemap]\ndefaults:\n  - scope: {path: ""}\n    values: {layout: single, author_profile: true}\n',
    'index.md': '---\n---\nhi\n',
    'files/paper.pdf': 'pdf',
    'files/data.csv': 'csv',
    'old.html': '<p>static</p>',
  });
  await runGenerators(site, quiet);
  const sitemap = page(site, '/sitemap.xml');
  assert.equal(sitemap.data.layout, null);
  assert.equal(sitemap.data.xsl, false);
  // Front matter defaults fill what the plugin left unset, as Jekyll's default_proc does.
  assert.equal(sitemap.data.author_profile, true);
  assert.match(
    sitemap.content,
    /^<\?xml version="1.0" encoding="UTF-8"\?>\n\{% if page.xsl %\}<\?xml-stylesheet/,
  );
  assert.ok(sitemap.content.includes('<url>\n<loc>{{ doc.url'));
  const files = sitemap.data.static_files as Record<string, unknown>[];
  assert.deepEqual(
    files.map((f) => f.path),
    ['/files/paper.pdf', '/old.html'].filter((p) => files.some((f) => f.path === p)),
  );
  assert.deepEqual(files.map((f) => f.name).sort(), ['old.html', 'paper.pdf']);
  assert.ok(files[0].modified_time instanceof Date);
  const robots = page(site, '/robots.txt');
  assert.equal(robots.content, 'Sitemap: {{ "sitemap.xml" | absolute_url }}\n');
  assert.equal(robots.destinationPath, 'robots.txt');
  assert.equal(site.pages.at(-1), robots);
});

test('jekyll-sitemap leaves a site its own robots.txt and sitemap.xml', async () => {
  const site = readTempSite({
    '_config.yml': 'plugins: [jekyll-sitemap]\n',
    'robots.txt': 'User-agent: *\n',
    'sitemap.xsl': '<xsl/>',
  });
  await runGenerators(site, quiet);
  assert.equal(site.pages.filter((p) => p.url === '/robots.txt').length, 0);
  assert.equal(page(site, '/sitemap.xml').data.xsl, true);
});

test('plugins run only when listed, in priority then listing order', () => {
  const site = readTempSite({
    '_config.yml':
      'plugins: [jekyll-feed, jekyll-sitemap, jekyll-seo-tag, jekyll-paginate, jekyll-redirect-from]\n',
  });
  assert.deepEqual(
    activeGenerators(site).map((g) => g.name),
    ['jekyll-redirect-from', 'jekyll-feed', 'jekyll-sitemap', 'jekyll-paginate'],
  );
  const old = readTempSite({ '_config.yml': 'gems: [jekyll-sitemap]\n' });
  assert.deepEqual(
    activeGenerators(old).map((g) => g.name),
    ['jekyll-sitemap'],
  );
  const none = readTempSite({ '_config.yml': 'title: x\n' });
  assert.deepEqual(activeGenerators(none), []);
});

test('a static file takes the front matter defaults of its path: `sitemap: false` keeps it out, as in Jekyll 4.3.1', () => {
  const source = tempSite({
    '_config.yml':
      'url: https://ada.example.org\nplugins: [jekyll-sitemap]\ndefaults:\n  - scope: { path: files }\n    values: { sitemap: false }\n  - scope: { path: "", type: pages }\n    values: { zeta: 1 }\n',
    'files/hidden.pdf': 'PDF\n',
    'docs/shown.pdf': 'PDF\n',
    'index.html':
      '---\n---\n{% for f in site.static_files %}[{{ f.path }} {{ f.sitemap }} {{ f.zeta }}]{% endfor %}\n',
  });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0, result.stderr);
  const read = (file: string) => readFileSync(path.join(source, '_site', file), 'utf8');
  // What Jekyll printed for this site: a scope with a type is not a static file's.
  assert.equal(read('index.html'), '[/docs/shown.pdf  ][/files/hidden.pdf false ]\n');
  assert.deepEqual(
    [...read('sitemap.xml').matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]),
    ['https://ada.example.org/', 'https://ada.example.org/docs/shown.pdf'],
  );
});
