import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig, siteSettings } from '../../src/config/index.ts';
import { tempSite } from '../support/temp-site.ts';

test("a config's settings are typed, with Jekyll's defaults where the config has no key", () => {
  const settings = siteSettings({ source: '/site', markdown_ext: 'md, TXT', permalink: 'pretty' });
  assert.deepEqual([...settings.markdownExts], ['md', 'txt']);
  assert.equal(settings.permalink, 'pretty');
  assert.equal(settings.paginatePath, '/page:num');
  assert.equal(settings.markdown, 'kramdown');
  assert.deepEqual(settings.keepFiles, ['.git', '.svn']);
  assert.equal(settings.kramdown.input, 'GFM');
  assert.equal(settings.liquid.error_mode, 'warn');
  assert.equal(settings.baseurl, '');
  assert.equal(settings.searchPage, '/search/');
  assert.equal(settings.timezone, undefined);
});

test("a key _config.yml sets to nothing stays the site's (not the default)", () => {
  const source = tempSite({ '_config.yml': 'kramdown:\nbaseurl:\nfuture: true\ntimezone: Asia/Tokyo\n' });
  const settings = siteSettings(loadConfig({ source }).config);
  assert.deepEqual(settings.kramdown, {});
  assert.equal(settings.baseurl, '');
  assert.equal(settings.future, true);
  assert.equal(settings.timezone, 'Asia/Tokyo');
});

test('baseurl is read when asked: jekyll-github-metadata may set it while the site generates', () => {
  const config: Record<string, unknown> = { source: '/site' };
  const settings = siteSettings(config);
  config.baseurl = '/repo';
  assert.equal(settings.baseurl, '/repo');
});
