/**
 * The built-in theme as Jekyll treats a gem theme: a site with only `_config.yml` and content
 * builds completely, and the site's own files win over the theme's, file by file.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../support/cli.ts';
import { tempSite } from '../support/temp-site.ts';

const CONFIG = `theme: scholarsite
title: "Ada Example"
url: "https://ada.example.org"
author:
  name: "Ada Example"
  bio: "Professor of Examples"
  github: ada-example
  orcid: "https://orcid.org/0000-0000-0000-0001"
  email: ada@example.org
collections:
  publications:
    output: true
defaults:
  - scope: { path: "" }
    values: { layout: single, author_profile: true }
`;

function build(files: Record<string, string>): { site: string; stderr: string } {
  const source = tempSite(files);
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0, result.stderr);
  return { site: path.join(source, '_site'), stderr: result.stderr };
}

const read = (site: string, file: string) => readFileSync(path.join(site, file), 'utf8');

test('a site with only _config.yml and content builds into complete pages with the theme', () => {
  const { site, stderr } = build({
    '_config.yml': CONFIG,
    'index.md': '---\ntitle: Home\npermalink: /\n---\nHello *world*.\n',
    '_publications/2024-01-02-paper.md':
      '---\ntitle: "A paper"\nvenue: "Journal of Tests"\ndate: 2024-01-02\npaperurl: "https://example.org/p.pdf"\ncitation: "Example, A. (2024). A paper."\n---\nAbstract.\n',
    'publications.md':
      '---\nlayout: archive\ntitle: Publications\npermalink: /publications/\n---\n{% include publications-by-year.html %}\n',
  });
  assert.equal(stderr, '');
  const home = read(site, 'index.html');
  assert.match(home, /^<!doctype html>\n<html lang="en-US" class="no-js">/);
  assert.match(home, /<title>Home \| Ada Example<\/title>/, '{% seo %} works without listing the plugin');
  assert.match(home, /<link rel="stylesheet" href="\/assets\/css\/main.css">/);
  assert.match(home, /<h1 class="page__title" itemprop="headline">Home<\/h1>/);
  assert.match(home, /<p>Hello <em>world<\/em>.<\/p>/);
  assert.match(
    home,
    /<a href="https:\/\/github.com\/ada-example" rel="me" itemprop="sameAs"><svg class="icon"/,
  );
  assert.match(home, /<a href="https:\/\/orcid.org\/0000-0000-0000-0001" rel="me"/, 'a full URL is kept');
  assert.match(home, /<a href="mailto:ada@example.org" rel="me">/);
  assert.match(home, /<a class="skip-link" href="#main">Skip to content<\/a>/);
  const person = JSON.parse(
    /<script type="application\/ld\+json">(\{"@context":"https:\/\/schema.org","@type":"Person".*?)<\/script>/.exec(
      home,
    )?.[1] ?? 'null',
  );
  assert.deepEqual(person, {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: 'Ada Example',
    url: 'https://ada.example.org/',
    jobTitle: 'Professor of Examples',
    sameAs: ['https://orcid.org/0000-0000-0000-0001', 'https://github.com/ada-example'],
  });

  const list = read(site, 'publications/index.html');
  assert.match(list, /<h2 id="y2024" class="archive__subtitle">2024<\/h2>/);
  assert.match(
    list,
    /<h3 class="archive-item__title"><a href="\/publications\/2024-01-02-paper.html">A paper<\/a><\/h3>/,
  );
  assert.match(list, /<cite>Journal of Tests<\/cite>, 2024/);

  const paper = read(site, 'publications/2024-01-02-paper.html');
  assert.match(paper, /itemtype="https:\/\/schema.org\/ScholarlyArticle"/);
  assert.match(paper, /<p class="citation__text">Example, A. \(2024\). A paper.<\/p>/);
  assert.match(
    paper,
    /<a href="https:\/\/example.org\/p.pdf">.*Paper<span class="visually-hidden">: A paper<\/span><\/a>/,
  );

  const css = read(site, 'assets/css/main.css');
  assert.match(css, /prefers-color-scheme:\s*dark/);
  assert.match(css, /@media print/);
  assert.ok(existsSync(path.join(site, 'assets/js/scholarsite.js')));
  assert.ok(existsSync(path.join(site, 'feed.xml')), 'the theme loads jekyll-feed');
  assert.ok(existsSync(path.join(site, 'sitemap.xml')), 'the theme loads jekyll-sitemap');
});

test("the site's own layouts, includes, Sass partials, assets and data win over the theme's", () => {
  const { site } = build({
    '_config.yml': `${CONFIG}words_per_minute: 7\n`,
    '_layouts/archive.html': '---\n---\nOWN ARCHIVE {{ content }}',
    '_includes/footer.html': '<p>OWN FOOTER</p>',
    '_sass/_custom.scss': '.own-rule { color: rebeccapurple; }',
    'assets/js/scholarsite.js': '// own script\n',
    '_data/ui-text.yml': 'en-US:\n  skip_link: "Zum Inhalt"\n',
    'index.md': '---\ntitle: Home\n---\n{{ site.words_per_minute }} {{ site.title_separator }}\n',
    'list.md': '---\nlayout: archive\n---\nlisted\n',
  });
  const home = read(site, 'index.html');
  // What goes inside the layout's <footer>, as academicpages' footer.html does.
  assert.match(home, /<footer class="site-footer">\s*<p>OWN FOOTER<\/p>\s*<\/footer>/);
  assert.doesNotMatch(home, /site-footer__inner/);
  assert.match(home, /<a class="skip-link" href="#main">Zum Inhalt<\/a>/);
  assert.match(home, /Dark mode/, "the theme's other words stay (data merges key by key)");
  assert.match(home, /<p>7 -<\/p>/, "the site's setting wins; the theme's fills in the rest");
  assert.equal(read(site, 'list.html'), 'OWN ARCHIVE <p>listed</p>\n');
  assert.match(read(site, 'assets/css/main.css'), /\.own-rule\{color:#639\}/);
  assert.equal(read(site, 'assets/js/scholarsite.js'), '// own script\n');
});

test('a theme scholarsite does not have is named, with what to do', () => {
  const source = tempSite({ '_config.yml': 'theme: jekyll-theme-chirpy\n', 'index.md': '---\n---\nhi\n' });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0);
  assert.match(
    result.stderr,
    /Warning: _config.yml: the theme 'jekyll-theme-chirpy' is a Ruby gem, which scholarsite cannot load.*\n {2}Hint: .*`theme: scholarsite`/,
  );
});

test('a site without layouts that asks for one is pointed to the built-in theme', () => {
  const source = tempSite({ '_config.yml': 'title: T\n', 'a.md': '---\nlayout: single\n---\nHello\n' });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0);
  assert.match(
    result.stderr,
    /Warning: a\.md:2: the layout 'single' does not exist\n[\s\S]*?\n {2}Hint: Create _layouts\/single\.html, or add `theme: scholarsite` to _config.yml/,
  );
});

test('every layout and list include works on a site that has none of the data or collections they list', () => {
  const files: Record<string, string> = { '_config.yml': 'theme: scholarsite\ntitle: Empty\n' };
  const layouts = [
    'default',
    'single',
    'archive',
    'archive-taxonomy',
    'splash',
    'talk',
    'home',
    'posts',
    'tags',
    'categories',
    'collection',
    'cv',
    'search',
    'compress',
  ];
  for (const layout of layouts)
    files[`${layout}.md`] = `---\nlayout: ${layout}\ntitle: ${layout}\n---\nText of ${layout}.\n`;
  files['lists.md'] = [
    '---',
    'layout: archive',
    '---',
    '{% include news.html %}{% include news.html limit="all" %}',
    '{% include publications-by-year.html %}{% include posts-by-year.html %}',
    '{% include posts-by-taxonomy.html taxonomy="tags" %}{% include posts-by-taxonomy.html taxonomy="categories" %}',
    '{% bibliography %}{% include group-by-array collection=site.posts field="tags" %}',
    '{% for post in site.publications %}{% include archive-single.html %}{% endfor %}',
    '',
  ].join('\n');
  const { site, stderr } = build(files);
  assert.equal(stderr, '');
  for (const layout of layouts)
    assert.match(read(site, `${layout}.html`), new RegExp(`Text of ${layout}\\.`), layout);
  assert.match(read(site, 'lists.html'), /<main id="main"/);
});

/** academicpages' comments and analytics settings, as a migrated site keeps them. */
function buildWith(settings: string, env: Record<string, string>, extra: Record<string, string> = {}) {
  const source = tempSite({
    '_config.yml': `${CONFIG}include: [_pages]\nrepository: ada/ada.github.io\n${settings}`,
    '_posts/2024-01-02-hello.md': '---\ntitle: Hello\ncomments: true\n---\nHi.\n',
    '_pages/about.md': '---\ntitle: About\npermalink: /about/\n---\nAbout.\n',
    ...extra,
  });
  const result = runCli(['build', '-s', source], { env });
  assert.equal(result.code, 0, result.stderr);
  const site = path.join(source, '_site');
  return { post: read(site, '2024/01/02/hello.html'), about: read(site, 'about/index.html') };
}

test('comments from academicpages settings load in production, on pages that ask, for each provider', () => {
  const production = { JEKYLL_ENV: 'production' };
  const cases: Array<[string, RegExp]> = [
    ['disqus:\n    shortname: ada-blog', /src = 'https:\/\/ada-blog\.disqus\.com\/embed\.js'/],
    ['discourse:\n    server: forum.example.org', /discourseUrl: 'https:\/\/forum\.example\.org\/'/],
    [
      'facebook:\n    appid: "123"\n    num_posts: 3',
      /class="fb-comments" data-href="https:\/\/ada\.example\.org\/2024\/01\/02\/hello\.html" data-mobile="true" data-numposts="3"/,
    ],
    [
      'utterances:\n    theme: github-dark',
      /src="https:\/\/utteranc\.es\/client\.js" repo="ada\/ada\.github\.io" issue-term="pathname" theme="github-dark"/,
    ],
    [
      'giscus:\n    repo_id: R_1\n    category_name: Comments\n    category_id: C_1',
      /data-repo="ada\/ada\.github\.io" data-repo-id="R_1" data-category="Comments" data-category-id="C_1" data-mapping="pathname"/,
    ],
    [
      'staticman:\n    branch: main',
      /action="https:\/\/api\.staticman\.net\/v2\/entry\/ada\/ada\.github\.io\/main\/comments"/,
    ],
  ];
  for (const [settings, expected] of cases) {
    const provider = settings.split(':')[0];
    const { post, about } = buildWith(`comments:\n  provider: ${provider}\n  ${settings}\n`, production);
    assert.match(post, expected, provider);
    assert.match(post, /<h2 id="comments-title" class="comments__title">Comments<\/h2>/, provider);
    assert.doesNotMatch(about, /comments__title/, `${provider}: a page without comments: true has none`);
  }
  const staticman = buildWith('comments:\n  provider: staticman\n', production, {
    '_data/comments/hello/entry1.yml':
      'name: Bea\nurl: https://bea.example.org\nmessage: "Nice *post*"\ndate: 2024-01-03\n',
  });
  assert.match(staticman.post, /<a href="https:\/\/bea\.example\.org" rel="nofollow">Bea<\/a>/);
  assert.match(staticman.post, /<p>Nice <em>post<\/em><\/p>/);
  const custom = buildWith('comments:\n  provider: custom\n', production, {
    '_includes/comments-providers/custom.html': '<div id="my-comments"></div>',
  });
  assert.match(custom.post, /<div id="my-comments"><\/div>/);
  // Previews load nothing from other servers; academicpages' default "false" is off.
  assert.doesNotMatch(
    buildWith('comments:\n  provider: disqus\n  disqus: { shortname: x }\n', {}).post,
    /disqus/,
  );
  assert.doesNotMatch(buildWith('comments:\n  provider: "false"\n', production).post, /comments__title/);
});

test('analytics from academicpages settings load in production only, for every provider it offers', () => {
  const production = { JEKYLL_ENV: 'production' };
  for (const provider of ['google-analytics-4', 'google', 'google-universal', 'google-gtag']) {
    const { about } = buildWith(
      `analytics:\n  provider: ${provider}\n  google:\n    tracking_id: G-ABC123\n`,
      production,
    );
    assert.match(
      about,
      /<script async src="https:\/\/www\.googletagmanager\.com\/gtag\/js\?id=G-ABC123"><\/script>/,
      provider,
    );
    assert.match(about, /gtag\("config","G-ABC123",\{anonymize_ip:true\}\)/, provider);
  }
  const custom = buildWith('analytics:\n  provider: custom\n', production, {
    '_includes/analytics-custom.html': '<script>window.mine = 1</script>',
  });
  assert.match(custom.about, /<script>window\.mine = 1<\/script>/);
  assert.doesNotMatch(
    buildWith('analytics:\n  provider: google\n  google: { tracking_id: G-1 }\n', {}).about,
    /googletagmanager/,
  );
  assert.doesNotMatch(buildWith('analytics:\n  provider: "false"\n', production).about, /googletagmanager/);
});
