import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { build } from '../../src/build.ts';
import { tempSite } from '../support/temp-site.ts';

const LIST_PAGES = '---\n---\n{% for p in site.pages %}[{{ p.url }}]{% endfor %}\n';

test("search: true with a theme of the site's own and no search layout adds no page (Jekyll makes none)", async () => {
  const source = tempSite({
    '_config.yml': 'title: Own theme\nsearch: true\n',
    '_layouts/default.html': '<main data-pagefind-body>{{ content }}</main>\n',
    'index.md': '---\nlayout: default\n---\nHello.\n',
    'pages.html': LIST_PAGES,
  });
  await build({ source, print: () => {} });
  assert.ok(!existsSync(path.join(source, '_site', 'search', 'index.html')));
  assert.equal(readFileSync(path.join(source, '_site', 'pages.html'), 'utf8'), '[/][/pages.html]\n');
  assert.ok(existsSync(path.join(source, '_site', 'pagefind', 'pagefind.js')), 'the index is still written');
});

test("search: true with a search layout of the site's own makes the search page with it", async () => {
  const source = tempSite({
    '_config.yml': 'title: Own theme\nsearch: true\n',
    '_layouts/search.html':
      '<h1>{{ page.title }}</h1><div id="search"></div><script src="/pagefind/pagefind-ui.js"></script>\n',
    'index.md': '---\n---\nHello.\n',
  });
  await build({ source, print: () => {} });
  assert.equal(
    readFileSync(path.join(source, '_site', 'search', 'index.html'), 'utf8'),
    '<h1>Search</h1><div id="search"></div><script src="/pagefind/pagefind-ui.js"></script>\n',
  );
});

test("search: true with a theme of the site's own that never names Pagefind writes no index (the setting is the theme's, as academicpages')", async () => {
  const source = tempSite({
    '_config.yml': 'title: Own theme\nsearch: true\n',
    '_layouts/default.html': '<main>{{ content }}</main>{% include search.html %}\n',
    '_includes/search.html': '<script src="/assets/js/lunr.min.js"></script>\n',
    'index.md': '---\nlayout: default\n---\nHello.\n',
  });
  await build({ source, print: () => {} });
  assert.ok(existsSync(path.join(source, '_site', 'index.html')));
  assert.ok(!existsSync(path.join(source, '_site', 'pagefind')), 'no pagefind/ folder');
});

test("search: true with an include of the site's own that loads Pagefind writes the index", async () => {
  const source = tempSite({
    '_config.yml': 'title: Own theme\nsearch: true\n',
    '_layouts/default.html': '<main>{{ content }}</main>{% include search.html %}\n',
    '_includes/search.html': '<script src="/pagefind/pagefind-ui.js"></script>\n',
    'index.md': '---\nlayout: default\n---\nHello.\n',
  });
  await build({ source, print: () => {} });
  assert.ok(existsSync(path.join(source, '_site', 'pagefind', 'pagefind.js')));
});
