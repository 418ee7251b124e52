/**
 * GitHub Pages mode: when a site is built as GitHub Pages builds it, and what that changes in
 * its config (the github-pages gem's defaults, overrides and always-on plugins).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig, publishingMode } from '../../src/config/index.ts';
import { runCli } from '../support/cli.ts';
import { tempSite } from '../support/temp-site.ts';

const PAGES_GEMFILE = 'source "https://rubygems.org"\ngem "github-pages", group: :jekyll_plugins\n';
const OWN_WORKFLOW = [
  'jobs:',
  '  build:',
  '    steps:',
  '      - run: bundle exec jekyll build',
  '      - uses: actions/upload-pages-artifact@v3',
  '',
].join('\n');

test('the mode follows the repository: a Gemfile naming github-pages, unless a workflow builds the site its own way', () => {
  assert.deepEqual(publishingMode(tempSite({ Gemfile: PAGES_GEMFILE })), {
    githubPages: true,
    reason: 'the Gemfile names github-pages',
  });
  assert.equal(publishingMode(tempSite({ Gemfile: 'gem "jekyll", "~> 4.3"\n' })).githubPages, false);
  assert.equal(publishingMode(tempSite({ 'index.md': 'hi\n' })).githubPages, false);
  const ownBuild = publishingMode(
    tempSite({ Gemfile: PAGES_GEMFILE, '.github/workflows/pages.yml': OWN_WORKFLOW }),
  );
  assert.deepEqual(ownBuild, {
    githubPages: false,
    reason: '.github/workflows/pages.yml builds the site its own way',
  });
  const pagesAction = tempSite({
    '.github/workflows/jekyll.yml':
      'steps:\n  - uses: actions/jekyll-build-pages@v1\n  - uses: actions/upload-pages-artifact@v3\n',
  });
  assert.equal(publishingMode(pagesAction).githubPages, true);
  // The flags decide outright.
  assert.equal(publishingMode(tempSite({ Gemfile: PAGES_GEMFILE }), false).githubPages, false);
  assert.equal(publishingMode(tempSite({}), true).reason, '--github-pages');
});

test("GitHub Pages' defaults give way to the site's settings; its overrides do not", () => {
  const source = tempSite({
    '_config.yml': [
      'safe: false',
      'future: false',
      'lsi: true',
      'highlighter: pygments',
      'kramdown:',
      '  math_engine: katex',
      '  hard_wrap: true',
      'plugins: [jekyll-feed]',
      '',
    ].join('\n'),
  });
  const { config } = loadConfig({ source, githubPages: true });
  assert.equal(config.future, false, 'future: true is a default');
  assert.equal(config.safe, true);
  assert.equal(config.lsi, false);
  assert.equal(config.highlighter, 'rouge');
  assert.equal(config.theme, 'jekyll-theme-primer');
  const kramdown = config.kramdown as Record<string, unknown>;
  assert.equal(kramdown.math_engine, 'mathjax');
  assert.equal(kramdown.hard_wrap, true);
  assert.equal(kramdown.gfm_quirks, 'paragraph_end');
  assert.deepEqual(kramdown.syntax_highlighter_opts, { default_lang: 'plaintext' });
  assert.deepEqual(config.gist, { noscript: false });
  assert.deepEqual(config.plugins, [
    'jekyll-feed',
    'jekyll-gist',
    'jekyll-github-metadata',
    'jekyll-paginate',
    'jekyll-relative-links',
    'jekyll-optional-front-matter',
    'jekyll-readme-index',
    'jekyll-default-layout',
    'jekyll-titles-from-headings',
  ]);
  // As GitHub Pages' Jekyll 3.10: CNAME alone when the site lists nothing (no Gemfile, no node_modules).
  assert.deepEqual(config.exclude, ['CNAME']);

  // Jekyll's own `future: false` is in the config the gem merges its `future: true` under.
  assert.equal(
    loadConfig({ source: tempSite({ '_config.yml': 'title: x\n' }), githubPages: true }).config.future,
    false,
  );

  const plain = loadConfig({ source }).config;
  assert.equal(plain.safe, false);
  assert.equal(plain.future, false);
  assert.equal(plain.theme, undefined);
  assert.deepEqual(plain.plugins, ['jekyll-feed']);
});

test('in GitHub Pages mode, `theme: null` keeps no theme, an own exclude list is all that is excluded, remote_theme loads jekyll-remote-theme, production compresses Sass', () => {
  const source = tempSite({ '_config.yml': 'theme: null\nexclude: [drafts]\nremote_theme: a/b\n' });
  const { config } = loadConfig({ source, githubPages: true });
  assert.equal(config.theme, null);
  assert.deepEqual(config.exclude, ['drafts']);
  assert.ok((config.plugins as string[]).includes('jekyll-remote-theme'));
  const before = process.env.JEKYLL_ENV;
  process.env.JEKYLL_ENV = 'production';
  try {
    assert.deepEqual(loadConfig({ source, githubPages: true }).config.sass, { style: 'compressed' });
  } finally {
    if (before === undefined) delete process.env.JEKYLL_ENV;
    else process.env.JEKYLL_ENV = before;
  }
});

test('build prints the mode and why; --no-github-pages builds the plain Jekyll site', () => {
  const source = tempSite({
    Gemfile: PAGES_GEMFILE,
    '_config.yml': 'title: T\ntheme: null\n',
    'docs/README.md': '# The docs\n',
    'index.html': '---\n---\nhome\n',
  });
  const pages = runCli(['build', '-s', source, '-d', `${source}/out-pages`]);
  assert.equal(pages.code, 0, pages.stderr);
  assert.match(pages.stdout, / {14}Mode: GitHub Pages \(the Gemfile names github-pages\)\n/);
  const plain = runCli(['build', '-s', source, '-d', `${source}/out-plain`, '--no-github-pages']);
  assert.equal(plain.code, 0, plain.stderr);
  assert.match(plain.stdout, / {14}Mode: plain Jekyll 4\.3 \(--no-github-pages\)\n/);
  assert.equal(runCli(['build', '-s', source, '-d', `${source}/x`, '-q', '--github-pages']).stdout, '');
  // The README becomes /docs/ on GitHub Pages only.
  assert.match(readFile(`${source}/out-pages/docs/index.html`), /<h1 id="the-docs">The docs<\/h1>/);
  assert.throws(() => readFile(`${source}/out-plain/docs/index.html`), /ENOENT/);
});

test('a listed plugin scholarsite does not have is named with what it would have done', () => {
  const source = tempSite({
    '_config.yml': 'theme: null\nplugins: [jekyll-octicons, jekyll-scholar, jekyll-unheard-of]\n',
    'index.html': '---\n---\nhome\n',
  });
  const plain = runCli(['build', '-s', source, '--no-github-pages']);
  assert.equal(plain.code, 0);
  assert.match(
    plain.stderr,
    /Warning: _config.yml: the plugin 'jekyll-octicons' is not part of scholarsite: it would have drawn GitHub icons with \{% octicon name %\}\n {2}Hint: /,
  );
  assert.match(
    plain.stderr,
    /the plugin 'jekyll-unheard-of' is not part of scholarsite: what it would have added to the site is missing/,
  );
  assert.doesNotMatch(plain.stderr, /jekyll-scholar/, 'scholarsite draws its tags itself');
  const pages = runCli(['build', '-s', source, '--github-pages']);
  assert.match(
    pages.stderr,
    /the plugin 'jekyll-scholar' is not part of scholarsite, and GitHub Pages does not run it either/,
  );
});

const readFile = (file: string) => readFileSync(file, 'utf8');

test('GitHub Pages converters scholarsite lacks are named: CoffeeScript, and CommonMark for `markdown: GFM`', () => {
  const source = tempSite({
    '_config.yml': 'theme: null\nmarkdown: GFM\n',
    'index.html': '---\n---\nhome\n',
    'assets/app.coffee': '---\n---\nsquare = (x) -> x * x\n',
  });
  const pages = runCli(['build', '-s', source, '--github-pages']);
  assert.equal(pages.code, 0, pages.stderr);
  assert.match(
    pages.stderr,
    /Warning: assets\/app\.coffee: assets\/app\.coffee is CoffeeScript, which jekyll-coffeescript would have converted to JavaScript/,
  );
  assert.match(
    pages.stderr,
    /Warning: _config.yml: with `markdown: GFM` GitHub Pages converts Markdown with CommonMark \(jekyll-commonmark-ghpages\)/,
  );
  assert.equal(pages.stderr.match(/CommonMark/g)?.length, 1, 'named once');
  // Plain Jekyll has neither converter: CoffeeScript is a static file there, GFM named once.
  const plain = runCli(['build', '-s', source, '--no-github-pages']);
  assert.doesNotMatch(plain.stderr, /CoffeeScript/);
  assert.equal(plain.stderr.match(/CommonMark/g)?.length, 1, 'named once');
});

test("a collection's files without front matter stay out of site.static_files and the sitemap in GitHub Pages mode, as in Jekyll 3.10", () => {
  const files = {
    '_config.yml':
      'theme: null\nurl: https://ada.github.io\ncollections:\n  portfolio:\n    output: true\nplugins: [jekyll-sitemap]\n',
    '_portfolio/notes.md': '# Notes without front matter\n',
    '_portfolio/paper.pdf': 'PDF',
    'files.html': '---\n---\n{% for f in site.static_files %}[{{ f.path }}]{% endfor %}\n',
  };
  const pages = tempSite(files);
  assert.equal(runCli(['build', '-s', pages, '--github-pages']).code, 0);
  const out = (site: string, file: string) => readFile(path.join(site, '_site', file));
  assert.equal(out(pages, 'files.html').trim(), '', 'templates see no collection file');
  assert.doesNotMatch(out(pages, 'sitemap.xml'), /paper\.pdf/);
  // Where a page made of it would go: `/:path/:basename:output_ext` (the default `date` style).
  for (const made of ['_portfolio/notes.html', '_portfolio/notes/index.html'])
    assert.ok(!existsSync(path.join(pages, '_site', made)), `optional-front-matter makes no page (${made})`);
  assert.equal(out(pages, 'portfolio/paper.pdf'), 'PDF', 'the files are written all the same');

  const plain = tempSite(files);
  assert.equal(runCli(['build', '-s', plain, '--no-github-pages']).code, 0);
  assert.equal(
    out(plain, 'files.html').trim(),
    '[/_portfolio/notes.md][/_portfolio/paper.pdf]',
    'Jekyll 4.3 lists them',
  );
  assert.match(out(plain, 'sitemap.xml'), /<loc>https:\/\/ada\.github\.io\/_portfolio\/paper\.pdf<\/loc>/);
});

test("a collection's file and a document of it at one destination: the file wins on GitHub Pages (Jekyll 3.10), the document in Jekyll 4.3", () => {
  const files = {
    '_config.yml':
      'theme: null\ncollections:\n  publications:\n    output: true\n    permalink: /:collection/:path/\n',
    '_publications/paper.md': '---\ntitle: Paper\npermalink: /publications/paper.pdf\n---\nAbout the paper\n',
    '_publications/paper.pdf': '%PDF-1.6 the paper',
  };
  const pages = tempSite(files);
  assert.equal(runCli(['build', '-s', pages, '--github-pages']).code, 0);
  assert.equal(readFile(path.join(pages, '_site/publications/paper.pdf')), '%PDF-1.6 the paper');

  const plain = tempSite(files);
  assert.equal(runCli(['build', '-s', plain, '--no-github-pages']).code, 0);
  assert.match(readFile(path.join(plain, '_site/publications/paper.pdf')), /About the paper/);
});
