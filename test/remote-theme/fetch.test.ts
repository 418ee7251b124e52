/**
 * Themes from GitHub: fetched once from a stand-in for codeload (127.0.0.1), kept in the cache,
 * used as Jekyll uses a theme; what a build says when it cannot fetch one.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import { unzip } from '../../src/remote-theme/unzip.ts';
import { THEMES } from '../../tools/goldens.ts';
import { runCliAsync } from '../support/cli.ts';
import { tempDir, tempSite } from '../support/temp-site.ts';
import { startThemeServer, zipFolder } from '../support/theme-server.ts';

const MINIMAL = path.join(THEMES, 'minimal');

function themeEnv(url: string, cache = tempDir('scholarsite-themes-')) {
  return { SCHOLARSITE_THEME_URL: url, SCHOLARSITE_THEME_CACHE: cache, TZ: 'UTC' };
}

test('a remote theme is fetched once, kept in the cache, and used when GitHub cannot be reached', async () => {
  const server = await startThemeServer({ 'someone/fancy-theme/HEAD': MINIMAL });
  const source = tempSite({
    '_config.yml': 'remote_theme: Someone/fancy-theme\nplugins: [jekyll-remote-theme]\ntitle: Fancy\n',
    'index.md': '---\nlayout: default\n---\nHello\n',
  });
  const env = themeEnv(server.url);
  try {
    const first = await runCliAsync(['build', '-s', source, '--no-github-pages'], { env });
    assert.equal(first.code, 0, first.stderr);
    // jekyll-remote-theme asks codeload for the ref's zip; the name is lower-cased as it does.
    assert.deepEqual(server.requests, ['/someone/fancy-theme/zip/HEAD']);
    const page = readFileSync(path.join(source, '_site/index.html'), 'utf8');
    assert.match(page, /<meta name="theme-include" content="minimal">/);
    assert.match(page, /<h1><a href="\/">Fancy<\/a><\/h1>/);
    assert.match(readFileSync(path.join(source, '_site/assets/css/style.css'), 'utf8'), /\.wrapper header/);
    assert.ok(existsSync(path.join(source, '_site/assets/js/scale.fix.js')));
    assert.ok(
      existsSync(path.join(env.SCHOLARSITE_THEME_CACHE, 'someone/fancy-theme@HEAD/_layouts/default.html')),
    );
    const again = await runCliAsync(['build', '-s', source, '--no-github-pages'], { env });
    assert.equal(again.code, 0, again.stderr);
    assert.equal(server.requests.length, 1, 'kept: not fetched again');
    // HEAD moves: a copy older than a day is fetched again.
    const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
    utimesSync(path.join(env.SCHOLARSITE_THEME_CACHE, 'someone/fancy-theme@HEAD'), dayAgo, dayAgo);
    const renewed = await runCliAsync(['build', '-s', source, '--no-github-pages'], { env });
    assert.equal(renewed.code, 0, renewed.stderr);
    assert.equal(server.requests.length, 2);
    utimesSync(path.join(env.SCHOLARSITE_THEME_CACHE, 'someone/fancy-theme@HEAD'), dayAgo, dayAgo);
  } finally {
    await server.close();
  }
  // Offline, the copy kept is used, old as it is, without a word.
  const offline = await runCliAsync(['build', '-s', source, '--no-github-pages'], { env });
  assert.equal(offline.code, 0, offline.stderr);
  assert.doesNotMatch(offline.stderr, /theme/);
  assert.match(readFileSync(path.join(source, '_site/index.html'), 'utf8'), /content="minimal"/);
});

test('offline with an empty cache, the build names the theme it could not fetch and what to do', async () => {
  const source = tempSite({
    '_config.yml': 'title: T\ntheme: jekyll-theme-minimal\n',
    'index.md': '---\nlayout: default\n---\nHello\n',
  });
  const env = themeEnv('http://127.0.0.1:2');
  const result = await runCliAsync(['build', '-s', source], { env });
  assert.equal(result.code, 1);
  assert.match(
    result.stderr,
    /Error: _config.yml:2: could not fetch the theme 'jekyll-theme-minimal' from http:\/\/127.0.0.1:2\/pages-themes\/minimal\/zip\/v0.2.0: the connection was refused\n {2}Hint: Build once with an internet connection: the theme is then kept in .*pages-themes\/minimal@v0.2.0 for every later build\. Or copy the theme's _layouts, _includes, _sass and assets into the site and remove the `theme:` line\./,
  );
});

test('a busy GitHub or a dropped connection is asked again; one that stays busy fails the build, saying so', async () => {
  const server = await startThemeServer({ 'someone/fancy-theme/HEAD': MINIMAL });
  try {
    const site = () =>
      tempSite({
        '_config.yml': 'remote_theme: someone/fancy-theme\nplugins: [jekyll-remote-theme]\n',
        'index.md': '---\nlayout: default\n---\nHello\n',
      });
    server.failNext(1, 503);
    server.failNext(1, 0);
    const retried = await runCliAsync(['build', '-s', site(), '--no-github-pages'], {
      env: themeEnv(server.url),
    });
    assert.equal(retried.code, 0, retried.stderr);
    assert.equal(server.requests.length, 3, 'asked three times');

    server.failNext(4, 503);
    const busy = await runCliAsync(['build', '-s', site(), '--no-github-pages'], {
      env: themeEnv(server.url),
    });
    assert.equal(busy.code, 1);
    assert.match(
      busy.stderr,
      /Error: _config.yml:1: could not fetch the theme 'someone\/fancy-theme' from .*: the server answered 503 Service Unavailable/,
    );
    assert.equal(server.requests.length, 3 + 4, 'the first try and three more');
  } finally {
    await server.close();
  }
});

test('a theme that does not exist is said to be missing; GitHub Pages default theme, unreachable, only warns', async () => {
  const server = await startThemeServer({});
  try {
    const source = tempSite({
      '_config.yml': 'remote_theme: nobody/nothing@v9\nplugins: [jekyll-remote-theme]\n',
      'index.html': '---\n---\nhi\n',
    });
    const missing = await runCliAsync(['build', '-s', source], { env: themeEnv(server.url) });
    assert.equal(missing.code, 1);
    assert.match(
      missing.stderr,
      /could not fetch the theme 'nobody\/nothing@v9' from .*: there is no such repository or ref \(404\)/,
    );

    const primer = tempSite({ '_config.yml': 'title: T\n', 'index.html': '---\n---\nhi\n' });
    const built = await runCliAsync(['build', '-s', primer, '--github-pages'], { env: themeEnv(server.url) });
    assert.equal(built.code, 0, built.stderr);
    assert.match(
      built.stderr,
      /Warning: _config.yml: could not fetch the theme 'jekyll-theme-primer' .*; the site is built without it/,
    );
  } finally {
    await server.close();
  }
});

test('a remote_theme jekyll-remote-theme would refuse is named', async () => {
  const source = tempSite({
    '_config.yml': 'remote_theme: "not a theme"\nplugins: [jekyll-remote-theme]\n',
    'index.html': '---\n---\nhi\n',
  });
  const result = await runCliAsync(['build', '-s', source], { env: themeEnv('http://127.0.0.1:2') });
  assert.equal(result.code, 0, result.stderr);
  assert.match(
    result.stderr,
    /Warning: _config.yml: "not a theme" is not a valid remote theme; the site is built without it/,
  );
});

test('unpacking drops the top folder and skips entries that would land outside the theme, and links', () => {
  const target = tempDir('scholarsite-unzip-');
  const zip = zipOf([
    { name: 'theme-main/_layouts/default.html', data: 'layout' },
    { name: 'theme-main/../../escaped.txt', data: 'no' },
    { name: 'theme-main/_includes/link.html', data: '/etc/passwd', mode: 0o120777 },
    { name: 'theme-main/assets/', data: '' },
  ]);
  assert.equal(unzip(zip, path.join(target, 'theme')), 1);
  assert.equal(readFileSync(path.join(target, 'theme/_layouts/default.html'), 'utf8'), 'layout');
  assert.ok(
    !existsSync(path.join(target, 'escaped.txt')) && !existsSync(path.join(target, '../escaped.txt')),
  );
  assert.ok(!existsSync(path.join(target, 'theme/_includes/link.html')));
  // The stand-in server's archives unpack to the folder they were made from.
  const copy = path.join(target, 'minimal');
  unzip(zipFolder(MINIMAL, 'minimal-0.2.0'), copy);
  assert.equal(
    readFileSync(path.join(copy, '_sass/jekyll-theme-minimal.scss'), 'utf8'),
    readFileSync(path.join(MINIMAL, '_sass/jekyll-theme-minimal.scss'), 'utf8'),
  );
});

/** A zip of the given entries, deflated, with Unix modes. */
function zipOf(entries: { name: string; data: string; mode?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = Buffer.from(entry.data);
    const packed = deflateRawSync(data);
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((entry.mode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
