/**
 * Markdown conversions kept between builds in `.jekyll-cache/scholarsite/markdown-…`, as Jekyll
 * keeps its converter's results: same pages from the cache, and never a stale one.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import v8 from 'node:v8';
import { build } from '../../src/build.ts';
import { forgetRenders, tempSite } from '../support/temp-site.ts';

const time = new Date('2025-06-01T12:00:00Z');
const quiet = { print: () => {}, time };

const site = (kramdown = '') =>
  tempSite({
    '_config.yml': `title: Cache${kramdown}\n`,
    '_layouts/default.html':
      '<main>{{ content }}</main>\n<p class="bio">{{ site.data.bio | markdownify }}</p>\n',
    '_data/bio.yml': '"I study *bees*."\n',
    '_posts/2024-01-02-hello.md': '---\nlayout: default\n---\n## Hello there\n\nSome *text* -- "quoted".\n',
    'about.md': '---\nlayout: default\n---\n# About\n\n{{ site.title }} is *here*.\n',
  });

const page = (source: string, name: string) => readFileSync(path.join(source, '_site', name), 'utf8');
const cacheFiles = (source: string) => {
  const folder = path.join(source, '.jekyll-cache/scholarsite');
  return existsSync(folder) ? readdirSync(folder).filter((name) => name.startsWith('markdown-')) : [];
};

test('a second build converts from the cache and writes the same pages', async () => {
  const source = site();
  await build({ source, ...quiet });
  const first = [page(source, '2024/01/02/hello.html'), page(source, 'about.html')];
  assert.equal(cacheFiles(source).length, 1);
  assert.ok(!existsSync(path.join(source, '_site/.jekyll-cache')), 'the cache is never written out');

  // The cache is what the second build reads: an entry changed by hand shows in its pages.
  const file = path.join(source, '.jekyll-cache/scholarsite', cacheFiles(source)[0]);
  const saved = v8.deserialize(readFileSync(file)) as Map<string, string>;
  assert.ok([...saved.values()].some((html) => html.includes('<em>bees</em>')));
  for (const [key, html] of saved) saved.set(key, html.replace('<em>bees</em>', '<em>wasps</em>'));
  writeFileSync(file, v8.serialize(saved));
  forgetRenders(source); // else the pages themselves come from the last build
  await build({ source, ...quiet });
  assert.match(page(source, 'about.html'), /<em>wasps<\/em>/);

  rmSync(file);
  forgetRenders(source);
  await build({ source, ...quiet });
  assert.deepEqual([page(source, '2024/01/02/hello.html'), page(source, 'about.html')], first);
});

test('an edited page, or a Liquid value inside it, is converted again', async () => {
  const source = site();
  await build({ source, ...quiet });
  writeFileSync(path.join(source, '_config.yml'), 'title: Renamed\n');
  writeFileSync(
    path.join(source, '_posts/2024-01-02-hello.md'),
    '---\nlayout: default\n---\n## Goodbye\n\nMore *text*.\n',
  );
  await build({ source, ...quiet });
  assert.match(page(source, 'about.html'), /<p>Renamed is <em>here<\/em>\.<\/p>/);
  assert.match(page(source, '2024/01/02/hello.html'), /<h2 id="goodbye">Goodbye<\/h2>/);
  assert.doesNotMatch(page(source, '2024/01/02/hello.html'), /Hello there/);
});

test('another kramdown setting, or another scholarsite, starts a new cache in place of the old', async () => {
  const source = site();
  await build({ source, ...quiet });
  assert.match(page(source, 'about.html'), /<h1 id="about">About<\/h1>/);
  writeFileSync(path.join(source, '_config.yml'), 'title: Cache\nkramdown:\n  auto_ids: false\n');
  await build({ source, ...quiet });
  assert.match(page(source, 'about.html'), /<h1>About<\/h1>/);
  const [kept] = cacheFiles(source);
  assert.equal(cacheFiles(source).length, 1);

  // What an older scholarsite left is neither read nor kept.
  const folder = path.join(source, '.jekyll-cache/scholarsite');
  writeFileSync(path.join(folder, 'markdown-0123456789abcdef'), v8.serialize(new Map([['x', 'stale']])));
  writeFileSync(path.join(source, 'about.md'), '---\nlayout: default\n---\n# About us\n');
  await build({ source, ...quiet });
  assert.match(page(source, 'about.html'), /<h1>About us<\/h1>/);
  assert.deepEqual(cacheFiles(source), [kept]);
});

test('a damaged cache is converted afresh, and --disable-disk-cache keeps none', async () => {
  const source = site();
  await build({ source, ...quiet });
  const expected = page(source, 'about.html');
  writeFileSync(path.join(source, '.jekyll-cache/scholarsite', cacheFiles(source)[0]), 'not a cache');
  await build({ source, ...quiet });
  assert.equal(page(source, 'about.html'), expected);

  const fresh = site();
  await build({ source: fresh, diskCache: false, ...quiet });
  assert.equal(page(fresh, 'about.html'), expected);
  assert.deepEqual(cacheFiles(fresh), []);
});
