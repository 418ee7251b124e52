import assert from 'node:assert/strict';
import { test } from 'node:test';
import { slugify } from '../../src/ruby/slugify.ts';
import { addPermalinkSuffix, buildUrl, sanitizeUrl } from '../../src/site/url.ts';

test('templates are filled and `..` can never climb out of the site', () => {
  assert.equal(
    buildUrl('/:path/:basename:output_ext', { path: '/_pages', basename: 'about', output_ext: '.html' }),
    '/_pages/about.html',
  );
  assert.equal(buildUrl('/:path/', { path: '', basename: 'index' }), '/');
  assert.equal(sanitizeUrl('../../etc/passwd'), '/etc/passwd');
  assert.equal(buildUrl('x', {}, '/a/../../b/'), '/a/b/');
});

test('a nil placeholder removes its segment for pages; documents fail on unknown keys', () => {
  assert.equal(buildUrl('/:categories/:title/', { categories: null, title: 't' }), '/t/');
  assert.throws(
    () => buildUrl('/:nope/', (key) => (key === 'title' ? 't' : undefined)),
    /doesn't have nope keys/,
  );
});

test('paths with spaces and unicode are escaped as Addressable does', () => {
  assert.equal(
    buildUrl('/:categories/:title.html', { categories: 'teaching notes', title: 'x' }),
    '/teaching%20notes/x.html',
  );
  assert.equal(buildUrl('/:title/', { title: 'café' }), '/caf%C3%A9/');
});

test('permalink styles add their suffix', () => {
  assert.equal(addPermalinkSuffix('/:path/:basename', 'pretty'), '/:path/:basename/');
  assert.equal(addPermalinkSuffix('/:path/:basename', 'date'), '/:path/:basename:output_ext');
  assert.equal(addPermalinkSuffix('/:path/:basename', '/:year/:title/'), '/:path/:basename/');
});

test('slugify follows Jekyll modes', () => {
  assert.equal(slugify('The _config.yml file?!'), 'the-config-yml-file');
  assert.equal(slugify('The _config.yml file?', 'pretty'), 'the-_config.yml-file');
  assert.equal(slugify('Café Übung', 'ascii'), 'caf-bung');
  assert.equal(slugify('Café Übung', 'latin'), 'cafe-ubung');
  assert.equal(slugify('李則熹 page'), '李則熹-page');
  assert.equal(slugify('Keep Case', 'default', true), 'Keep-Case');
  assert.equal(slugify('a b', 'none'), 'a b');
});
