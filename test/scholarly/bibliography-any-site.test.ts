/**
 * Publications on a site with a theme of its own: a plain site with only `_bibliography/*.bib`
 * and `{% bibliography %}`, a site set up for jekyll-scholar, and an academicpages site asking
 * for Google Scholar's tags with `scholar_meta: true` (and otherwise unchanged, byte for byte).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { compileBibliographyCss, STANDALONE_CSS } from '../../tools/bibliography-css-compile.ts';
import { runCli } from '../support/cli.ts';
import { tempDir, tempSite } from '../support/temp-site.ts';

const PAPERS = `@article{li2020,
  author = {Li, Zexi and Lin, Tao and Wu, Chao},
  title = {Fusion of {Models}},
  journal = {Journal of Examples},
  year = 2020,
  month = jun,
  pdf = {li2020.pdf},
}

@inproceedings{okafor2021,
  author = {Okafor, Mira and de la Cruz, Juan},
  title = {Anchors in the Wild},
  booktitle = {Proceedings of the Example Conference},
  year = 2021,
}
`;

const OTHER = `@book{lin2018,
  author = {Lin, Tao},
  title = {A Book of Examples},
  publisher = {Example Press},
  year = 2018,
}
`;

const meta = (page: string, name: string) =>
  [...page.matchAll(new RegExp(`<meta name="${name}" content="([^"]*)">`, 'g'))].map((m) => m[1]);

const entriesIn = (html: string) =>
  [...html.matchAll(/<a href="\/publications\/(\w+)\/">/g)].map((m) => m[1]);

function build(source: string, ...args: string[]): string {
  const result = runCli(['build', '-s', source, ...args]);
  assert.equal(result.code, 0, result.stderr);
  return result.stderr;
}

describe('a plain site with only _bibliography/papers.bib and {% bibliography %}', () => {
  let site: string;
  let stderr: string;
  const read = (file: string) => readFileSync(path.join(site, file), 'utf8');

  before(() => {
    const source = tempSite({
      '_config.yml': 'title: Mira Okafor\nurl: https://okafor.example.org\n',
      '_bibliography/papers.bib': PAPERS,
      // The paper its entry links (the theme draws no button for a file the site does not have).
      'files/li2020.pdf': 'PDF',
      'publications.md':
        '---\ntitle: Publications\n---\n# Papers\n\n{% bibliography %}\n\nAnd again: {% bibliography group_by=none %}\n',
      'index.md': '---\ntitle: Home\n---\nHello.\n',
    });
    stderr = build(source);
    site = path.join(source, '_site');
  });

  test('builds without a word, and draws the entries with the built-in theme includes', () => {
    assert.equal(stderr, '');
    const list = read('publications.html');
    assert.deepEqual(entriesIn(list), ['okafor2021', 'li2020', 'okafor2021', 'li2020']);
    assert.match(list, /<h2 id="y2021" class="archive__subtitle">2021<\/h2>/);
    assert.match(list, /<p class="bib-entry__authors">Zexi Li, Tao Lin, Chao Wu<\/p>/);
    assert.match(list, /<cite>Journal of Examples<\/cite>, 2020/);
    assert.match(
      list,
      /<a href="\/files\/li2020\.pdf"><svg class="icon"[^>]*>.*<\/svg>Paper<span/,
      'the words of the theme',
    );
    assert.match(list, /<details class="bibtex">/);
  });

  test('each list is wrapped, and the page links the scoped stylesheet once', () => {
    const list = read('publications.html');
    assert.equal([...list.matchAll(/<div class="scholarsite-bibliography">/g)].length, 2);
    assert.equal(
      [...list.matchAll(/<link rel="stylesheet" href="\/assets\/scholarsite\/bibliography\.css"( \/)?>/g)]
        .length,
      1,
    );
    const css = read('assets/scholarsite/bibliography.css');
    const selectors = [...css.matchAll(/^\s*([^@\s{}][^{}]*)\{/gm)].map((m) => m[1].trim());
    assert.ok(selectors.length > 20);
    for (const selector of selectors)
      for (const part of selector.split(/\s*,\s*/))
        assert.match(part, /^\.scholarsite-bibliography\b/, `every rule is under the wrapper: ${part}`);
    assert.equal(read('index.html').includes('scholarsite'), false, 'other pages are left alone');
  });

  test('each entry has its own page, with Google Scholar tags in its head', () => {
    const page = read('publications/li2020/index.html');
    const head = page.slice(0, page.indexOf('</head>'));
    assert.deepEqual(meta(head, 'citation_title'), ['Fusion of Models']);
    assert.deepEqual(meta(head, 'citation_author'), ['Zexi Li', 'Tao Lin', 'Chao Wu']);
    assert.deepEqual(meta(head, 'citation_publication_date'), ['2020/06/01']);
    assert.deepEqual(meta(head, 'citation_journal_title'), ['Journal of Examples']);
    assert.deepEqual(meta(head, 'citation_pdf_url'), ['https://okafor.example.org/files/li2020.pdf']);
    assert.match(head, /<title>Fusion of Models \| Mira Okafor<\/title>/);
    assert.match(page, /<h1>Fusion of Models<\/h1>/);
    assert.match(page, /<p class="bib-entry__authors">Zexi Li, Tao Lin, Chao Wu<\/p>/);
    const conference = read('publications/okafor2021/index.html');
    assert.deepEqual(meta(conference, 'citation_conference_title'), [
      'Proceedings of the Example Conference',
    ]);
  });

  test('a site whose pages use no bibliography tag is left as Jekyll builds it', () => {
    const source = tempSite({
      '_config.yml': 'title: T\n',
      '_bibliography/papers.bib': PAPERS,
      'index.md': '---\n---\nHello.\n',
    });
    build(source);
    assert.deepEqual(readdirSync(path.join(source, '_site')), ['index.html']);
  });
});

describe('a site set up for jekyll-scholar', () => {
  let site: string;
  const read = (file: string) => readFileSync(path.join(site, file), 'utf8');
  const section = (page: string, id: string) =>
    new RegExp(`<section id="${id}">([\\s\\S]*?)</section>`).exec(page)?.[1] ?? '';

  before(() => {
    const source = tempSite({
      '_config.yml':
        'title: T\nplugins: [jekyll-scholar]\nscholar:\n  source: ./_bibliography\n  bibliography: papers.bib\n  sort_by: year\n  order: ascending\n  group_by: none\n',
      '_bibliography/papers.bib': PAPERS,
      '_bibliography/other.bib': OTHER,
      'files/li2020.pdf': 'PDF',
      // academicpages' words for its own layouts, none of them the lists'
      '_data/ui-text.yml': 'en:\n  page: "Page"\n  more_label: "Learn more"\n',
      '_layouts/default.html':
        '<!doctype html>\n<html>\n<head>\n<title>{{ page.title }}</title>\n</head>\n<body>\n{{ content }}\n</body>\n</html>\n',
      '_layouts/page.html': '---\nlayout: default\n---\n<article class="own">{{ content }}</article>\n',
      'publications.html': [
        '---',
        'layout: default',
        'year: 2021',
        '---',
        '<section id="default">{% bibliography %}</section>',
        '<section id="al-folio">{% bibliography -f {{ site.scholar.bibliography }} -q @*[year={{ page.year }}]* %}</section>',
        '<section id="file">{% bibliography --file other %}</section>',
        '<section id="query">{% bibliography -f papers --query @*[year=2020] %}</section>',
        '<section id="max">{% bibliography --max 1 %}</section>',
        '<section id="limit">{% bibliography --limit 1 %}</section>',
        '<section id="count">{% bibliography_count -f papers -q @*[year=2021] %} and {% bibliography_count --file other %}</section>',
        '<section id="cite">As shown {% cite li2020 %} and {% cite okafor2021 lin2018 %}; {% cite nobody %}.</section>',
        '<section id="reference">{% reference lin2018 %}</section>',
        '',
      ].join('\n'),
    });
    build(source);
    site = path.join(source, '_site');
  });

  test('the default bibliography is the one scholar.bibliography names, in its sort order', () => {
    const page = read('publications.html');
    assert.deepEqual(
      entriesIn(section(page, 'default')),
      ['li2020', 'okafor2021'],
      'sort_by: year ascending',
    );
    assert.doesNotMatch(section(page, 'default'), /<h2/, 'group_by: none');
    assert.match(
      section(page, 'default'),
      /<\/svg>Paper<span class="visually-hidden">: Fusion of Models<\/span>/,
    );
  });

  test('--file, --query, --max and --limit choose the entries', () => {
    const page = read('publications.html');
    assert.deepEqual(entriesIn(section(page, 'file')), ['lin2018']);
    assert.deepEqual(entriesIn(section(page, 'query')), ['li2020']);
    assert.deepEqual(entriesIn(section(page, 'max')), ['li2020']);
    assert.deepEqual(entriesIn(section(page, 'limit')), ['li2020']);
    assert.deepEqual(entriesIn(section(page, 'al-folio')), ['okafor2021'], 'variables in options');
    assert.equal(section(page, 'count'), '1 and 1', 'bibliography_count');
  });

  test('{% cite %} writes author–year citations linking each publication; {% reference %} draws one', () => {
    const page = read('publications.html');
    assert.equal(
      section(page, 'cite'),
      'As shown (<a class="citation" href="/publications/li2020/">Li et al., 2020</a>) and ' +
        '(<a class="citation" href="/publications/okafor2021/">Okafor &amp; de la Cruz, 2021</a>; ' +
        '<a class="citation" href="/publications/lin2018/">Lin, 2018</a>); (missing reference).',
    );
    const reference = section(page, 'reference');
    assert.deepEqual(entriesIn(reference), ['lin2018']);
    assert.match(
      reference,
      /^\n<div class="scholarsite-bibliography">\n<ol class="bibliography">/,
      'styled once a page',
    );
  });

  test("publication pages take the site's own layout when it has no `single`, with Scholar tags", () => {
    const page = read('publications/lin2018/index.html');
    assert.match(page, /<article class="own">/);
    assert.match(
      page,
      /<title>A Book of Examples<\/title>\n<meta name="citation_title" content="A Book of Examples">\n<meta name="citation_author" content="Tao Lin">\n/,
    );
    assert.deepEqual(meta(page, 'citation_publisher'), ['Example Press']);
  });
});

/** An academicpages site as its template has it: own layouts, own seo.html, `_publications/*.md`. */
const ACADEMICPAGES = {
  '_config.yml': [
    'title: Your Name / Site Title',
    'url: https://yourname.github.io',
    'time: 2024-05-01 12:00:00 +0000',
    'plugins: [jekyll-feed, jekyll-sitemap]',
    'include: [_pages]',
    'collections:',
    '  publications:',
    '    output: true',
    '    permalink: /:collection/:path/',
    'defaults:',
    '  - scope: { path: "", type: publications }',
    '    values: { layout: single, author_profile: true }',
    '',
  ].join('\n'),
  '_layouts/default.html':
    '<!doctype html>\n<html lang="en">\n  <head>\n    {% include seo.html %}\n  </head>\n  <body>\n    {{ content }}\n  </body>\n</html>\n',
  '_layouts/single.html':
    '---\nlayout: default\n---\n<h1>{{ page.title }}</h1>\n{% if page.venue %}<p>Published in <i>{{ page.venue }}</i>, {{ page.date | date: "%Y" }}</p>{% endif %}\n{{ content }}\n{% if page.paperurl %}<p><a href="{{ page.paperurl }}">Download paper here</a></p>{% endif %}\n{% if page.citation %}<p>Recommended citation: {{ page.citation }}</p>{% endif %}\n',
  '_includes/seo.html':
    '<title>{{ page.title | default: site.title }}</title>\n    <meta property="og:title" content="{{ page.title }}">\n',
  '_pages/publications.md':
    '---\nlayout: default\ntitle: Publications\npermalink: /publications/\n---\n{% for post in site.publications reversed %}\n- [{{ post.title }}]({{ post.url }}) ({{ post.venue }})\n{% endfor %}\n',
  '_publications/2009-10-01-paper-title-number-1.md': [
    '---',
    'title: "Paper Title Number 1"',
    'collection: publications',
    'category: manuscripts',
    "excerpt: 'This paper is about the number 1.'",
    'date: 2009-10-01',
    "venue: 'Journal 1'",
    "paperurl: 'http://academicpages.github.io/files/paper1.pdf'",
    "citation: 'Your Name, You. (2009). &quot;Paper Title Number 1.&quot; <i>Journal 1</i>. 1(1).'",
    '---',
    'This paper is about the number 1.',
    '',
  ].join('\n'),
  '_publications/2015-10-01-paper-title-number-3.md': [
    '---',
    'title: "Paper Title Number 3"',
    'collection: publications',
    'category: conferences',
    'date: 2015-10-01',
    "venue: 'Conference 1'",
    "citation: 'Li, Z., Lin, T., &amp; Okafor, M. (2015). &quot;Paper Title Number 3.&quot; <i>Conference 1</i>.'",
    '---',
    'This paper is about the number 3.',
    '',
  ].join('\n'),
  '_publications/2020-01-01-with-authors.md': [
    '---',
    'title: "A Paper <b>With</b> Authors"',
    'collection: publications',
    'date: 2020-01-01',
    'venue: "Journal & Co"',
    'authors: ["Mira Okafor", "Juan de la Cruz"]',
    'paperurl: /files/with-authors.pdf',
    '---',
    'Text.',
    '',
  ].join('\n'),
  '_scholar.yml': 'scholar_meta: true\n',
};

/** `--config` for the site's config with `scholar_meta: true` added. */
const withScholarMeta = (source: string) =>
  `${path.join(source, '_config.yml')},${path.join(source, '_scholar.yml')}`;

/** Every file of a folder, relative, with its bytes. */
function filesOf(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    files.set(path.relative(root, absolute), readFileSync(absolute));
  }
  return files;
}

describe('an academicpages site with scholar_meta: true', () => {
  let without: Map<string, Buffer>;
  let withTags: Map<string, Buffer>;
  const page = (file: string) => withTags.get(file)?.toString('utf8') ?? '';

  before(() => {
    const source = tempSite(ACADEMICPAGES);
    const out = tempDir('scholarsite-out-');
    build(source, '-d', path.join(out, 'without'), '--disable-disk-cache');
    build(source, '-d', path.join(out, 'with'), '--disable-disk-cache', '--config', withScholarMeta(source));
    without = filesOf(path.join(out, 'without'));
    withTags = filesOf(path.join(out, 'with'));
  });

  test('without it, no page carries Scholar tags', () => {
    for (const [file, bytes] of without) assert.doesNotMatch(bytes.toString('utf8'), /citation_/, file);
  });

  test('every publication page gets correct tags from its front matter', () => {
    const first = page('publications/2009-10-01-paper-title-number-1/index.html');
    assert.deepEqual(meta(first, 'citation_title'), ['Paper Title Number 1']);
    assert.deepEqual(meta(first, 'citation_author'), ['Your Name, You.']);
    assert.deepEqual(meta(first, 'citation_publication_date'), ['2009/10/01']);
    assert.deepEqual(meta(first, 'citation_journal_title'), ['Journal 1']);
    assert.deepEqual(meta(first, 'citation_pdf_url'), ['http://academicpages.github.io/files/paper1.pdf']);
    const third = page('publications/2015-10-01-paper-title-number-3/index.html');
    assert.deepEqual(meta(third, 'citation_author'), ['Li, Z.', 'Lin, T.', 'Okafor, M.']);
    assert.deepEqual(meta(third, 'citation_conference_title'), ['Conference 1']);
    assert.deepEqual(meta(third, 'citation_pdf_url'), []);
    const own = page('publications/2020-01-01-with-authors/index.html');
    assert.deepEqual(meta(own, 'citation_title'), ['A Paper With Authors']);
    assert.deepEqual(meta(own, 'citation_author'), ['Mira Okafor', 'Juan de la Cruz']);
    assert.deepEqual(meta(own, 'citation_journal_title'), ['Journal &amp; Co']);
    assert.deepEqual(meta(own, 'citation_pdf_url'), ['https://yourname.github.io/files/with-authors.pdf']);
    const json = JSON.parse(/<script type="application\/ld\+json">(.*)<\/script>/.exec(own)?.[1] ?? '');
    assert.equal(json['@type'], 'ScholarlyArticle');
    assert.equal(json.datePublished, '2020-01-01');
    // In the head, after the site's own tags.
    assert.match(
      own,
      /<meta property="og:title" content="A Paper <b>With<\/b> Authors">\n\n<meta name="citation_title"/,
    );
    assert.match(own, /<\/script>\n {2}<\/head>/, 'the line of </head> is kept as it was');
  });

  test('and nothing else changes: every other file is byte for byte the same', () => {
    assert.deepEqual([...withTags.keys()].sort(), [...without.keys()].sort());
    let publications = 0;
    for (const [file, bytes] of without) {
      const other = withTags.get(file)!;
      if (!/^publications\/\d{4}-.*index\.html$/.test(file)) {
        assert.ok(bytes.equals(other), `${file} is the same`);
        continue;
      }
      publications++;
      const removed = other
        .toString('utf8')
        .replace(
          /<meta name="citation_[^\n]*\n|<script type="application\/ld\+json">[^\n]*<\/script>\n/g,
          '',
        );
      assert.equal(removed, bytes.toString('utf8'), `${file}: only the tags were added`);
    }
    assert.equal(publications, 3);
  });

  test('scholarsite check names publication pages Google Scholar could not index', () => {
    const source = tempSite(ACADEMICPAGES);
    const plain = runCli(['check', '-s', source]).stdout;
    assert.match(
      plain,
      /Google Scholar cannot index this publication page: it has no citation_\* meta tags \[scholar-unindexable\]\n {4}On 3 pages: _publications\/2009-10-01-paper-title-number-1\.md, _publications\/2015-10-01-paper-title-number-3\.md, _publications\/2020-01-01-with-authors\.md\n {4}Hint: Add `scholar_meta: true` to _config\.yml/,
    );
    const tagged = runCli(['check', '-s', source, '--config', withScholarMeta(source)]).stdout;
    assert.doesNotMatch(tagged, /scholar-unindexable/);
    assert.match(
      tagged,
      /_publications\/2015-10-01-paper-title-number-3\.md → [^\n]*\n(?: {2}[^\n]*\n)*? {2}Warning: [^\n]*this publication page links no PDF \(citation_pdf_url\), which Google Scholar reads the paper from \[scholar-no-pdf\]\n {4}Hint: Give the page `paperurl:`/,
    );
    assert.equal([...tagged.matchAll(/\[scholar-no-pdf\]/g)].length, 1, 'the others link their PDF');
  });
});

test('entries kept apart from `_publications/` with `bibliography: { collection: papers }`', () => {
  const source = tempSite({
    ...ACADEMICPAGES,
    '_config.yml': `${ACADEMICPAGES['_config.yml']}bibliography:\n  collection: papers\n`,
    '_bibliography/papers.bib': PAPERS,
    '_pages/bib.md': '---\nlayout: default\npermalink: /bib/\n---\n{% bibliography %}\n',
  });
  build(source);
  const read = (file: string) => readFileSync(path.join(source, '_site', file), 'utf8');
  assert.deepEqual(
    [...read('bib/index.html').matchAll(/<a href="\/papers\/(\w+)\/">/g)].map((m) => m[1]),
    ['okafor2021', 'li2020'],
  );
  assert.doesNotMatch(read('publications/index.html'), /li2020|okafor2021/, 'site.publications as it was');
  assert.deepEqual(meta(read('papers/li2020/index.html'), 'citation_title'), ['Fusion of Models']);
});

test('the scoped stylesheet is the built-in theme Sass as it stands (run tools/bibliography-css.ts)', async () => {
  assert.ok(existsSync(STANDALONE_CSS));
  assert.equal(readFileSync(STANDALONE_CSS, 'utf8'), await compileBibliographyCss());
});
