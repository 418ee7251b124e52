import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runGenerators } from '../../src/generate/index.ts';
import { page, quiet, readTempSite } from './helpers.ts';

const POST = (tags: string) => `---\ntags: [${tags}]\n---\nbody\n`;

test('jekyll-feed adds /feed.xml with the minified Atom template', async () => {
  const site = readTempSite({
    '_config.yml': 'plugins: [jekyll-feed]\n',
    '_posts/2020-01-01-a.md': POST('x'),
  });
  await runGenerators(site, quiet);
  const feed = page(site, '/feed.xml');
  assert.equal(feed.relativePath, 'feed.xml');
  assert.equal(feed.destinationPath, 'feed.xml');
  assert.deepEqual(
    { layout: feed.data.layout, sitemap: feed.data.sitemap, xsl: feed.data.xsl },
    { layout: null, sitemap: false, xsl: false },
  );
  assert.deepEqual(
    { collection: feed.data.collection, category: feed.data.category, tags: feed.data.tags },
    { collection: 'posts', category: null, tags: null },
  );
  assert.ok(
    feed.content.startsWith('<?xml version="1.0" encoding="utf-8"?>{% if page.xsl %}<?xml-stylesheet'),
  );
  assert.ok(feed.content.includes('<feed xmlns="http://www.w3.org/2005/Atom" {% if site.lang %}'));
  assert.ok(!/>\s+</.test(feed.content));
});

test('jekyll-feed: collections, categories, tag feeds and a custom path', async () => {
  const site = readTempSite({
    '_config.yml': [
      'plugins: [jekyll-feed]',
      'collections: {talks: {output: true}}',
      'feed:',
      '  path: atom.xml',
      '  categories: [news]',
      '  collections:',
      '    talks: {categories: [ai]}',
      '  tags: {except: [skip]}',
      '',
    ].join('\n'),
    '_posts/2020-01-01-a.md': POST('ml, skip, "c++"'),
  });
  await runGenerators(site, quiet);
  const feeds = site.pages.map((p) => [p.url, p.data.collection, p.data.category, p.data.tags]);
  // As Jekyll orders them: `posts` is added after the configured collections.
  assert.deepEqual(feeds, [
    ['/feed/talks/ai.xml', 'talks', 'ai', null],
    ['/feed/talks.xml', 'talks', null, null],
    ['/feed/news.xml', 'posts', 'news', null],
    ['/atom.xml', 'posts', null, null],
    ['/feed/by_tag/ml.xml', 'posts', null, 'ml'],
  ]);
});

test('jekyll-feed keeps a feed.xml of the site, and can skip development builds', async () => {
  const own = readTempSite({ '_config.yml': 'plugins: [jekyll-feed]\n', 'feed.xml': 'mine' });
  await runGenerators(own, quiet);
  assert.deepEqual(
    own.pages.map((p) => p.url),
    [],
  );
  const previous = process.env.JEKYLL_ENV;
  delete process.env.JEKYLL_ENV;
  try {
    const dev = readTempSite({
      '_config.yml': 'plugins: [jekyll-feed]\nfeed: {disable_in_development: true}\n',
    });
    await runGenerators(dev, quiet);
    assert.equal(dev.pages.length, 0);
  } finally {
    if (previous !== undefined) process.env.JEKYLL_ENV = previous;
  }
});

test('{% feed_meta %} links the posts feed', async () => {
  const { feedMeta } = await import('../../src/generate/feed.ts');
  // What jekyll-feed 0.17 prints for these settings.
  assert.equal(
    feedMeta({ title: 'A & "B"', url: 'https://x.example', baseurl: '/b', feed: { path: 'atom.xml' } }),
    '<link type="application/atom+xml" rel="alternate" href="https://x.example/b/atom.xml" title="A &amp; &quot;B&quot;" />',
  );
  assert.equal(feedMeta({}), '<link type="application/atom+xml" rel="alternate" href="/feed.xml" />');
});
