/**
 * `scholarsite import orcid|doi|arxiv|dblp`: records from a stand-in of each service (bodies as
 * their APIs document them) written into the site's .bib file: one entry per paper across
 * sources, a re-run that changes nothing, upstream changes taken in and the user's edits kept.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCliAsync } from '../support/cli.ts';
import { closedPort, type StandInData, startStandIn } from '../support/scholarly-apis.ts';
import { tempSite } from '../support/temp-site.ts';

const ORCID = '0000-0002-1825-0097';

const doiId = (doi: string) => ({
  'external-id': [
    {
      'external-id-type': 'doi',
      'external-id-value': doi,
      'external-id-normalized': { value: doi.toLowerCase(), transient: true },
      'external-id-url': { value: `https://doi.org/${doi}` },
      'external-id-relationship': 'self',
    },
  ],
});
const arxivId = (id: string) => ({
  'external-id': [
    { 'external-id-type': 'arxiv', 'external-id-value': `arXiv:${id}`, 'external-id-relationship': 'self' },
  ],
});

function upstream(): StandInData {
  return {
    orcid: {
      [ORCID]: [
        [
          {
            summary: {
              'put-code': 101,
              'display-index': '1',
              title: { title: { value: 'Mapping burn severity from repeat plot photography' } },
              'external-ids': doiId('10.5555/JEFS.2019.14'),
              type: 'journal-article',
              'publication-date': { year: { value: '2019' }, month: { value: '03' }, day: null },
              'journal-title': { value: 'Journal of Example Fire Science' },
              path: `/${ORCID}/work/101`,
            },
          },
        ],
        [
          {
            summary: {
              'put-code': 102,
              'display-index': '0',
              title: { title: { value: 'Seedlings & smoke: a preprint' } },
              'external-ids': arxivId('2405.14132'),
              type: 'preprint',
              'publication-date': { year: { value: '2024' }, month: null, day: null },
            },
          },
        ],
        [
          {
            summary: {
              'put-code': 103,
              'display-index': '0',
              title: { title: { value: 'Field notes on post-fire regeneration' } },
              'external-ids': { 'external-id': [] },
              type: 'report',
              'publication-date': { year: { value: '2020' }, month: null, day: null },
            },
            work: {
              'put-code': 103,
              title: { title: { value: 'Field notes on post-fire regeneration' }, subtitle: null },
              'journal-title': { value: 'Example Institute Reports' },
              'short-description': 'Notes from five field seasons.',
              type: 'report',
              'publication-date': { year: { value: '2020' }, month: { value: '06' }, day: null },
              'external-ids': { 'external-id': [] },
              url: { value: 'https://example.org/reports/field-notes' },
              contributors: {
                contributor: [
                  {
                    'credit-name': { value: 'Mira Okafor' },
                    'contributor-attributes': {
                      'contributor-sequence': 'first',
                      'contributor-role': 'author',
                    },
                  },
                  {
                    'credit-name': { value: 'Jonas Lindqvist' },
                    'contributor-attributes': {
                      'contributor-sequence': 'additional',
                      'contributor-role': 'author',
                    },
                  },
                ],
              },
            },
          },
        ],
      ],
    },
    crossref: {
      '10.5555/jefs.2019.14': {
        DOI: '10.5555/jefs.2019.14',
        type: 'journal-article',
        title: ['Mapping burn severity from repeat plot photography'],
        author: [
          { given: 'Mira', family: 'Okafor', sequence: 'first', affiliation: [] },
          { given: 'Jonas', family: 'Lindqvist', sequence: 'additional', affiliation: [] },
        ],
        'container-title': ['Journal of Example Fire Science'],
        volume: '14',
        issue: '2',
        page: '101-117',
        publisher: 'Example Press',
        published: { 'date-parts': [[2019, 3]] },
        abstract: '<jats:p>Burn severity is usually scored in the field.</jats:p>',
      },
      '10.5555/ecem.2021.7': {
        DOI: '10.5555/ecem.2021.7',
        type: 'proceedings-article',
        title: ['Seedlings & smoke: a preprint'],
        author: [{ given: 'Mira', family: 'Okafor', sequence: 'first', affiliation: [] }],
        'container-title': ['Proceedings of the Example Conference on Ecological Modelling'],
        page: '212-221',
        publisher: 'Example Press',
        issued: { 'date-parts': [[2024, 9, 2]] },
      },
    },
    doiBibtex: {
      '10.5555/old.2018':
        '@article{Okafor_2018, title={A paper I typed myself}, journal={Old Journal}, author={Okafor, Mira}, year={2018}}',
      '10.5281/zenodo.1234':
        ' @misc{Okafor_2022, title={Burn Scar Recovery Atlas (data)}, url={https://zenodo.org/records/1234}, DOI={10.5281/zenodo.1234}, publisher={Zenodo}, author={Okafor, Mira}, year={2022}, month=may }',
    },
    arxiv: {
      '2405.14132': [
        '    <id>http://arxiv.org/abs/2405.14132v2</id>',
        '    <updated>2024-06-01T10:00:00Z</updated>',
        '    <published>2024-05-23T17:59:59Z</published>',
        '    <title>Seedlings &amp; smoke: a\n      preprint</title>',
        '    <summary>  We follow seedlings after fire.\n</summary>',
        '    <author><name>Mira Okafor</name></author>',
        '    <author><name>Priya Raman</name></author>',
        '    <link href="http://arxiv.org/abs/2405.14132v2" rel="alternate" type="text/html"/>',
        '    <link title="pdf" href="http://arxiv.org/pdf/2405.14132v2" rel="related" type="application/pdf"/>',
        '    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="q-bio.PE" scheme="http://arxiv.org/schemas/atom"/>',
        '    <category term="q-bio.PE" scheme="http://arxiv.org/schemas/atom"/>',
      ].join('\n'),
    },
    dblp: {
      '12/3456': [
        '<r><article key="journals/jefs/OkaforL19" mdate="2020-01-01"><author pid="12/3456">Mira Okafor 0001</author><author pid="99/1">Jonas Lindqvist</author><title>Mapping burn severity from repeat plot photography.</title><pages>101-117</pages><year>2019</year><volume>14</volume><journal>J. Ex. Fire Sci.</journal><number>2</number><ee>https://doi.org/10.5555/JEFS.2019.14</ee><url>db/journals/jefs/jefs14.html#OkaforL19</url></article></r>',
        '<r><inproceedings key="conf/ecem/Okafor23" mdate="2023-10-01"><author pid="12/3456">Mira Okafor 0001</author><author pid="77/2">Tomi Bello</author><title>Fire return intervals in simulation: a benchmark.</title><pages>1-10</pages><year>2023</year><booktitle>ECEM</booktitle><ee type="oa">https://doi.org/10.5555/ecem.2023.1</ee><crossref>conf/ecem/2023</crossref><url>db/conf/ecem/ecem2023.html#Okafor23</url></inproceedings></r>',
      ].join('\n'),
    },
    citations: {},
  };
}

const SITE = {
  '_config.yml':
    'theme: scholarsite\ntitle: T\nauthor: { name: Mira Okafor }\nscholar: { mailto: mira@example.org }\n',
  '_bibliography/papers.bib':
    '% My papers. Keep this comment.\n\n@article{mine2018,\n  title = {A paper I typed myself},\n  author = {Okafor, Mira},\n  journal = {Old Journal},\n  year = {2018},\n  doi = {10.5555/old.2018}\n}\n',
};

test('import orcid writes one entry per paper, keeps the file, and a re-run changes nothing', async () => {
  const standIn = await startStandIn(upstream());
  try {
    const site = tempSite(SITE);
    const bib = path.join(site, '_bibliography/papers.bib');
    const run = (...args: string[]) => runCliAsync(['import', ...args, '-s', site], { env: standIn.env });

    const first = await run('orcid', `https://orcid.org/${ORCID}`);
    assert.equal(first.code, 0, first.stderr);
    assert.match(
      first.stdout,
      /added okafor2019mapping: Mapping burn severity from repeat plot photography \(Crossref\)/,
    );
    assert.match(first.stdout, /added okafor2024seedlings: Seedlings & smoke: a preprint \(arXiv\)/);
    assert.match(first.stdout, /added okafor2020field: Field notes on post-fire regeneration \(ORCID\)/);
    assert.match(first.stdout, /_bibliography\/papers\.bib: 3 added, 0 updated, 0 unchanged, 0 skipped/);
    const text = readFileSync(bib, 'utf8');
    assert.ok(
      text.startsWith(SITE['_bibliography/papers.bib']),
      "the user's entry and comment are kept as written",
    );
    assert.match(
      text,
      /@article\{okafor2019mapping,\n {2}title {5}= \{Mapping burn severity from repeat plot photography\},\n {2}author {4}= \{Okafor, Mira and Lindqvist, Jonas\},\n {2}journal {3}= \{Journal of Example Fire Science\},\n {2}year {6}= \{2019\},\n {2}month {5}= mar,\n {2}volume {4}= \{14\},\n {2}number {4}= \{2\},\n {2}pages {5}= \{101--117\},\n {2}publisher = \{Example Press\},\n {2}doi {7}= \{10\.5555\/jefs\.2019\.14\},\n {2}abstract {2}= \{Burn severity is usually scored in the field\.\}\n\}/,
    );
    assert.match(
      text,
      /@misc\{okafor2024seedlings,[\s\S]*title {9}= \{Seedlings \\& smoke: a preprint\}[\s\S]*eprint {8}= \{2405\.14132\},\n {2}archivePrefix = \{arXiv\},\n {2}primaryClass {2}= \{q-bio\.PE\}/,
    );
    assert.match(
      text,
      /@techreport\{okafor2020field,[\s\S]*author += {1,2}\{Mira Okafor and Jonas Lindqvist\},\n +institution = \{Example Institute Reports\}/,
    );
    // Crossref and OpenAlex ask for a contact address.
    const crossref = standIn.requests.find((r) => r.url.startsWith('/crossref/'));
    assert.match(
      String(crossref?.headers['user-agent']),
      /^scholarsite\/[\d.]+ \(publication import\) \(mailto:mira@example\.org\)$/,
    );
    assert.match(String(crossref?.url), /\?mailto=mira%40example\.org$/);

    const again = await run('orcid', ORCID);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /0 added, 0 updated, 3 unchanged, 0 skipped/);
    assert.equal(readFileSync(bib, 'utf8'), text);

    // The build reads what was written.
    const build = await runCliAsync(['build', '-s', site]);
    assert.equal(build.code, 0, build.stderr);
    assert.doesNotMatch(build.stderr, /Warning/, 'the file reads back without a problem');
    const page = readFileSync(path.join(site, '_site/publications/okafor2024seedlings/index.html'), 'utf8');
    assert.match(page, /<meta name="citation_title" content="Seedlings &amp; smoke: a preprint">/);
  } finally {
    await standIn.close();
  }
});

test("upstream changes come in, the user's edits stay, and sources merge by DOI, arXiv id and title", async () => {
  const standIn = await startStandIn(upstream());
  try {
    const site = tempSite(SITE);
    const bib = path.join(site, '_bibliography/papers.bib');
    const run = (...args: string[]) => runCliAsync(['import', ...args, '-s', site], { env: standIn.env });
    assert.equal((await run('arxiv', 'arXiv:2405.14132v2')).code, 0);
    assert.equal((await run('doi', '10.5555/JEFS.2019.14')).code, 0);

    // The user corrects a title by hand; upstream, the journal fixes its pages.
    writeFileSync(
      bib,
      readFileSync(bib, 'utf8').replace(
        '{Mapping burn severity from repeat plot photography}',
        '{Mapping Burn Severity from Repeat Plot Photography}',
      ),
    );
    (standIn.data.crossref['10.5555/jefs.2019.14'] as { page: string }).page = '101-118';
    (standIn.data.crossref['10.5555/jefs.2019.14'] as { title: string[] }).title = [
      'Mapping burn severity from repeated plot photography',
    ];
    const list = path.join(site, 'dois.txt');
    writeFileSync(
      list,
      '# my DOIs\n10.5555/JEFS.2019.14\nhttps://doi.org/10.5281/zenodo.1234\n10.5555/old.2018\n',
    );
    const update = await run('doi', list);
    assert.equal(update.code, 0, update.stderr);
    assert.match(update.stdout, /updated okafor2019mapping: pages; kept your edits to title/);
    assert.match(update.stdout, /added okafor2022burn: Burn Scar Recovery Atlas \(data\) \(doi\.org\)/);
    assert.match(update.stdout, /skipped mine2018: already in _bibliography\/papers\.bib, written by you/);
    let text = readFileSync(bib, 'utf8');
    assert.match(text, /title {5}= \{Mapping Burn Severity from Repeat Plot Photography\}/);
    assert.match(text, /pages {5}= \{101--118\}/);
    assert.match(
      text,
      /@misc\{okafor2022burn,[\s\S]*month {5}= may,[\s\S]*doi {7}= \{10\.5281\/zenodo\.1234\}/,
    );

    // The preprint is published: its article's record replaces the preprint's fields, in the same entry.
    standIn.data.arxiv['2405.14132'] = standIn.data.arxiv['2405.14132'].replace(
      '<link href',
      '<arxiv:doi xmlns:arxiv="http://arxiv.org/schemas/atom">10.5555/ecem.2021.7</arxiv:doi>\n    <link href',
    );
    const published = await run('arxiv', '2405.14132');
    assert.equal(published.code, 0, published.stderr);
    assert.match(
      published.stdout,
      /updated okafor2024seedlings: type, author, booktitle, month, pages, publisher, doi/,
    );
    text = readFileSync(bib, 'utf8');
    assert.match(text, /@inproceedings\{okafor2024seedlings,/);
    assert.match(text, /eprint {8}= \{2405\.14132\}/);
    assert.equal(text.match(/2405\.14132/g)?.length, 1, 'one entry for the paper');

    // DBLP knows the article (by DOI) and a new paper; names lose DBLP's 0001.
    const dblp = await run('dblp', 'https://dblp.org/pid/12/3456.html');
    assert.equal(dblp.code, 0, dblp.stderr);
    assert.match(
      dblp.stdout,
      /added okafor2023fire: Fire return intervals in simulation: a benchmark \(DBLP\)/,
    );
    assert.match(readFileSync(bib, 'utf8'), /author {4}= \{Mira Okafor and Tomi Bello\}/);
    const rerun = await run('dblp', '12/3456');
    assert.match(rerun.stdout, /0 added, 0 updated, 2 unchanged/);
  } finally {
    await standIn.close();
  }
});

test('busy services are retried as Retry-After says; offline is one clear error and nothing is written', async () => {
  const standIn = await startStandIn(upstream());
  try {
    const site = tempSite(SITE);
    const before = readFileSync(path.join(site, '_bibliography/papers.bib'), 'utf8');
    standIn.failNext('/crossref/', 429, 2, '0');
    const busy = await runCliAsync(['import', 'doi', '10.5555/jefs.2019.14', '-s', site], {
      env: standIn.env,
    });
    assert.equal(busy.code, 0, busy.stderr);
    assert.match(busy.stdout, /1 added/);
    assert.equal(standIn.requests.filter((r) => r.url.startsWith('/crossref/')).length, 3);

    // A service that does not answer: given up after the timeout and one more try.
    standIn.failNext('/dblp/', 0, 2);
    const silent = await runCliAsync(['import', 'dblp', '12/3456', '-s', site], {
      env: { ...standIn.env, SCHOLARSITE_TIMEOUT: '1' },
    });
    assert.equal(silent.code, 1);
    assert.match(silent.stderr, /DBLP could not be read: it did not answer within 1 s/);
    assert.equal(standIn.requests.filter((r) => r.url.startsWith('/dblp/')).length, 2);

    const site2 = tempSite(SITE);
    const closed = await closedPort();
    const offline = await runCliAsync(['import', 'orcid', ORCID, '-s', site2], {
      env: { ...standIn.env, SCHOLARSITE_ORCID_API: `http://127.0.0.1:${closed}/v3.0` },
    });
    assert.equal(offline.code, 1);
    assert.match(
      offline.stderr,
      new RegExp(`^Error: 127\\.0\\.0\\.1:${closed}: could not reach ORCID \\(ECONNREFUSED`),
    );
    assert.match(
      offline.stderr,
      /Hint: This command needs the internet: connect and run it again\. Nothing was changed\./,
    );
    assert.equal(readFileSync(path.join(site2, '_bibliography/papers.bib'), 'utf8'), before);

    const wrong = await runCliAsync(['import', 'orcid', '1234', '-s', site2], { env: standIn.env });
    assert.equal(wrong.code, 1);
    assert.match(
      wrong.stderr,
      /'1234' is not an ORCID iD\n {2}Hint: An ORCID iD looks like 0000-0002-1825-0097\./,
    );
  } finally {
    await standIn.close();
  }
});

test('a site without BibTeX gets _publications/ files, and a re-run leaves them as they are', async () => {
  const standIn = await startStandIn(upstream());
  try {
    const site = tempSite({ '_config.yml': 'title: T\ncollections: { publications: { output: true } }\n' });
    const first = await runCliAsync(['import', 'doi', '10.5555/jefs.2019.14', '-s', site], {
      env: standIn.env,
    });
    assert.equal(first.code, 0, first.stderr);
    const file = path.join(
      site,
      '_publications/2019-03-01-mapping-burn-severity-from-repeat-plot-photography.md',
    );
    assert.ok(existsSync(file), first.stdout);
    assert.match(readFileSync(file, 'utf8'), /doi: "10\.5555\/jefs\.2019\.14"/);
    const again = await runCliAsync(['import', 'doi', '10.5555/jefs.2019.14', '-s', site], {
      env: standIn.env,
    });
    assert.match(again.stdout, /_publications\/: 0 added, 0 updated, 1 unchanged/);

    // The same paper from DBLP (its title ends in a full stop there) updates that file, not a new one;
    // a file the user wrote for a paper is left alone.
    writeFileSync(
      path.join(site, '_publications/2023-my-own.md'),
      '---\ntitle: "Fire return intervals in simulation: a benchmark"\ndate: 2023-01-01\n---\nMine.\n',
    );
    const dblp = await runCliAsync(['import', 'dblp', '12/3456', '-s', site], { env: standIn.env });
    assert.equal(dblp.code, 0, dblp.stderr);
    assert.match(
      dblp.stdout,
      /updated _publications\/2019-03-01-mapping-burn-severity-from-repeat-plot-photography\.md\n/,
    );
    assert.match(
      dblp.stdout,
      /skipped _publications\/2023-my-own\.md: written or edited by you \(--force replaces it\)/,
    );
    assert.match(dblp.stdout, /_publications\/: 0 added, 1 updated, 0 unchanged, 1 skipped/);
    assert.match(readFileSync(file, 'utf8'), /venue: "J\. Ex\. Fire Sci\."/);
  } finally {
    await standIn.close();
  }
});

test('a site that keeps its BibTeX in a .bibtex file gets the import there, and the build shows each paper once', async () => {
  const standIn = await startStandIn(upstream());
  try {
    const site = tempSite({
      '_config.yml': SITE['_config.yml'],
      '_bibliography/mine.bibtex': SITE['_bibliography/papers.bib'],
      'publications.md': '---\npermalink: /publications/\n---\n{% bibliography %}\n',
    });
    const run = (...args: string[]) => runCliAsync(['import', ...args, '-s', site], { env: standIn.env });
    const imported = await run('doi', '10.5555/old.2018', '10.5555/JEFS.2019.14');
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /skipped mine2018: already in _bibliography\/mine\.bibtex, written by you/);
    assert.match(imported.stdout, /_bibliography\/mine\.bibtex: 1 added, 0 updated, 0 unchanged, 1 skipped/);
    assert.ok(!existsSync(path.join(site, '_bibliography/papers.bib')), 'no second file beside it');

    const build = await runCliAsync(['build', '-s', site]);
    assert.equal(build.code, 0, build.stderr);
    const list = readFileSync(path.join(site, '_site/publications/index.html'), 'utf8');
    const titles = [...list.matchAll(/class="bib-entry__title"><a href="([^"]+)">/g)].map((m) => m[1]);
    assert.deepEqual(titles, ['/publications/okafor2019mapping/', '/publications/mine2018/']);
  } finally {
    await standIn.close();
  }
});

test('an import into a .bib file the build would not read says so; with bibliography: true its papers show', async () => {
  const standIn = await startStandIn(upstream());
  try {
    const site = tempSite({
      '_config.yml': 'title: T\n',
      '_bibliography/papers.bib': SITE['_bibliography/papers.bib'],
      'index.html': '---\n---\nhome\n',
    });
    const run = (...args: string[]) => runCliAsync(['import', ...args, '-s', site], { env: standIn.env });
    const imported = await run('doi', '10.5555/JEFS.2019.14');
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(
      imported.stdout,
      /\nNote: the papers in _bibliography\/papers\.bib show on the site once a page lists them with \{% bibliography %\}, or with `bibliography: true` in _config\.yml\.\n/,
    );
    const page = path.join(site, '_site/publications/okafor2019mapping/index.html');
    assert.equal((await runCliAsync(['build', '-s', site])).code, 0);
    assert.ok(!existsSync(page), 'nothing asks for the .bib file yet');
    writeFileSync(path.join(site, '_config.yml'), 'title: T\nbibliography: true\n');
    const built = await runCliAsync(['build', '-s', site]);
    assert.equal(built.code, 0, built.stderr);
    assert.ok(existsSync(page), 'the imported paper has its page');

    const elsewhere = await run('doi', '10.5555/JEFS.2019.14', '--bib', 'notes/mine.bib');
    assert.equal(elsewhere.code, 0, elsewhere.stderr);
    assert.match(
      elsewhere.stdout,
      /\nNote: builds read the \.bib files in _bibliography\/ only: notes\/mine\.bib is not shown on the site\.\n/,
    );
  } finally {
    await standIn.close();
  }
});
