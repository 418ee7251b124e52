/** `scholarsite migrate`: an academicpages-shaped site moved onto the built-in theme. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../support/cli.ts';
import { tempSite } from '../support/temp-site.ts';

/** The parts of an academicpages repository that matter here, its theme files included. */
function academicpagesSite(): string {
  return tempSite({
    '_config.yml':
      '# Site settings\ntitle: "Old Site"\nurl: "https://ada.github.io/homepage/"\nremote_theme: "mmistakes/minimal-mistakes"\nauthor:\n  name: "Ada Example"\n  avatar: "me.png"\n  googlescholar: "https://scholar.google.com/citations?user=X"\ncollections:\n  publications:\n    output: true\n    permalink: /:collection/:path/\n  talks:\n    output: true\ndefaults:\n  - scope: { path: "", type: pages }\n    values: { layout: single, author_profile: true }\n  - scope: { path: "", type: talks }\n    values: { layout: talk }\ninclude: [_pages]\n',
    '_layouts/single.html': '---\n---\nOLD THEME {{ content }}',
    '_layouts/default.html': 'OLD {{ content }}',
    '_includes/archive-single.html': 'OLD ITEM',
    '_includes/my-widget.html': '<div>widget</div>',
    '_sass/_old.scss': '.old { color: red; }',
    'assets/css/main.scss': '---\n---\n@import "old";\n',
    'assets/js/main.min.js': '/* jQuery and friends */',
    Gemfile: "source 'https://rubygems.org'\n",
    'images/me.png': 'PNG',
    '_data/navigation.yml': 'main:\n  - title: Publications\n    url: /publications/\n',
    '_pages/about.md': '---\npermalink: /\ntitle: About\n---\nHello.\n\n{% include my-widget.html %}\n',
    '_pages/publications.md':
      '---\nlayout: archive\ntitle: Publications\npermalink: /publications/\n---\n{% include base_path %}\n{% for post in site.publications reversed %}\n  {% include archive-single.html %}\n{% endfor %}\n',
    '_pages/fancy.md': '---\nlayout: fancy\ntitle: Fancy\n---\nx\n',
    '_publications/2020-01-01-paper.md':
      '---\ntitle: "A paper"\nvenue: "J"\ndate: 2020-01-01\n---\nAbstract.\n',
    '_talks/2021-01-01-talk.md':
      '---\ntitle: "A talk"\ndate: 2021-01-01\nlocation: "Oslo, Norway"\n---\nTalked.\n',
  });
}

const newFolder = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'scholarsite-migrate-')), 'new-site');

test('migrate copies content and settings, leaves the old theme, and names what the content still uses', () => {
  const old = academicpagesSite();
  const dest = newFolder();
  const result = runCli(['migrate', old, dest, '--no-vendor']);
  assert.equal(result.code, 0, result.stderr);
  assert.ok(!existsSync(path.join(dest, '.github/scholarsite')), '--no-vendor packs nothing');
  assert.match(
    result.stdout,
    /Left behind \(the old theme and build files\): Gemfile, _includes, _layouts, _sass, assets\/css, assets\/js\./,
  );
  assert.match(result.stdout, /_pages\/about.md:7: include 'my-widget.html'/);
  assert.match(result.stdout, /_pages\/fancy.md:2: layout 'fancy'/);
  assert.doesNotMatch(
    result.stdout,
    /archive-single|base_path|'single'|'talk'|'archive'/,
    'the theme has those',
  );
  assert.match(result.stdout, /Hint: copy those files from the old site/);
  assert.match(
    result.stdout,
    /_config.yml: `url: https:\/\/ada.github.io\/homepage\/` ends in a folder, but `baseurl` is empty.*\n {2}Hint: write `url: https:\/\/ada.github.io` and `baseurl: \/homepage`/,
  );

  for (const gone of ['_layouts', '_includes', '_sass', 'assets/css', 'assets/js', 'Gemfile']) {
    assert.ok(!existsSync(path.join(dest, gone)), `${gone} is left behind`);
  }
  assert.equal(readFileSync(path.join(dest, 'images/me.png'), 'utf8'), 'PNG');
  const config = readFileSync(path.join(dest, '_config.yml'), 'utf8');
  assert.match(config, /^# The built-in theme .*\ntheme: scholarsite\n/);
  assert.match(
    config,
    /# Site settings\ntitle: "Old Site"\nurl: .*\n# remote_theme: "mmistakes\/minimal-mistakes" {3}\(replaced/,
  );
  assert.match(
    readFileSync(path.join(dest, '.github/workflows/scholarsite.yml'), 'utf8'),
    /npm install --global --no-audit --no-fund scholarsite@/,
  );
  assert.equal(
    readFileSync(path.join(old, '_layouts/single.html'), 'utf8'),
    '---\n---\nOLD THEME {{ content }}',
    'the old site is untouched',
  );

  const build = runCli(['build', '-s', dest]);
  assert.equal(build.code, 1);
  assert.match(
    build.stderr,
    /Error: _pages\/about.md:7:\d+: .*my-widget.html/,
    'the build names the missing include too',
  );

  // With the two reported lines dealt with, the new site builds on the theme.
  writeFileSync(path.join(dest, '_pages/fancy.md'), '---\ntitle: Fancy\n---\nx\n');
  writeFileSync(path.join(dest, '_pages/about.md'), '---\npermalink: /\ntitle: About\n---\nHello.\n');
  const second = runCli(['build', '-s', dest]);
  assert.equal(second.code, 0, second.stderr);
  assert.equal(second.stderr, '');
  const home = readFileSync(path.join(dest, '_site/index.html'), 'utf8');
  assert.match(home, /<img class="profile__avatar" src="\/images\/me.png" alt="Ada Example"/);
  assert.doesNotMatch(home, /OLD/);
  const list = readFileSync(path.join(dest, '_site/publications/index.html'), 'utf8');
  assert.match(
    list,
    /<h2 class="archive-item__title"><a href="\/publications\/2020-01-01-paper\/">A paper<\/a><\/h2>/,
  );
  const talk = readFileSync(path.join(dest, '_site/talks/2021-01-01-talk.html'), 'utf8');
  assert.match(talk, /Oslo, Norway/);
});

test('migrate refuses a folder that is not a site, a destination with files, and a destination inside the site', () => {
  const notSite = tempSite({ 'readme.txt': 'x' });
  const refused = runCli(['migrate', notSite, newFolder()]);
  assert.equal(refused.code, 1);
  assert.match(
    refused.stderr,
    /Error: .*: this folder has no _config.yml, so it is not a Jekyll site\n {2}Hint: /,
  );

  const old = academicpagesSite();
  const full = tempSite({ 'keep.txt': 'mine' });
  const notEmpty = runCli(['migrate', old, full]);
  assert.equal(notEmpty.code, 1);
  assert.match(notEmpty.stderr, /the folder is not empty \(it has keep.txt\)\n {2}Hint: .*never writes over/);
  assert.equal(readFileSync(path.join(full, 'keep.txt'), 'utf8'), 'mine');

  const inside = runCli(['migrate', old, path.join(old, 'new')]);
  assert.equal(inside.code, 1);
  assert.match(inside.stderr, /cannot be inside the old one/);
  assert.ok(!existsSync(path.join(old, 'new')));

  const usage = runCli(['migrate', old]);
  assert.equal(usage.code, 1);
  assert.match(usage.stderr, /Hint: scholarsite migrate my-old-site my-site/);
});

test('migrate gives no baseurl advice for a bare domain written with a trailing slash', () => {
  const old = tempSite({
    '_config.yml': 'title: Site\nurl: "https://example.org/"\n',
    '_pages/about.md': '---\ntitle: About\npermalink: /\n---\nHi\n',
  });
  const result = runCli(['migrate', old, newFolder(), '--no-vendor']);
  assert.equal(result.code, 0, result.stderr);
  assert.doesNotMatch(result.stdout, /ends in a folder|baseurl/);
});
