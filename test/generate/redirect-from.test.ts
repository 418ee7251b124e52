import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runGenerators } from '../../src/generate/index.ts';
import { page, quiet, readTempSite } from './helpers.ts';

test('jekyll-redirect-from: redirect pages, redirect_to, redirects.json (as in academicpages)', async () => {
  const site = readTempSite({
    '_config.yml': [
      'url: https://zexilee.github.io/about-zexili/',
      'baseurl: ""',
      'plugins: [jekyll-redirect-from]',
      'include: [_pages]',
      'collections: {publications: {output: true, permalink: "/:collection/:path"}}',
      '',
    ].join('\n'),
    '_pages/about.md': '---\npermalink: /\nredirect_from:\n  - /about/\n  - /about.html\n---\nhi\n',
    '_pages/cv.md': '---\npermalink: /cv/\nredirect_from: /resume\n---\ncv\n',
    'gone.md': '---\nredirect_to: [null, "https://elsewhere.example/x"]\n---\nbye\n',
    '_publications/paper.md': '---\nredirect_from: pub/old.html\n---\npaper\n',
  });
  await runGenerators(site, quiet);
  const about = page(site, '/about/');
  assert.equal(about.relativePath, 'redirect.html');
  assert.equal(about.destinationPath, 'about/index.html');
  assert.deepEqual(about.data, {
    sitemap: false,
    layout: 'redirect',
    permalink: '/about/',
    redirect: { from: '/about/', to: 'https://zexilee.github.io/about-zexili//' },
  });
  assert.equal(page(site, '/about.html').destinationPath, 'about.html');
  assert.equal(
    (page(site, '/pub/old.html').data.redirect as { to: string }).to,
    'https://zexilee.github.io/about-zexili//publications/paper',
  );

  const gone = page(site, '/gone.html');
  assert.equal(gone.content, '');
  assert.equal(gone.data.layout, 'redirect');
  assert.equal(gone.data.sitemap, false);
  assert.deepEqual(gone.data.redirect, { from: '/gone.html', to: 'https://elsewhere.example/x' });

  const layout = site.layouts.get('redirect')!;
  assert.ok(layout.content.includes('<meta http-equiv="refresh" content="0; url={{ page.redirect.to }}">'));

  const json = page(site, '/redirects.json');
  assert.equal(json.data.layout, null);
  assert.deepEqual(JSON.parse(json.content), {
    '/pub/old.html': 'https://zexilee.github.io/about-zexili//publications/paper',
    '/about/': 'https://zexilee.github.io/about-zexili//',
    '/about.html': 'https://zexilee.github.io/about-zexili//',
    '/resume': 'https://zexilee.github.io/about-zexili//cv/',
    '/gone.html': 'https://elsewhere.example/x',
  });
  // Documents first, then pages in site order.
  assert.ok(json.content.startsWith('{"/pub/old.html":'));
});

test('jekyll-redirect-from: a site layout named redirect wins; json: false skips redirects.json', async () => {
  const site = readTempSite({
    '_config.yml': 'plugins: [jekyll-redirect-from]\nredirect_from: {json: false}\n',
    '_layouts/redirect.html': 'MINE {{ page.redirect.to }}',
    'a.md': '---\nredirect_from: /b/\n---\n',
  });
  await runGenerators(site, quiet);
  assert.equal(site.layouts.get('redirect')!.content.trim(), 'MINE {{ page.redirect.to }}');
  assert.equal((page(site, '/b/').data.redirect as { to: string }).to, '/a.html');
  assert.equal(
    site.pages.some((p) => p.url === '/redirects.json'),
    false,
  );
});
