/**
 * BibTeX as a source: tricky `.bib` files (accents, braces, `@string`, `crossref`, months, a
 * broken entry among good ones) become publication pages with Google Scholar's meta tags,
 * valid JSON-LD and a `.bib` download; `{% bibliography %}` lists them with the owner's name
 * highlighted and the contribution marks.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { runCli } from '../support/cli.ts';
import { forgetRenders, tempSite } from '../support/temp-site.ts';

const BIB = String.raw`@string{jes = "Journal of Example Studies"}

@article{li2024fusion,
  author = {Li, Zexi and M{\"u}ller, J{\"o}rg and Garc{\'\i}a, Mar{\'\i}a and {\ss}tra{\ss}e, Karl and de la Cruz, Juan and {Example Consortium}},
  title = {Training-time {Neuron} Alignment with {\em Fixed} Anchors -- a OPENQUOTEStudy'' of {LLMs} \& Co},
  journal = jes,
  year = 2024,
  month = mar,
  volume = {12},
  number = {3},
  pages = {101--120},
  doi = {10.1000/xyz-123},
  eprint = {2401.01234},
  archivePrefix = {arXiv},
  abstract = {We study $x^2$ and {\it things} \& stuff.},
  keywords = {selected, federated learning},
  pdf = {fusion.pdf},
  code = {https://example.org/code},
  abbr = {JES},
  equal = {1, 2},
  corresponding = {M{\"u}ller, J{\"o}rg},
}

@inproceedings{child2023,
  author = {Z. Li and Tao Lin},
  title = {A Child Paper},
  crossref = {proc2023},
  pages = {1--10},
}

@proceedings{proc2023,
  booktitle = {Proceedings of the 40th Example Conference},
  year = {2023},
}

@article{broken2022,
  author = {Someone Else},
  title = {Missing brace,
  year = 2022
}

@misc{after2021,
  author = {Lin, Tao and Li, Z{\'e}xi},
  title = {After the Broken One},
  year = {2021},
  howpublished = {Workshop on Examples},
}
`.replace('OPENQUOTE', '\x60\x60'); // TeX's opening quotes, which a template literal cannot hold

describe('a site with a BibTeX bibliography', () => {
  let site: string;
  let stderr: string;
  const read = (file: string) => readFileSync(path.join(site, file), 'utf8');

  before(() => {
    const source = tempSite({
      '_config.yml':
        'theme: scholarsite\ntitle: "Z"\nurl: "https://z.example.org"\nauthor:\n  name: "Zexi Li"\ndefaults:\n  - scope: { type: publications }\n    values: { layout: single }\n',
      '_bibliography/papers.bib': BIB,
      // The PDFs the entries link: the theme shows no button for a file the site does not have.
      'files/fusion.pdf': 'PDF',
      'files/old.pdf': 'PDF',
      'publications.md':
        '---\nlayout: archive\ntitle: Publications\npermalink: /publications/\n---\n{% bibliography %}\n\n<section id="selected">{% bibliography selected=true group_by=none bibtex=false %}</section>\n\n<section id="by-type">{% bibliography group_by=type year=2023 %}</section>\n',
      '_publications/2020-01-01-handwritten.md':
        '---\ntitle: \'A "quoted" </script> & <b>title</b>\'\nvenue: "Old & Venue"\ndate: 2020-01-01\nauthors: ["Zexi Li", "Ann O\'Neil"]\npaperurl: /files/old.pdf\n---\nOld.\n',
    });
    const result = runCli(['build', '-s', source]);
    assert.equal(result.code, 0, result.stderr);
    site = path.join(source, '_site');
    stderr = result.stderr;
  });

  test('a broken entry is reported with file and line; the others are all there', () => {
    assert.match(
      stderr,
      /^Warning: _bibliography\/papers\.bib:36: this BibTeX entry \(broken2022\) is malformed and was skipped: .*\n[\s\S]*> 36 \| @article\{broken2022,\n[\s\S]*Hint: Check that every \{ has its \}/m,
    );
    const list = read('publications/index.html');
    for (const key of ['li2024fusion', 'child2023', 'after2021'])
      assert.match(list, new RegExp(`/publications/${key}/`));
    assert.doesNotMatch(
      list,
      /broken2022|proc2023/,
      'a broken entry and a crossref-only proceedings are not listed',
    );
  });

  test('each entry has a page with its fields decoded: accents, braces, strings, months, crossref', () => {
    const page = read('publications/li2024fusion/index.html');
    assert.match(
      page,
      /<h1 class="page__title" itemprop="headline">Training-time Neuron Alignment with <i>Fixed<\/i> Anchors – a “Study” of LLMs &amp; Co<\/h1>/,
    );
    assert.match(
      page,
      /<p class="page__authors"><strong class="me">Zexi Li<\/strong><sup class="author-mark">\*<\/sup>, Jörg Müller<sup class="author-mark">\*#<\/sup>, María García, Karl ßtraße, Juan de la Cruz, Example Consortium<\/p>/,
    );
    assert.match(page, /Published in <cite>Journal of Example Studies<\/cite>/);
    assert.match(page, /<time datetime="2024-03-01T00:00:00[^"]*">2024<\/time>/, 'month = mar');
    assert.match(page, /<p>We study x² and <i>things<\/i> &amp; stuff\.<\/p>/);
    assert.match(page, /<a href="\/files\/fusion\.pdf">/, 'a local pdf is under files/');
    assert.match(page, /<a href="https:\/\/doi\.org\/10\.1000\/xyz-123">/);
    assert.match(page, /<a href="https:\/\/arxiv\.org\/abs\/2401\.01234">/);
    const child = read('publications/child2023/index.html');
    assert.match(
      child,
      /<meta name="citation_conference_title" content="Proceedings of the 40th Example Conference">/,
      'crossref',
    );
    assert.match(child, /<strong class="me">Z\. Li<\/strong>/, 'an initial is the owner too');
    assert.match(
      read('publications/after2021/index.html'),
      /Tao Lin, <strong class="me">Zéxi Li<\/strong>/,
      'accents need not match',
    );
  });

  test('publication pages carry Google Scholar meta tags, decoded and escaped', () => {
    const page = read('publications/li2024fusion/index.html');
    const meta = (name: string) =>
      [...page.matchAll(new RegExp(`<meta name="${name}" content="([^"]*)">`, 'g'))].map((m) => m[1]);
    assert.deepEqual(meta('citation_title'), [
      'Training-time Neuron Alignment with Fixed Anchors – a “Study” of LLMs &amp; Co',
    ]);
    assert.deepEqual(meta('citation_author'), [
      'Zexi Li',
      'Jörg Müller',
      'María García',
      'Karl ßtraße',
      'Juan de la Cruz',
      'Example Consortium',
    ]);
    assert.deepEqual(meta('citation_publication_date'), ['2024/03/01']);
    assert.deepEqual(meta('citation_journal_title'), ['Journal of Example Studies']);
    assert.deepEqual(meta('citation_volume'), ['12']);
    assert.deepEqual(meta('citation_issue'), ['3']);
    assert.deepEqual(meta('citation_firstpage'), ['101']);
    assert.deepEqual(meta('citation_lastpage'), ['120']);
    assert.deepEqual(meta('citation_doi'), ['10.1000/xyz-123']);
    assert.deepEqual(meta('citation_arxiv_id'), ['2401.01234']);
    assert.deepEqual(meta('citation_pdf_url'), ['https://z.example.org/files/fusion.pdf']);

    const handwritten = read('publications/2020-01-01-handwritten/index.html');
    assert.match(
      handwritten,
      /<meta name="citation_title" content="A &quot;quoted&quot; {2}&amp; title">/,
      'tags stripped, quotes escaped',
    );
    assert.match(handwritten, /<meta name="citation_author" content="Ann O&#39;Neil">/);
    assert.match(handwritten, /<meta name="citation_journal_title" content="Old &amp; Venue">/);
  });

  test('publication pages carry ScholarlyArticle JSON-LD that parses, and no BlogPosting', () => {
    for (const file of [
      'publications/li2024fusion/index.html',
      'publications/2020-01-01-handwritten/index.html',
    ]) {
      const page = read(file);
      const blocks = [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
        (m) => m[1],
      );
      assert.equal(blocks.length, 1, file);
      const data = JSON.parse(blocks[0]);
      assert.equal(data['@type'], 'ScholarlyArticle');
      if (file.includes('handwritten')) {
        assert.equal(data.headline, 'A "quoted"  & title');
        assert.doesNotMatch(blocks[0], /<\/script/i, 'no way out of the script element');
      } else {
        assert.deepEqual(data.author.map((a: { name: string }) => a.name).slice(0, 2), [
          'Zexi Li',
          'Jörg Müller',
        ]);
        assert.equal(data.sameAs, 'https://doi.org/10.1000/xyz-123');
        assert.equal(data.datePublished, '2024-03-01');
      }
    }
  });

  test('each entry has a .bib download that stands alone', () => {
    const bib = read('publications/li2024fusion.bib');
    assert.match(bib, /^@article\{li2024fusion,\n/);
    assert.match(bib, /journal += \{Journal of Example Studies\},/, '@string spelled out');
    assert.match(bib, /author += \{Li, Zexi and M\{\\"u\}ller/, 'LaTeX kept as written');
    assert.doesNotMatch(
      bib,
      /abstract|keywords|pdf|abbr|equal|corresponding/,
      "the site's own fields are left out",
    );
    const child = read('publications/child2023.bib');
    assert.match(child, /booktitle = \{Proceedings of the 40th Example Conference\}/);
    assert.doesNotMatch(child, /crossref/);
    assert.match(
      read('publications/li2024fusion/index.html'),
      /<a href="\/publications\/li2024fusion\.bib" download>/,
    );
  });

  test('{% bibliography %} groups by year, filters selected entries and types, and shows badges', () => {
    const list = read('publications/index.html');
    const years = [...list.matchAll(/<h2 id="(y\d+)" class="archive__subtitle">/g)].map((m) => m[1]);
    assert.deepEqual(years.slice(0, 4), ['y2024', 'y2023', 'y2021', 'y2020']);
    const selected = /<section id="selected">([\s\S]*?)<\/section>/.exec(list)?.[1] ?? '';
    assert.equal([...selected.matchAll(/class="bib-entry"/g)].length, 1);
    assert.match(selected, /<span class="bib-entry__badge">JES<\/span>/);
    assert.match(selected, /<details class="abstract">/);
    assert.doesNotMatch(selected, /<details class="bibtex">/, 'bibtex=false');
    const byType = /<section id="by-type">([\s\S]*?)<\/section>/.exec(list)?.[1] ?? '';
    assert.match(byType, /<h2 id="conference-papers" class="archive__subtitle">Conference papers<\/h2>/);
    assert.equal([...byType.matchAll(/class="bib-entry"/g)].length, 1);
  });
});

test('parsed .bib files are kept in .jekyll-cache by their text, and parsed again when it changes', () => {
  const bib =
    '@article{one2024,\n  author = {Li, Zexi},\n  title = {The {First} Paper},\n  year = 2024,\n}\n';
  const source = tempSite({
    '_config.yml': 'title: T\ntheme: scholarsite\nsearch: false\n',
    '_bibliography/papers.bib': bib,
  });
  assert.equal(runCli(['build', '-q', '-s', source]).code, 0);
  const page = () =>
    readFileSync(path.join(source, '_site', 'publications', 'one2024', 'index.html'), 'utf8');
  assert.match(page(), /The First Paper/);
  const cacheDir = path.join(source, '.jekyll-cache', 'scholarsite', 'bibtex');
  const [cached] = readdirSync(cacheDir);
  // The next build takes the entries from the cache: an edit there shows.
  const file = path.join(cacheDir, cached);
  writeFileSync(file, readFileSync(file, 'utf8').replace('The First Paper', 'From The Cache'));
  forgetRenders(source); // else the page itself comes from the last build
  assert.equal(runCli(['build', '-q', '-s', source]).code, 0);
  assert.match(page(), /From The Cache/);
  // Without the disk cache, or once the .bib changes, the file is parsed.
  assert.equal(runCli(['build', '-q', '--disable-disk-cache', '-s', source]).code, 0);
  assert.match(page(), /The First Paper/);
  writeFileSync(path.join(source, '_bibliography', 'papers.bib'), bib.replace('First', 'Second'));
  assert.equal(runCli(['build', '-q', '-s', source]).code, 0);
  assert.match(page(), /The Second Paper/);
});
