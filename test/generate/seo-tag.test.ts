/**
 * `{% seo %}` against what jekyll-seo-tag 2.8 wrote for the same pages (fixtures/seo-*.html,
 * each the layout `{% seo %}\n---\n{% seo title=false %}\n` built by Jekyll 4.3.1).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Liquid } from 'liquidjs';
import { registerSeoTag, renderSeo, type SeoInput, uriEscape } from '../../src/generate/seo-tag.ts';
import { createKramdown } from '../../src/render/kramdown/index.ts';
import { escapeOnce, stripHtml } from '../../src/ruby/text.ts';
import { RubyTime } from '../../src/ruby/time.ts';
import { readTempSite } from './helpers.ts';

process.env.TZ = 'UTC';
const markdownify = createKramdown();
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

const site = {
  title: 'My Site & Co',
  tagline: 'Tag <line>',
  description: 'A site about <things> & stuff',
  url: 'https://Example.com',
  baseurl: '/base',
  logo: '/img/logo é.png',
  lang: 'en-GB',
  author: 'jane',
  social: { name: 'Jane Org', links: ['https://twitter.com/x', 'https://github.com/y'] },
  twitter: { username: '@jsite', card: 'summary' },
  facebook: { admins: [1, 2], app_id: 123 },
  webmaster_verifications: { google: 'abc', bing: 'def' },
  data: { authors: { jane: { name: 'Jane "J" Doe', twitter: '@janed', url: 'https://jane.example' } } },
};

function both(
  page: Record<string, unknown>,
  paginator: SeoInput['paginator'] = null,
  siteDrop: Record<string, unknown> = site,
) {
  const input = (text: string): SeoInput => ({
    text,
    page,
    site: siteDrop,
    paginator,
    jekyllVersion: '4.3.1',
  });
  return `${renderSeo(input(''), markdownify)}\n---\n${renderSeo(input(' title=false '), markdownify)}\n`;
}

test('the home page: WebSite, site title and tagline, social name and links, publisher logo', () => {
  assert.equal(both({ url: '/', layout: 'default' }), fixture('seo-index.html'));
});

test('a page with an image hash, seo type and name, markdown in the title', () => {
  const page = {
    url: '/about.html',
    title: 'About *me* & "us"',
    image: { path: '/img/me pic.jpg', height: 100, alt: 'Me!' },
    seo: { type: 'Person', name: 'Jane Person' },
  };
  assert.equal(both(page), fixture('seo-about.html'));
});

test('a page with its own description, absolute image, author hash, canonical url and locale', () => {
  const page = {
    url: '/other.html',
    title: 'Other',
    description: '  A   <b>described</b>\n page  ',
    image: 'https://cdn.example/x.png',
    author: { name: 'Bob', type: 'Thing' },
    canonical_url: 'https://canon.example/other',
    locale: 'fr-FR',
  };
  assert.equal(both(page), fixture('seo-other.html'));
});

test('a post: BlogPosting, excerpt as description, dates, an author list that resolves to nothing', () => {
  const page = {
    url: '/2021/03/04/hello.html',
    title: 'Hello: World',
    date: new RubyTime(Date.UTC(2021, 2, 4)),
    last_modified_at: new RubyTime(Date.UTC(2021, 4, 6, 5, 8, 9)),
    author: ['nobody'],
    authors: ['jane'],
    excerpt: '<p>First paragraph is the excerpt.</p>\n',
  };
  assert.equal(both(page), fixture('seo-2021_03_04_hello.html'));
});

test('a paginated page: "Page 2 of 3 for" and prev/next links', () => {
  const allSite = {
    title: 'My Site & Co',
    description: 'A site about <things> & stuff',
    url: 'https://example.com',
    baseurl: '/base',
    author: { name: 'Jane Doe', twitter: 'janed' },
    twitter: { username: '@jsite' },
  };
  const paginator = {
    page: 2,
    total_pages: 3,
    previous_page: 1,
    previous_page_path: '/',
    next_page: 3,
    next_page_path: '/page3',
  };
  const input: SeoInput = { text: '', page: { url: '/page2/', layout: 'default' }, site: allSite, paginator };
  assert.equal(renderSeo(input, markdownify), fixture('seo-page2.html'));
});

test('the Liquid filters the drop uses behave as Ruby’s', () => {
  assert.equal(stripHtml('a<script>x</script><!-- c --><b\n>b</b>'), 'ab');
  assert.equal(
    escapeOnce('a & b &amp; <c> "d" \'e\' &#39;'),
    'a &amp; b &amp; &lt;c&gt; &quot;d&quot; &#39;e&#39; &#39;',
  );
  assert.equal(uriEscape('https://x.org/a b/é?q=1#f'), 'https://x.org/a%20b/%C3%A9?q=1#f');
});

test('registerSeoTag: {% seo %} in a template reads page, site and paginator', async () => {
  const jekyll = readTempSite({ '_config.yml': 'title: T\nurl: https://t.example\n' });
  const liquid = new Liquid();
  liquid.registerFilter('markdownify', (text: string) => markdownify(String(text)));
  registerSeoTag(liquid, jekyll);
  const html = await liquid.parseAndRender('<head>{% seo title=false %}</head>', {
    site: { title: 'T', url: 'https://t.example' },
    page: { url: '/x/index.html', title: 'X *y*' },
    paginator: null,
    jekyll: { version: '4.3.1' },
  });
  assert.ok(html.startsWith('<head><!-- Begin Jekyll SEO tag v2.8.0 -->\n<meta name="generator"'));
  assert.ok(html.includes('<meta property="og:title" content="X y" />\n'));
  assert.ok(html.includes('<link rel="canonical" href="https://t.example/x/" />\n'));
  assert.ok(html.endsWith('<!-- End Jekyll SEO tag -->\n</head>'));
});
