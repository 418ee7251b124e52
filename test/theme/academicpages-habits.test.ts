/** What real academicpages sites write that the theme must take as it is. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../support/cli.ts';
import { tempSite } from '../support/temp-site.ts';

test("a page's author written as HTML goes into the head's tags as plain text, quotes intact", () => {
  const source = tempSite({
    '_config.yml':
      'theme: scholarsite\ntitle: Site\ncollections:\n  publications:\n    output: true\ndefaults:\n  - scope: { path: "" }\n    values: { layout: single }\n',
    '_publications/2024-paper.md':
      '---\ntitle: A paper\nauthor: 18. <font color="green">Lin, W.-A.</font>, <b>Sung, C.-L.</b> (2024)\n---\nText.\n',
    'about.md': '---\ntitle: About\nauthor: Ada "the" Example\n---\nHi.\n',
  });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0, result.stderr);
  const paper = readFileSync(path.join(source, '_site/publications/2024-paper.html'), 'utf8');
  assert.match(paper, /<meta name="author" content="18. Lin, W.-A., Sung, C.-L. \(2024\)" \/>/);
  assert.doesNotMatch(paper, /content="[^"]*<font/);
  const about = readFileSync(path.join(source, '_site/about.html'), 'utf8');
  assert.match(about, /<meta name="author" content="Ada &quot;the&quot; Example" \/>/);
});

test("a publication's link to a file the site does not have gets no button; files that are there, and other sites, do", () => {
  const source = tempSite({
    '_config.yml':
      'theme: scholarsite\ntitle: Site\nbaseurl: /home\ncollections:\n  publications:\n    output: true\ndefaults:\n  - scope: { path: "" }\n    values: { layout: single }\n',
    '_publications/2024-paper.md':
      "---\ntitle: A paper\npaperurl: 'files/never-added.pdf'\nslidesurl: /files/my%20slides.pdf\nposterurl: /files/poster.pdf?v=2\nbibtexurl: '\ufeffhttps://example.org/paper.bib'\ncodeurl: /code/\n---\nText.\n",
    'files/my slides.pdf': 'PDF',
    'files/poster.pdf': 'PDF',
  });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0, result.stderr);
  const paper = readFileSync(path.join(source, '_site/publications/2024-paper.html'), 'utf8');
  const links = /<ul class="item-links">([\s\S]*?)<\/ul>/.exec(paper)?.[1] ?? '';
  assert.doesNotMatch(links, /never-added/);
  assert.match(links, /href="\/home\/files\/my%20slides.pdf"/);
  assert.match(links, /href="\/home\/files\/poster.pdf\?v=2"/);
  assert.match(links, /href="https:\/\/example.org\/paper.bib"/, 'a pasted byte-order mark is dropped');
  assert.match(links, /href="\/home\/code\/"/);
});

test("a page whose title holds a link is listed by its title's text, never a link in a link", () => {
  const source = tempSite({
    '_config.yml':
      'theme: scholarsite\ntitle: Site\ndefaults:\n  - scope: { path: "" }\n    values: { layout: single }\n',
    'selected.md':
      '---\ntitle: \'Selected <i>papers</i> <a href="https://dblp.org/x">(all in DBLP)</a>\'\npermalink: /selected/\n---\nText.\n',
    'italic.md': "---\ntitle: 'On <i>E. coli</i>'\npermalink: /italic/\n---\nText.\n",
    'all.md':
      '---\nlayout: archive\ntitle: All\npermalink: /all/\n---\n{% for post in site.pages %}{% if post.url != "/all/" %}{% include archive-single.html %}{% endif %}{% endfor %}\n',
  });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0, result.stderr);
  const all = readFileSync(path.join(source, '_site/all/index.html'), 'utf8');
  assert.match(all, /<a href="\/selected\/">Selected papers \(all in DBLP\)<\/a>/);
  assert.match(all, /<a href="\/italic\/">On <i>E. coli<\/i><\/a>/, 'other markup in a title stays');
});

test('items of a collection that writes no pages are listed without a link to nowhere', () => {
  const source = tempSite({
    '_config.yml':
      'theme: scholarsite\ntitle: Site\ncollections:\n  teaching:\n    output: false\n  talks:\n    output: true\ndefaults:\n  - scope: { path: "" }\n    values: { layout: single }\n',
    '_teaching/course.md': '---\ntitle: A course\ndate: 2024-01-01\n---\nTaught.\n',
    '_talks/talk.md': '---\ntitle: A talk\ndate: 2024-02-01\n---\nTalked.\n',
    'lists.md':
      '---\nlayout: archive\ntitle: Lists\npermalink: /lists/\n---\n{% for post in site.teaching %}{% include archive-single.html %}{% endfor %}{% for post in site.talks %}{% include archive-single.html %}{% endfor %}<ul>{% for post in site.teaching %}{% include archive-single-cv.html %}{% endfor %}</ul>\n',
  });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0, result.stderr);
  const lists = readFileSync(path.join(source, '_site/lists/index.html'), 'utf8');
  assert.match(lists, /<h2 class="archive-item__title">A course<\/h2>/);
  assert.match(lists, /<li class="cv-item">A course, 2024/);
  assert.match(lists, /<h2 class="archive-item__title"><a href="\/talks\/talk.html">A talk<\/a><\/h2>/);
  assert.doesNotMatch(lists, /href="\/teaching\//);
});

test('a header image written from the root but kept under images/ is found there, as academicpages reads it', () => {
  const source = tempSite({
    '_config.yml': 'theme: scholarsite\ntitle: Site\nbaseurl: /home\n',
    'post.md':
      '---\nlayout: single\ntitle: Post\nheader:\n  overlay_image: /posts/bart/header.jpg\n  teaser: /files/real.jpg\n---\nText.\n',
    'images/posts/bart/header.jpg': 'JPG',
    'files/real.jpg': 'JPG',
  });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0, result.stderr);
  const post = readFileSync(path.join(source, '_site/post.html'), 'utf8');
  assert.match(post, /url\('\/home\/images\/posts\/bart\/header.jpg'\)/);
});

test("academicpages' tag and category pages give each tag, commas and all, the id that the posts' tag links name", () => {
  const archive = (field: string) =>
    `---\nlayout: archive\npermalink: /${field}/\n---\n{% include group-by-array collection=site.posts field="${field}" %}{% for tag in group_names %}{% assign posts = group_items[forloop.index0] %}<h2 id="{{ tag | slugify }}">{{ tag }}</h2>{% for post in posts %}{% include archive-single.html %}{% endfor %}{% endfor %}\n`;
  const source = tempSite({
    '_config.yml':
      'theme: scholarsite\ntitle: Site\ndefaults:\n  - scope: { path: "" }\n    values: { layout: single }\n',
    '_posts/2019-02-13-tricks.md':
      "---\ntitle: Tricks\ntags:\n  - tensorflow, pytorch\n  - Open3D\ncategories: ['Deep learning, vision']\n---\nText.\n",
    '_posts/2019-03-01-more.md': '---\ntitle: More\ntags: [Open3D]\n---\nText.\n',
    'tags.html': archive('tags'),
    'categories.html': archive('categories'),
  });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0, result.stderr);
  const post = readFileSync(path.join(source, '_site/deep learning, vision/2019/02/13/tricks.html'), 'utf8');
  const tags = readFileSync(path.join(source, '_site/tags/index.html'), 'utf8');
  const categories = readFileSync(path.join(source, '_site/categories/index.html'), 'utf8');
  const links = [...post.matchAll(/href="\/(tags|categories)\/#([^"]+)"/g)];
  assert.deepEqual(
    links.map((link) => `${link[1]}#${link[2]}`),
    ['tags#tensorflow-pytorch', 'tags#open3d', 'categories#deep-learning-vision'],
  );
  for (const [, page, id] of links)
    assert.match(page === 'tags' ? tags : categories, new RegExp(`id="${id}"`), id);
  const open3d = /<h2 id="open3d">[\s\S]*?(?=<h2 id=|$)/.exec(tags)?.[0] ?? '';
  assert.match(open3d, />Tricks</);
  assert.match(open3d, />More</, 'each heading lists every post with the tag');
});

test('a page set aside under a name Jekyll does not make HTML of (talks.html.old) is listed without a link to its empty folder', () => {
  const source = tempSite({
    '_config.yml':
      'theme: scholarsite\ntitle: Site\ninclude: [_pages]\ndefaults:\n  - scope: { path: "" }\n    values: { layout: single }\n',
    '_pages/talks.html.old': '---\ntitle: Old talks\npermalink: /talks/\n---\n<p>Talks.</p>\n',
    '_pages/about.md': '---\ntitle: About\npermalink: /about/\n---\nHi.\n',
    'keys.txt': '---\ntitle: Keys\n---\nA text file.\n',
    '_pages/sitemap.md':
      '---\nlayout: archive\ntitle: Sitemap\npermalink: /sitemap/\n---\n{% for post in site.pages %}{% include archive-single.html %}{% endfor %}\n',
  });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0, result.stderr);
  assert.ok(
    existsSync(path.join(source, '_site/talks/index.old')),
    'Jekyll writes it so, with no index.html',
  );
  const sitemap = readFileSync(path.join(source, '_site/sitemap/index.html'), 'utf8');
  assert.match(sitemap, /<h2 class="archive-item__title">Old talks<\/h2>/);
  assert.doesNotMatch(sitemap, /href="\/talks\/"/);
  assert.match(sitemap, /<a href="\/about\/">About<\/a>/);
  assert.match(sitemap, /<a href="\/keys.txt">Keys<\/a>/, 'a file named as it is written is linked');
});
