/** `scholarsite migrate`: an academicpages-shaped site moved onto the built-in theme. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { migrate } from '../../src/scaffold/migrate.ts';
import { runCli } from '../support/cli.ts';
import { tempDir, tempSite } from '../support/temp-site.ts';

/** The parts of an academicpages repository that matter here, its theme files included. */
function academicpagesSite(extra: Record<string, string> = {}): string {
  return tempSite({
    '_config.yml':
      '# Site settings\ntitle: "Old Site"\nurl: "https://ada.github.io/homepage/"\nremote_theme: "mmistakes/minimal-mistakes"\nauthor:\n  name: "Ada Example"\n  avatar: "me.png"\n  googlescholar: "https://scholar.google.com/citations?user=X"\n  hal: "https://cv.hal.science/ada"\n  mathgenealogy: "123"\ncollections:\n  publications:\n    output: true\n    permalink: /:collection/:path/\n  talks:\n    output: true\ndefaults:\n  - scope: { path: "", type: pages }\n    values: { layout: single, author_profile: true }\n  - scope: { path: "", type: talks }\n    values: { layout: talk }\ninclude: [_pages]\nanalytics:\n  provider: custom\ncomments:\n  provider: custom\n',
    '_layouts/single.html': '---\n---\nOLD THEME {{ content }}',
    '_layouts/default.html': 'OLD {{ content }}',
    '_layouts/fancy.html':
      '---\nlayout: default\n---\n<div class="fancy">{{ content }}</div>{% include fancy-footer.html %}',
    '_layouts/award.html':
      '---\nlayout: default\n---\n<div id="main" role="main">\n  {% include sidebar.html %}\n  <article class="page">OLD FRAME {{ content }}</article>\n</div>\n',
    '_layouts/cv.html':
      '---\nlayout: default\n---\n<div id="main" role="main">\n  {% include sidebar.html %}\n  <div class="archive">{{ content }}</div>\n</div>\n',
    '_includes/archive-single.html': 'OLD ITEM',
    '_includes/author-profile.html':
      '<ul>{% if author.googlescholar %}<li><a href="{{ author.googlescholar }}">Google Scholar</a></li>{% endif %}\n{% if author.hal %}<li><a href="{{ author.hal }}"><i class="ai ai-hal"></i>HAL</a></li>{% endif %}\n<li><a href="https://www.mathgenealogy.org/id.php?id={{ author.mathgenealogy }}">Math <b>Genealogy</b></a></li>\n<li><a href="{{ author.unset }}">Unset</a></li></ul>',
    '_includes/my-widget.html': '<div>widget {% include widget-part.html n=1 %}</div>',
    '_includes/widget-part.html': '<span>part {{ include.n }}</span>',
    '_includes/fancy-footer.html': '<footer>fancy footer</footer>',
    '_includes/old-widget.html': '<div>old widget</div>',
    '_includes/cv-template.html': '{% assign cv = site.data.cv %}OLD CV',
    '_includes/analytics-providers/custom.html': '<script>window.tracked = 1</script>',
    '_includes/comments-providers/custom.html': '<div id="my-comments"></div>',
    '_sass/_old.scss': '.old { color: red; }',
    'assets/css/main.scss': '---\n---\n@import "old";\n',
    'assets/js/main.min.js': '/* jQuery and friends */',
    'assets/css/stats.css': '.stats { color: green; }',
    'assets/js/stats.js': 'window.stats = 1;',
    Gemfile: "source 'https://rubygems.org'\n",
    'images/me.png': 'PNG',
    '_data/navigation.yml': 'main:\n  - title: Publications\n    url: /publications/\n',
    '_data/cv.json':
      '{"basics": {"name": "Ada Example"}, "education": [{"institution": "Example University", "area": "Examples", "studyType": "PhD", "endDate": "2019"}]}',
    '_pages/about.md':
      '---\npermalink: /\ntitle: About\n---\nHello.\n\n{% include my-widget.html %}\n\n[Slides]({{ site.url }}/files/slides.pdf), [CV]({{ site.url }}{{ site.baseurl }}/files/cv.pdf)\n',
    'files/cv.pdf': 'PDF',
    'files/slides.pdf': 'PDF',
    '_pages/publications.md':
      '---\nlayout: archive\ntitle: Publications\npermalink: /publications/\n---\n{% include base_path %}\n{% for post in site.publications reversed %}\n  {% include archive-single.html %}\n{% endfor %}\n',
    '_pages/fancy.md':
      '---\nlayout: fancy\ntitle: Fancy\npermalink: /fancy/\n---\nx\n\n<link rel="stylesheet" href="{{ base_path }}/assets/css/stats.css"><link rel="stylesheet" href="/assets/css/main.css">\n<script src="/assets/js/stats.js"></script>\n',
    '_pages/prize.md': '---\nlayout: award\ntitle: A prize\npermalink: /prize/\n---\nWon it.\n',
    '_pages/cv.md': '---\nlayout: cv\ntitle: CV\npermalink: /cv/\n---\n## Schooling\n\nMarkdown CV.\n',
    '_pages/notes.md':
      '---\ntitle: Notes\npermalink: /notes/\n---\nShown, and `<!--` in code.\n\n```\n<!-- in a fence\n```\n\n<!-- old\nHidden for now.\n',
    '_pages/fancy.md.bak': '---\ntitle: Fancy, before\n---\n{% include old-widget.html %}\n',
    '_pages/gone.md': '---\ntitle: Gone\npermalink: /gone/\n---\nBefore {% include gone.html %} after\n',
    '_pages/cv-json.md':
      '---\nlayout: archive\ntitle: "CV"\npermalink: /cv-json/\nauthor_profile: false\n---\n{% include base_path %}\n\n{% include cv-template.html %}\n\n<a href="{{ base_path }}/files/cv.pdf" class="btn">Download CV as PDF</a>\n',
    '_publications/2020-01-01-paper.md':
      '---\ntitle: "A paper"\nvenue: "J"\ndate: 2020-01-01\npaperurl: "http://academicpages.github.io/files/paper1.pdf"\nslidesurl: /files/slides1.pdf\nbibtexurl: files/cv.pdf\n---\nAbstract.\n',
    '_talks/2021-01-01-talk.md':
      '---\ntitle: "A talk"\ndate: 2021-01-01\nlocation: "Oslo, Norway"\n---\nTalked.\n',
    ...extra,
  });
}

const newFolder = () => path.join(tempDir('scholarsite-migrate-'), 'new-site');

test('migrate copies content and settings, leaves the old theme, and carries over what the content uses', () => {
  const old = academicpagesSite();
  const dest = newFolder();
  const result = runCli(['migrate', old, dest, '--no-vendor']);
  assert.equal(result.code, 0, result.stderr);
  assert.ok(!existsSync(path.join(dest, '.github/scholarsite')), '--no-vendor packs nothing');
  assert.match(
    result.stdout,
    /Left behind \(the old theme and build files\): Gemfile, _includes, _layouts, _sass, assets\/css, assets\/js\./,
  );
  // The site's own includes and layouts, and what they use in turn.
  assert.match(result.stdout, /kept: _includes\/my-widget.html \(used by _pages\/about.md:7\)/);
  assert.match(result.stdout, /kept: _includes\/widget-part.html \(used by _includes\/my-widget.html:1\)/);
  assert.match(result.stdout, /kept: _layouts\/fancy.html \(the layout of _pages\/fancy.md:2\)/);
  assert.match(result.stdout, /kept: _includes\/fancy-footer.html \(used by _layouts\/fancy.html:4\)/);
  assert.match(result.stdout, /mapped: _pages\/cv-json.md: academicpages' cv-template.html/);
  assert.match(result.stdout, /mapped: _includes\/analytics-providers\/custom.html/);
  assert.match(result.stdout, /kept: _includes\/comments-providers\/custom.html/);
  assert.match(result.stdout, /shimmed: _includes\/gone.html/);
  assert.match(result.stdout, /kept: assets\/css\/stats.css \(loaded by _pages\/fancy.md\)/);
  assert.match(result.stdout, /kept: assets\/js\/stats.js \(loaded by _pages\/fancy.md\)/);
  assert.equal(readFileSync(path.join(dest, 'assets/css/stats.css'), 'utf8'), '.stats { color: green; }');
  assert.match(result.stdout, /mapped: _pages\/notes.md:11 \(an HTML comment opened here was never closed/);
  assert.match(
    result.stdout,
    /kept: author links hal, mathgenealogy \(the old sidebar showed them; written to _data\/profile-links-extra.yml/,
  );
  assert.match(
    result.stdout,
    /kept: _includes\/old-widget.html \(used by _pages\/fancy.md.bak:4\)/,
    'Jekyll renders any file with front matter, a backup too',
  );
  assert.match(
    result.stdout,
    /mapped: _layouts\/award.html \(the layout of _pages\/prize.md:2 is academicpages' page frame .*theme's `single` layout\)/,
  );
  assert.match(result.stdout, /mapped: _pages\/cv.md: layout: cv \(the old site's cv layout only framed/);
  assert.match(result.stdout, /_pages\/gone.md:5: include 'gone.html'/);
  assert.doesNotMatch(
    result.stdout,
    /archive-single|base_path|'single'|'talk'|'archive'/,
    'the theme has those',
  );
  assert.match(
    result.stdout,
    /mapped: url: https:\/\/ada.github.io\/homepage\/ \(the folder went into `baseurl: \/homepage` and `url` is now https:\/\/ada.github.io/,
  );
  assert.match(
    result.stdout,
    /mapped: \{\{ site.url \}\} \(followed by \{\{ site.baseurl \}\} in _pages\/about.md,/,
  );
  for (const gone of [
    '_layouts/single.html',
    '_layouts/default.html',
    '_includes/archive-single.html',
    '_sass',
    'assets/css/main.scss',
    'assets/js/main.min.js',
    'Gemfile',
  ]) {
    assert.ok(!existsSync(path.join(dest, gone)), `${gone} is left behind`);
  }
  assert.equal(readFileSync(path.join(dest, 'images/me.png'), 'utf8'), 'PNG');
  const config = readFileSync(path.join(dest, '_config.yml'), 'utf8');
  assert.match(config, /^# The built-in theme .*\ntheme: scholarsite\n/);
  assert.match(
    config,
    /# Site settings\ntitle: "Old Site"\n# url: "https:\/\/ada.github.io\/homepage\/" {3}\(split .*\nurl: "https:\/\/ada.github.io"\nbaseurl: "\/homepage"\n# remote_theme: "mmistakes\/minimal-mistakes" {3}\(replaced/,
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
  const report = readFileSync(path.join(dest, '_migration-report.md'), 'utf8');
  assert.match(report, /^# What `scholarsite migrate` did\n/);
  assert.match(report, /## Kept\n\n(- .*\n)*- `_includes\/my-widget.html`: used by _pages\/about.md:7\n/);
  assert.match(report, /## Mapped\n/);
  assert.match(report, /## Shimmed\n\n- `_includes\/gone.html`: used by _pages\/gone.md:5/);
  assert.match(report, /## Dropped\n\n- `Gemfile`: what Ruby, bundler or a build leaves/);
  assert.match(
    report,
    /## To do by hand\n\n- _publications\/2020-01-01-paper.md: `slidesurl: \/files\/slides1.pdf` names a file the site does not have, so the page shows no link to it. Hint: add files\/slides1.pdf, or remove the line.\n$/,
  );

  // The new site builds as it is, on the theme, with what was carried over working.
  const build = runCli(['build', '-s', dest], { env: { JEKYLL_ENV: 'production' } });
  assert.equal(build.code, 0, build.stderr);
  assert.doesNotMatch(build.stderr, /Error/);
  const out = (file: string) => readFileSync(path.join(dest, '_site', file), 'utf8');
  const home = out('index.html');
  assert.match(home, /<img class="profile__avatar" src="\/homepage\/images\/me.png" alt="Ada Example"/);
  assert.match(
    home,
    /href="https:\/\/ada.github.io\/homepage\/files\/slides.pdf">Slides/,
    'the link keeps its folder',
  );
  assert.match(home, /href="https:\/\/ada.github.io\/homepage\/files\/cv.pdf">CV/);
  assert.match(home, /<div>widget <span>part 1<\/span><\/div>/);
  assert.match(
    home,
    /<a href="https:\/\/cv.hal.science\/ada" rel="me" itemprop="sameAs">.*<span>HAL<\/span><\/a>/,
    "the old sidebar's own link",
  );
  assert.match(
    home,
    /<a href="https:\/\/www.mathgenealogy.org\/id.php\?id=123" rel="me" itemprop="sameAs">.*<span>Math Genealogy<\/span>/,
  );
  assert.doesNotMatch(home, /Unset/);
  assert.match(home, /<script>window.tracked = 1<\/script>/, 'custom analytics, where the theme looks');
  assert.doesNotMatch(home, /OLD/);
  assert.match(
    out('fancy/index.html'),
    // kramdown writes the HTML again as Jekyll's does: void elements closed, blocks on their own lines.
    /<div class="fancy"><p>x<\/p>\n\n<link rel="stylesheet" href="\/assets\/css\/stats.css" \/>\n[\s\S]*<script src="\/assets\/js\/stats.js"><\/script>\n\n<\/div><footer>fancy footer<\/footer>/,
  );
  assert.match(
    out('fancy/index.html'),
    /class="skip-link"/,
    "the carried layout sits in the theme's default",
  );
  assert.match(out('gone/index.html'), /Before <!-- scholarsite migrate: gone.html was not in the old site/);
  const notes = out('notes/index.html');
  assert.match(notes, /<!-- old\nHidden for now.\n-->/);
  assert.match(notes, /class="site-footer"/, 'the footer is not swallowed by the comment');
  const prize = out('prize/index.html');
  assert.match(prize, /<h1 class="page__title"[^>]*>A prize<\/h1>/, "the theme's single layout frames it");
  assert.doesNotMatch(prize, /OLD FRAME/);
  assert.equal(prize.match(/<main/g)?.length, 1, "one <main>, the theme's");
  const markdownCv = out('cv/index.html');
  assert.match(markdownCv, /Markdown CV/);
  assert.doesNotMatch(markdownCv, /Example University/, 'the Markdown CV alone, not _data/cv.json after it');
  const cv = out('cv-json/index.html');
  assert.match(cv, /Example University/, "the theme's CV layout draws _data/cv.json");
  assert.doesNotMatch(cv, /OLD CV/);
  assert.match(cv, /href="\/homepage\/files\/cv.pdf"/);
  const list = out('publications/index.html');
  assert.match(
    list,
    /<h2 class="archive-item__title"><a href="\/homepage\/publications\/2020-01-01-paper\/">A paper<\/a><\/h2>/,
  );
  assert.match(out('talks/2021-01-01-talk.html'), /Oslo, Norway/);
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

test('migrate leaves out a CV link to a PDF the site lacks, and says what to do about a comments service the theme lacks', () => {
  const old = tempSite({
    '_config.yml':
      'title: Site\nurl: https://ada.github.io\ninclude: [_pages]\ncomments:\n  provider: commento\n',
    '_pages/cv-json.md':
      '---\nlayout: archive\ntitle: CV\npermalink: /cv-json/\n---\n{% include cv-template.html %}\n<a href="{{ base_path }}/files/cv.pdf">PDF</a>\n',
    '_data/cv.json': '{"basics": {"name": "Ada"}}',
  });
  const dest = newFolder();
  const result = runCli(['migrate', old, dest, '--no-vendor']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /its link to \/files\/cv.pdf is left out, since the site has no such file/);
  assert.match(
    result.stdout,
    /_config.yml: `comments: \{ provider: commento \}`: the theme has no commento comments, so none are shown.\n {2}Hint: set `provider:` to one of disqus, .*comments-providers\/custom.html/,
  );
  assert.match(
    readFileSync(path.join(dest, '_migration-report.md'), 'utf8'),
    /## To do by hand\n\n- _config.yml: `comments: /,
  );
  const build = runCli(['build', '-s', dest]);
  assert.equal(build.code, 0, build.stderr);
  assert.doesNotMatch(readFileSync(path.join(dest, '_site/cv-json/index.html'), 'utf8'), /cv\.pdf/);
});

test('migrate writes down what GitHub Pages did by itself: its always-on plugins and future: true', () => {
  const old = tempSite({
    Gemfile: "source 'https://rubygems.org'\ngem 'github-pages', group: :jekyll_plugins\n",
    '_config.yml':
      'title: Site\nurl: https://ada.github.io\ninclude: [_pages]\nplugins:\n  - jekyll-feed\n\n# Reading files\nexclude: [notes]\ncollections:\n  talks:\n    output: true\n',
    '_pages/people.md': '---\ntitle: People\npermalink: /people/\n---\nSee [Ada](ada.md).\n',
    '_pages/ada.md': '---\ntitle: Ada\npermalink: /people/ada/\n---\nAda.\n',
    '_talks/2999-01-01-talk.md': '---\ntitle: "A talk ahead"\ndate: 2999-01-01\n---\nSoon.\n',
  });
  const dest = newFolder();
  const result = runCli(['migrate', old, dest, '--no-vendor']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(
    result.stdout,
    /kept: plugins GitHub Pages always runs \(jekyll-gist, .*jekyll-relative-links/,
  );
  assert.match(result.stdout, /kept: future: true/);
  const config = readFileSync(path.join(dest, '_config.yml'), 'utf8');
  assert.match(config, /\n# plugins:.*\n# {3}- jekyll-feed\n\n# Reading files\nexclude: \[notes\]\n/);
  assert.match(config, /\nplugins:\n {2}- jekyll-feed\n {2}- jekyll-gist\n/);
  const build = runCli(['build', '-s', dest]);
  assert.equal(build.code, 0, build.stderr);
  assert.doesNotMatch(build.stderr, /set twice|Error/);
  const people = readFileSync(path.join(dest, '_site/people/index.html'), 'utf8');
  assert.match(people, /<a href="\/people\/ada\/">Ada<\/a>/, 'jekyll-relative-links, as on GitHub Pages');
  assert.ok(
    existsSync(path.join(dest, '_site/talks/2999-01-01-talk.html')),
    'a talk dated ahead is published',
  );
  assert.match(readFileSync(path.join(dest, '_site/talks/2999-01-01-talk.html'), 'utf8'), /<p>Soon\.<\/p>/);
});

test('migrate carries an include chosen by name at render time when a carried file names it in a string', () => {
  const old = tempSite({
    '_config.yml': 'title: Site\ninclude: [_pages]\n',
    '_includes/tablist': '{% assign tab_incl = "tab_collection" %}<nav>{% include {{ tab_incl }} %}</nav>',
    '_includes/tab_collection': '<span>the collection tab</span>',
    '_includes/unused.html': 'never named',
    '_pages/about.md': '---\ntitle: About\npermalink: /\n---\n{% include tablist %}\n',
  });
  const dest = newFolder();
  const result = runCli(['migrate', old, dest, '--no-vendor']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /kept: _includes\/tab_collection \(used by _includes\/tablist:1\)/);
  assert.ok(!existsSync(path.join(dest, '_includes/unused.html')), 'only what is named comes along');
  const build = runCli(['build', '-s', dest]);
  assert.equal(build.code, 0, build.stderr);
  assert.match(
    readFileSync(path.join(dest, '_site/index.html'), 'utf8'),
    /<nav><span>the collection tab<\/span><\/nav>/,
  );
});

test("a whole-page layout of the site's own, carried over, frames the theme's masthead and footer as it framed academicpages'", () => {
  const old = tempSite({
    '_config.yml': 'title: Site\nlocale: fr-FR\ninclude: [_pages]\n',
    '_layouts/redirect.html':
      '<!doctype html>\n<html lang="en">\n<head>\n{% include head.html %}\n<meta http-equiv="refresh" content="0; url={{ page.redirect }}">\n</head>\n<body>\n{% include masthead.html %}\n<section><a href="{{ page.redirect }}">click here</a></section>\n<div class="page__footer"><footer>{% include footer.html %}</footer></div>\n</body>\n</html>\n',
    '_includes/footer.html': '<div class="page__footer-follow">OLD FOOTER</div>',
    '_includes/masthead.html': '<div class="masthead">OLD MASTHEAD</div>',
    '_pages/moved.md':
      '---\ntitle: Moved\nlayout: redirect\nredirect: https://example.org/new/\npermalink: /moved/\n---\n',
  });
  const dest = newFolder();
  const result = runCli(['migrate', old, dest, '--no-vendor']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /kept: _layouts\/redirect.html/);
  const build = runCli(['build', '-s', dest]);
  assert.equal(build.code, 0, build.stderr);
  const moved = readFileSync(path.join(dest, '_site/moved/index.html'), 'utf8');
  assert.match(moved, /<meta http-equiv="refresh" content="0; url=https:\/\/example.org\/new\/">/);
  assert.doesNotMatch(moved, /OLD (FOOTER|MASTHEAD)/);
  const footer = /<footer>([\s\S]*?)<\/footer>/.exec(moved)?.[1] ?? '';
  assert.match(footer, /class="site-footer__inner"/, "the theme's footer, in the layout's own <footer>");
  assert.doesNotMatch(footer, /<footer/, 'no footer inside the footer');
  assert.match(
    moved,
    /<header class="masthead">[\s\S]*?<span>Menu<\/span>/,
    "the masthead's words, with no default layout to set them",
  );
  const check = runCli(['check', '-s', dest, '--json']);
  const problems = (JSON.parse(check.stdout) as { problems: { message: string }[] }).problems;
  assert.deepEqual(
    problems.filter((problem) => /footer/.test(problem.message)),
    [],
  );
});

test('a sidebar link the old theme made an address of in its own way keeps that address', () => {
  const old = tempSite({
    '_config.yml':
      'title: Site\nauthor:\n  name: Ada\n# her accounts\n  mastodon         : ada   # user name\n  mastodonsrvr     : mstdn.social\n  github: ada\nfooter:\n  links: []\n',
    '_includes/author-profile.html':
      '{% if author.mastodon %}<li><a href="https://{{ author.mastodonsrvr }}/@{{ author.mastodon }}">Mastodon</a></li>{% endif %}\n<li><a href="https://github.com/{{ author.github }}">GitHub</a></li>',
    'index.md': '---\ntitle: Home\nlayout: single\nauthor_profile: true\n---\nHi.\n',
  });
  const dest = newFolder();
  const result = runCli(['migrate', old, dest, '--no-vendor']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(
    result.stdout,
    /mapped: author.mastodon: ada \(now https:\/\/mstdn.social\/@ada, the address the old sidebar made of it/,
  );
  const config = readFileSync(path.join(dest, '_config.yml'), 'utf8');
  assert.match(
    config,
    /\n {2}mastodon: "https:\/\/mstdn.social\/@ada" {3}# was: mastodon {9}: ada {3}# user name/,
  );
  assert.match(config, /\n {2}github: ada\n/, 'a key the theme makes the same address of is left as it is');
  const build = runCli(['build', '-s', dest]);
  assert.equal(build.code, 0, build.stderr);
  const home = readFileSync(path.join(dest, '_site/index.html'), 'utf8');
  assert.match(home, /<a href="https:\/\/mstdn.social\/@ada" rel="me" itemprop="sameAs">/);
  assert.match(home, /<a href="https:\/\/github.com\/ada" rel="me" itemprop="sameAs">/);
});

test('a title written as a heading for the old layout keeps what is inside the heading', () => {
  const old = tempSite({
    '_config.yml': 'title: Site\ninclude: [_pages]\n',
    '_layouts/single.html': '<header>{{ page.title }}</header>{{ content }}',
    '_pages/awards.md':
      '---\ntitle: "<h1>Awards <i>and</i> prizes</h1>"\nlayout: single\npermalink: /awards/\n---\nWon.\n',
    '_pages/plain.md': "---\ntitle: 'A <b>plain</b> title'\npermalink: /plain/\nlayout: single\n---\nText.\n",
    '_pages/list.md':
      '---\ntitle: All\nlayout: archive\npermalink: /all/\n---\n{% for post in site.pages %}{% include archive-single.html %}{% endfor %}\n',
  });
  const dest = newFolder();
  const result = runCli(['migrate', old, dest, '--no-vendor']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /mapped: _pages\/awards.md: title: "<h1>Awards <i>and<\/i> prizes<\/h1>"/);
  assert.match(
    readFileSync(path.join(dest, '_pages/awards.md'), 'utf8'),
    /^title: "Awards <i>and<\/i> prizes"$/m,
  );
  assert.match(readFileSync(path.join(dest, '_pages/plain.md'), 'utf8'), /^title: 'A <b>plain<\/b> title'$/m);
  const build = runCli(['build', '-s', dest]);
  assert.equal(build.code, 0, build.stderr);
  const awards = readFileSync(path.join(dest, '_site/awards/index.html'), 'utf8');
  assert.match(awards, /<h1 class="page__title" itemprop="headline">Awards <i>and<\/i> prizes<\/h1>/);
  assert.match(
    readFileSync(path.join(dest, '_site/all/index.html'), 'utf8'),
    /<a href="\/awards\/">Awards <i>and<\/i> prizes<\/a>/,
  );
});

test('a stock include the owner made write list items keeps the old one where a page lists with it, under a name of its own', () => {
  const old = tempSite({
    '_config.yml': 'title: Site\ninclude: [_pages]\ncollections:\n  publications:\n    output: true\n',
    '_includes/archive-single.html':
      '{% include base_path %}\n{% comment %} one paper {% endcomment %}\n<li class="publication"><a href="{{ post.url }}">{{ post.title }}</a>{% include paper-tags.html %}</li>\n',
    '_includes/paper-tags.html': '<span class="tags">{{ post.tags | join: ", " }}</span>',
    '_publications/paper.md': '---\ntitle: A paper\ntags: [nlp]\n---\nText.\n',
    '_pages/publications.md':
      '---\ntitle: Publications\nlayout: archive\npermalink: /publications/\n---\n<ul>\n{% for post in site.publications %}\n  {% include archive-single.html %}\n{% endfor %}\n</ul>\n',
    '_pages/sitemap.md':
      '---\ntitle: Sitemap\nlayout: archive\npermalink: /sitemap/\n---\n{% for post in site.publications %}{% include archive-single.html %}{% endfor %}\n',
  });
  const dest = newFolder();
  const result = runCli(['migrate', old, dest, '--no-vendor']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(
    result.stdout,
    /kept: _includes\/archive-single.html \(as _includes\/archive-single-own.html, for _pages\/publications.md, which puts it in a list/,
  );
  assert.match(
    result.stdout,
    /kept: _includes\/paper-tags.html \(used by _includes\/archive-single-own.html:3\)/,
  );
  assert.ok(
    !existsSync(path.join(dest, '_includes/archive-single.html')),
    "the theme's stays the one other lists use",
  );
  const build = runCli(['build', '-s', dest]);
  assert.equal(build.code, 0, build.stderr);
  const publications = readFileSync(path.join(dest, '_site/publications/index.html'), 'utf8');
  assert.match(
    publications,
    /<ul>\s*<li class="publication"><a href="\/publications\/paper.html">A paper<\/a><span class="tags">nlp<\/span><\/li>\s*<\/ul>/,
  );
  const sitemap = readFileSync(path.join(dest, '_site/sitemap/index.html'), 'utf8');
  assert.match(sitemap, /<article class="archive-item">/);
  assert.doesNotMatch(sitemap, /class="publication"/);
});

test('every file migrate says it copied is in the new site (an address spelled out in _config.yml writes no extra links file)', () => {
  const old = tempSite({
    '_config.yml': 'title: Site\nauthor:\n  name: Ada\n  mastodon: ada\n  mastodonsrvr: mstdn.social\n',
    '_includes/author-profile.html':
      '{% if author.mastodon %}<a href="https://{{ author.mastodonsrvr }}/@{{ author.mastodon }}">M</a>{% endif %}\n',
    'index.md': '---\ntitle: Home\nlayout: single\nauthor_profile: true\n---\nHi.\n',
  });
  const dest = newFolder();
  const result = migrate(old, dest, '0.1.0', { vendor: false });
  assert.ok(result.copied.includes('_config.yml'));
  for (const file of result.copied) assert.ok(existsSync(path.join(dest, file)), `${file} is there`);
});
