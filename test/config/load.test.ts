import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { build } from '../../src/build.ts';
import { FrontMatterDefaults, loadConfig } from '../../src/config/index.ts';
import { SiteError } from '../../src/errors.ts';
import { tempSite } from '../support/temp-site.ts';

test("Jekyll's defaults fill what _config.yml leaves out, hashes merge deeply", () => {
  const source = tempSite({ '_config.yml': 'title: T\nkramdown:\n  auto_ids: false\nexclude: [tmp]\n' });
  const { config } = loadConfig({ source });
  assert.equal(config.title, 'T');
  assert.equal(config.markdown_ext, 'markdown,mkdown,mkdn,mkd,md');
  assert.deepEqual(config.kramdown, { ...(config.kramdown as object), auto_ids: false, input: 'GFM' });
  assert.equal(config.destination, path.join(source, '_site'));
  assert.ok(
    (config.exclude as string[]).includes('tmp') && (config.exclude as string[]).includes('node_modules'),
  );
  assert.deepEqual(Object.keys(config.collections as object), ['posts']);
  assert.equal(
    (config.collections as Record<string, Record<string, unknown>>).posts.permalink,
    '/:categories/:year/:month/:day/:title:output_ext',
  );
});

test('--config files apply in order, later ones win', () => {
  const source = tempSite({ 'a.yml': 'title: A\nurl: https://a\n', 'b.yml': 'title: B\n' });
  const { config } = loadConfig({
    source,
    configFiles: [path.join(source, 'a.yml'), path.join(source, 'b.yml')],
  });
  assert.equal(config.title, 'B');
  assert.equal(config.url, 'https://a');
});

test('collections given as a list become a hash; gems: counts as plugins (as on GitHub Pages)', () => {
  const source = tempSite({
    '_config.yml': 'collections: [talks]\ngems: [jekyll-feed]\npermalink: pretty\n',
  });
  const { config } = loadConfig({ source });
  const collections = config.collections as Record<string, Record<string, unknown>>;
  assert.deepEqual(Object.keys(collections), ['posts', 'talks']);
  assert.equal(collections.posts.permalink, '/:categories/:year/:month/:day/:title/');
  assert.deepEqual(config.plugins, ['jekyll-feed']);
});

test('a missing --config file and a non-list exclude are errors that say what to do', () => {
  const source = tempSite({ '_config.yml': 'exclude: tmp\n' });
  assert.throws(() => loadConfig({ source, configFiles: ['nope.yml'] }), /could not be found/);
  assert.throws(
    () => loadConfig({ source }),
    (error: unknown) =>
      error instanceof SiteError &&
      /should be set as a list/.test(error.message) &&
      /- item/.test(error.hint ?? ''),
  );
});

test("a plugins: that is not a list stops the build, as Jekyll's check_plugins does, naming its line", () => {
  const config = (plugins: string) => ({ '_config.yml': `title: T\nplugins: ${plugins}\n` });
  const refused = (source: string, githubPages: boolean, was: string) =>
    assert.throws(
      () => loadConfig({ source, githubPages }),
      (error: unknown) =>
        error instanceof SiteError &&
        error.message === `'plugins' should be set as a list of plugin names, but was: ${was}` &&
        error.file === '_config.yml' &&
        error.line === 2,
    );
  // Jekyll 4.3.1 and GitHub Pages' Jekyll 3.10 both stop on a string.
  const string = tempSite(config('jekyll-feed'));
  refused(string, false, '"jekyll-feed"');
  refused(string, true, '"jekyll-feed"');
  // An empty `plugins:` stops Jekyll 4.3.1; GitHub Pages reads it as no plugins but its own.
  const empty = tempSite(config(''));
  refused(empty, false, 'null');
  const pages = loadConfig({ source: empty, githubPages: true }).config.plugins as string[];
  assert.ok(pages.includes('jekyll-relative-links'));
});

test('front matter defaults: longer paths win, then scopes with a type', () => {
  const defaults = new FrontMatterDefaults(
    [
      { scope: { path: '' }, values: { layout: 'default', a: 1 } },
      { scope: { path: '', type: 'posts' }, values: { layout: 'post' } },
      { scope: { path: '_posts/2020' }, values: { layout: 'old', b: 2 } },
      { scope: { path: '_pages/*.md' }, values: { glob: true } },
      { values: 'not a hash' },
    ],
    '',
  );
  assert.deepEqual(defaults.all('_posts/2021-01-01-x.md', 'posts'), { layout: 'post', a: 1 });
  assert.deepEqual(defaults.all('_posts/2020/2020-01-01-x.md', 'posts'), { layout: 'old', a: 1, b: 2 });
  assert.deepEqual(defaults.all('_pages/about.md', 'pages'), { layout: 'default', a: 1, glob: true });
  assert.deepEqual(defaults.all('about.md', 'pages'), { layout: 'default', a: 1 });
});

test('a float in one config file over a float in another stays a float, not a hash', async () => {
  const source = tempSite({
    '_config.yml': 'version: 1.0\ndefaults:\n  - scope: {path: ""}\n    values: {gpa: 3.0}\n',
    '_config.local.yml': 'version: 2.0\n',
    'index.html':
      '---\ngpa: 4.0\n---\nversion={{ site.version }} gpa={{ page.gpa }} other={{ site.pages[1].gpa }}\n',
    'other.html': '---\n---\n',
  });
  await build({
    source,
    configFiles: [path.join(source, '_config.yml'), path.join(source, '_config.local.yml')],
    print: () => {},
  });
  assert.equal(
    readFileSync(path.join(source, '_site/index.html'), 'utf8'),
    'version=2.0 gpa=4.0 other=3.0\n',
  );
});
