/**
 * `scholarsite import`: academicpages' spreadsheets and a .bib file become `_publications/` and
 * `_talks/` Markdown in academicpages' format; a re-run updates its own files and leaves a file
 * the user edited alone, unless `--force`.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { runCli } from '../support/cli.ts';
import { tempSite } from '../support/temp-site.ts';

const PUBLICATIONS_TSV = [
  'pub_date\ttitle\tvenue\texcerpt\tcitation\turl_slug\tpaper_url\tslides_url\tcategory',
  '2021-05-01\tOn Examples & Counterexamples\tJournal of Examples\tWe study examples.\tExample, A. (2021). "On Examples & Counterexamples." <i>Journal of Examples</i>. 3(1).\ton-examples\thttp://example.org/files/on-examples.pdf\t\tmanuscripts',
  "2023-09-12\tA Conference Paper\tProceedings of the Example Conference\t\tExample, A. and O'Neil, B. (2023). A Conference Paper.\tconference-paper\t\thttp://example.org/slides.pdf\tconferences",
  '',
].join('\n');

const TALKS_TSV = [
  'title\ttype\turl_slug\tvenue\tdate\tlocation\ttalk_url\tdescription',
  'Talk on Examples\tTalk\ttalk-examples\tUniversity of Example\t2022-03-01\tOslo, Norway\thttp://example.org/talk\tA talk about *examples*.',
  'A Tutorial\tTutorial\ttutorial-1\tExample Institute\t2023-04-02\tKyoto, Japan\t\t',
  '',
].join('\n');

function frontMatter(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  return parse(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '') as Record<string, unknown>;
}

test("import tsv writes academicpages' publications and talks, which build", () => {
  const site = tempSite({
    '_config.yml':
      'theme: scholarsite\ntitle: T\ncollections:\n  publications:\n    output: true\n  talks:\n    output: true\ndefaults:\n  - scope: { path: "" }\n    values: { layout: single }\n',
    'publications.tsv': PUBLICATIONS_TSV,
    'talks.tsv': TALKS_TSV,
  });
  const pubs = runCli(['import', 'tsv', path.join(site, 'publications.tsv'), '-s', site]);
  assert.equal(pubs.code, 0, pubs.stderr);
  assert.match(
    pubs.stdout,
    /created _publications\/2021-05-01-on-examples\.md\n.*\nImported 2 entries: 2 new, 0 updated, 0 unchanged, 0 kept/,
  );
  assert.deepEqual(frontMatter(path.join(site, '_publications/2021-05-01-on-examples.md')), {
    title: 'On Examples & Counterexamples',
    collection: 'publications',
    category: 'manuscripts',
    permalink: '/publication/2021-05-01-on-examples',
    excerpt: 'We study examples.',
    date: '2021-05-01',
    venue: 'Journal of Examples',
    paperurl: 'http://example.org/files/on-examples.pdf',
    citation:
      'Example, A. (2021). &quot;On Examples &amp; Counterexamples.&quot; <i>Journal of Examples</i>. 3(1).',
  });
  const second = frontMatter(path.join(site, '_publications/2023-09-12-conference-paper.md'));
  assert.equal(second.category, 'conferences');
  assert.equal(second.slidesurl, 'http://example.org/slides.pdf');
  assert.equal(second.citation, 'Example, A. and O&apos;Neil, B. (2023). A Conference Paper.');

  const talks = runCli(['import', 'tsv', path.join(site, 'talks.tsv'), '-s', site]);
  assert.equal(talks.code, 0, talks.stderr);
  const talk = path.join(site, '_talks/2022-03-01-talk-examples.md');
  assert.deepEqual(frontMatter(talk), {
    title: 'Talk on Examples',
    collection: 'talks',
    type: 'Talk',
    permalink: '/talks/2022-03-01-talk-examples',
    venue: 'University of Example',
    date: '2022-03-01',
    location: 'Oslo, Norway',
  });
  assert.match(
    readFileSync(talk, 'utf8'),
    /\n---\n\n\[More information here\]\(http:\/\/example.org\/talk\)\n\nA talk about \*examples\*\.\n$/,
  );

  const build = runCli(['build', '-s', site]);
  assert.equal(build.code, 0, build.stderr);
  const page = readFileSync(path.join(site, '_site/publication/2021-05-01-on-examples.html'), 'utf8');
  assert.match(page, /<meta name="citation_title" content="On Examples &amp; Counterexamples">/);
  assert.match(
    readFileSync(path.join(site, '_site/talks/2022-03-01-talk-examples.html'), 'utf8'),
    /Oslo, Norway/,
  );
});

test('a re-run updates untouched files, keeps edited ones, and --force replaces them', () => {
  const site = tempSite({ '_config.yml': 'title: T\n', 'publications.tsv': PUBLICATIONS_TSV });
  const tsv = path.join(site, 'publications.tsv');
  assert.equal(runCli(['import', 'tsv', tsv, '-s', site]).code, 0);
  assert.match(
    runCli(['import', 'tsv', tsv, '-s', site]).stdout,
    /Imported 2 entries: 0 new, 0 updated, 2 unchanged, 0 kept/,
  );

  const edited = path.join(site, '_publications/2021-05-01-on-examples.md');
  const untouched = path.join(site, '_publications/2023-09-12-conference-paper.md');
  writeFileSync(
    edited,
    readFileSync(edited, 'utf8').replace(
      'We study examples.\n',
      'We study examples, and I wrote more here.\n',
    ),
  );
  writeFileSync(tsv, PUBLICATIONS_TSV.replaceAll('Journal of Examples', 'Journal of Better Examples'));
  writeFileSync(
    tsv,
    readFileSync(tsv, 'utf8').replace(
      'Proceedings of the Example Conference',
      'Proceedings of the Example Conference 2023',
    ),
  );
  const rerun = runCli(['import', 'tsv', tsv, '-s', site]);
  assert.equal(rerun.code, 0);
  assert.match(
    rerun.stdout,
    /kept _publications\/2021-05-01-on-examples\.md: edited since it was imported \(--force replaces it\)/,
  );
  assert.match(rerun.stdout, /updated _publications\/2023-09-12-conference-paper\.md/);
  assert.match(rerun.stdout, /0 new, 1 updated, 0 unchanged, 1 kept/);
  assert.match(readFileSync(edited, 'utf8'), /I wrote more here/, 'the edit survives');
  assert.equal(frontMatter(untouched).venue, 'Proceedings of the Example Conference 2023');

  const forced = runCli(['import', 'tsv', tsv, '-s', site, '--force']);
  assert.match(forced.stdout, /updated _publications\/2021-05-01-on-examples\.md/);
  assert.doesNotMatch(readFileSync(edited, 'utf8'), /I wrote more here/);
  assert.equal(frontMatter(edited).venue, 'Journal of Better Examples');

  // A file the user wrote, at a name the import would use, is theirs.
  writeFileSync(untouched, '---\ntitle: Mine\n---\nMine.\n');
  assert.match(
    runCli(['import', 'tsv', tsv, '-s', site]).stdout,
    /kept _publications\/2023-09-12-conference-paper\.md/,
  );
  assert.equal(readFileSync(untouched, 'utf8'), '---\ntitle: Mine\n---\nMine.\n');
});

test('import bibtex writes one publication per entry, decoded, with its BibTeX', () => {
  const site = tempSite({
    '_config.yml': 'title: T\n',
    'papers.bib': String.raw`@article{mueller2020,
  author = {M{\"u}ller, J{\"o}rg and Example, Ann},
  title = {{\"U}ber {Examples} and \emph{Counterexamples}},
  journal = {Journal of Examples},
  year = 2020, month = feb, volume = {7}, pages = {1--9},
  doi = {10.1000/ex.7},
  pdf = {mueller2020.pdf},
  abstract = {We look at examples. Then at counterexamples.},
}
@misc{broken,
  title = {No closing brace,
}
`,
  });
  const result = runCli(['import', 'bibtex', path.join(site, 'papers.bib'), '-s', site]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /Warning: .*papers\.bib:10: this BibTeX entry \(broken\) is malformed/);
  const file = path.join(site, '_publications/2020-02-01-uber-examples-and-counterexamples.md');
  const data = frontMatter(file);
  assert.equal(data.title, 'Über Examples and Counterexamples');
  assert.deepEqual(data.authors, ['Jörg Müller', 'Ann Example']);
  assert.equal(data.venue, 'Journal of Examples');
  assert.equal(data.category, 'manuscripts');
  assert.equal(data.paperurl, '/files/mueller2020.pdf');
  assert.equal(data.doi, '10.1000/ex.7');
  assert.equal(data.excerpt, 'We look at examples.');
  assert.match(String(data.bibtex), /^@article\{mueller2020,\n {2}author += \{M\{\\"u\}ller/);
  assert.match(readFileSync(file, 'utf8'), /\n---\nWe look at examples\. Then at counterexamples\.\n$/);
});

test('a spreadsheet that is neither, or a missing file, is a located error', () => {
  const site = tempSite({ '_config.yml': 'title: T\n', 'other.tsv': 'a\tb\n1\t2\n' });
  const other = runCli(['import', 'tsv', path.join(site, 'other.tsv'), '-s', site]);
  assert.equal(other.code, 1);
  assert.match(
    other.stderr,
    /other\.tsv:1: the columns are not academicpages' publications\.tsv or talks\.tsv\n[\s\S]*Hint: publications\.tsv has pub_date/,
  );
  const missing = runCli(['import', 'bibtex', path.join(site, 'nope.bib'), '-s', site]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /nope\.bib: this file could not be read/);
});

test('an import into a collection the site does not declare says so; declared, its pages are built', () => {
  const site = tempSite({
    '_config.yml': 'title: T\n',
    'papers.bib': '@article{doe2020, title = {A Paper}, author = {Doe, Jane}, journal = {J}, year = 2020}\n',
  });
  const result = runCli(['import', 'bibtex', path.join(site, 'papers.bib'), '-s', site]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(
    result.stdout,
    /\nNote: _publications\/ is not a collection in _config\.yml, so the site shows none of its files: add it under collections: \(collections: \{ publications: \{ output: true \} \}\)\.\n$/,
  );
  const page = path.join(site, '_site/publications/2020-01-01-a-paper.html');
  assert.equal(runCli(['build', '-s', site]).code, 0);
  assert.ok(!existsSync(page), 'Jekyll reads no _publications/ it was not told of');
  writeFileSync(
    path.join(site, '_config.yml'),
    'title: T\ncollections: { publications: { output: true } }\n',
  );
  assert.equal(runCli(['build', '-s', site]).code, 0);
  assert.ok(existsSync(page), 'declared, the paper has its page');
  const again = runCli(['import', 'bibtex', path.join(site, 'papers.bib'), '-s', site]);
  assert.doesNotMatch(again.stdout, /Note:/);
});
