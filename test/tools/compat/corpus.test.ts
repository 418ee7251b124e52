/**
 * The corpus harness's own logic: reading the list, finding and exporting a mirrored commit,
 * naming the kind of a page's first difference, and the table's TOTAL line that the done-bar
 * is read from. No network and no Jekyll: small fixtures made here.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { classifyDifference, differenceExcerpt } from '../../../tools/compat/classify.ts';
import { readCorpusList } from '../../../tools/compat/corpus-list.ts';
import { exportCommit, hasCommit, mirrorGitDir } from '../../../tools/compat/mirror.ts';
import { normaliseHtml } from '../../../tools/compat/normalise.ts';
import {
  differencesByKind,
  errorLines,
  failuresByError,
  type SiteReport,
} from '../../../tools/compat/report.ts';
import { failedRow, formatTable, meetsBar, rowFromResults, totals } from '../../../tools/compat/table.ts';
import { tempDir } from '../../support/temp-site.ts';

const COMMIT = 'a'.repeat(40);

test('the corpus list: rows, comments and blank lines; bad lines name their line', () => {
  const text = `# repo\tcommit\tnote\n\nowner/site.github.io\t${COMMIT}\tzh, big\n  \nother/x\t${'b'.repeat(40)}\n`;
  assert.deepEqual(readCorpusList(text), [
    { repo: 'owner/site.github.io', commit: COMMIT, note: 'zh, big' },
    { repo: 'other/x', commit: 'b'.repeat(40), note: '' },
  ]);
  assert.throws(
    () => readCorpusList(`owner/x\tabc123\n`, 'list.tsv'),
    /list\.tsv:1: "abc123" is not a full commit/,
  );
  assert.throws(
    () => readCorpusList(`# c\nnot a repo\t${COMMIT}\n`, 'list.tsv'),
    /list\.tsv:2: "not a repo"/,
  );
  assert.throws(
    () => readCorpusList(`a/b\t${COMMIT}\na/b\t${COMMIT}\n`, 'list.tsv'),
    /list\.tsv:2: a\/b is already listed on line 1/,
  );
});

test('the committed corpus list reads, and holds at least 100 sites', () => {
  const file = path.resolve(import.meta.dirname, '../../../tools/compat/corpus.tsv');
  const sites = readCorpusList(readFileSync(file, 'utf8'), file);
  assert.ok(sites.length >= 100, `${sites.length} sites`);
  assert.ok(!sites.some((site) => site.repo === 'academicpages/academicpages.github.io'));
});

test('a mirrored commit is found (bare or with a work tree) and exported', () => {
  const root = tempDir('scholarsite-mirror-');
  const clone = path.join(root, 'owner+site', 'repo');
  mkdirSync(path.join(clone, '_pages'), { recursive: true });
  writeFileSync(path.join(clone, '_config.yml'), 'title: Site\n');
  writeFileSync(path.join(clone, '_pages', 'about.md'), '# About\n');
  const git = (...args: string[]) =>
    spawnSync('git', ['-C', clone, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
      encoding: 'utf8',
    });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'site');
  const commit = git('rev-parse', 'HEAD').stdout.trim();

  const gitDir = mirrorGitDir('owner/site', root);
  assert.equal(gitDir, path.join(clone, '.git'));
  assert.equal(mirrorGitDir('owner/absent', root), undefined);
  assert.ok(hasCommit(gitDir!, commit));
  assert.ok(!hasCommit(gitDir!, COMMIT));

  const into = path.join(root, 'export');
  assert.deepEqual(exportCommit(gitDir!, commit, into), []);
  assert.equal(readFileSync(path.join(into, '_pages', 'about.md'), 'utf8'), '# About\n');
});

const page = (content: string, head = '<title>T</title>') =>
  normaliseHtml(
    `<html><head>${head}</head><body><div class="masthead"><a href="/">Home</a></div>` +
      `<article><section class="page__content" itemprop="text">${content}</section></article></body></html>`,
  );
const kindOf = (jekyll: string, ours: string, head?: string) => {
  const { area, kind } = classifyDifference(page(jekyll, head), page(ours, head));
  return `${area}: ${kind}`;
};

test('differences are named by where they are and what differs', () => {
  assert.equal(kindOf('<p>one</p><p>two</p>', '<p>one</p>two'), 'content: <p> wrapping');
  assert.equal(
    kindOf('<p>a <em>b</em> c</p>', '<p>a *b* c</p>'),
    'content: emphasis (Markdown left as text in ours)',
  );
  assert.equal(
    kindOf('<p><a href="/a b.pdf">Paper</a></p>', '<p>[Paper](/a b.pdf)</p>'),
    'content: links (Markdown left as text in ours)',
  );
  assert.equal(kindOf('<p><strong>x</strong> y</p>', '<p><em>x</em> y</p>'), 'content: emphasis');
  assert.equal(kindOf('<p><a href="/x/">x</a></p>', '<p><a href="/y/">x</a></p>'), 'content: links: href');
  assert.equal(
    kindOf('<p>Published 3 May 2019</p>', '<p>Published 2 May 2019</p>'),
    'content: dates and numbers',
  );
  assert.equal(
    kindOf('<p>it\u2019s \u201cso\u201d</p>', '<p>it\'s "so"</p>'),
    'content: smart quotes and dashes',
  );
  assert.equal(kindOf('<ul><li>a</li></ul>', '<ol><li>a</li></ol>'), 'content: lists');
  assert.equal(kindOf('<h2 id="a-b">A b</h2>', '<h2 id="a-b-1">A b</h2>'), 'content: headings: id');
  assert.equal(kindOf('<p>x</p>', '<p>Liquid error: undefined filter</p>'), 'content: Liquid error in ours');
  assert.equal(
    classifyDifference(
      page('<p>x</p>', '<meta name="a" content="1">'),
      page('<p>x</p>', '<meta name="a" content="2">'),
    ).area,
    'head',
  );
  assert.equal(
    classifyDifference(
      page('<p>x</p>', '<meta property="og:description" content="one">'),
      page('<p>x</p>', '<meta property="og:description" content="two">'),
    ).area,
    'head',
  );
  assert.equal(
    kindOf('<p><a href="/t/"></a></p><p>x</p>', '<p><a href="/t/">2014 Teaching 1</a></p><p>x</p>'),
    'content: text only in ours (in <a>)',
  );
  assert.equal(
    classifyDifference(
      page('', '<meta property="og:description" content="one">'),
      page('', '<meta property="og:description" content="two">'),
    ).kind,
    '<meta> og:description',
  );
  const layout = classifyDifference(
    normaliseHtml('<body><div class="masthead"><a href="/a/">A</a></div></body>'),
    normaliseHtml('<body><div class="masthead"><a href="/b/">A</a></div></body>'),
  );
  assert.deepEqual([layout.area, layout.kind], ['layout', 'links: href']);
});

test('the excerpt shows the shared context, then each side from the first difference', () => {
  const excerpt = differenceExcerpt(page('<p>one</p><p>two</p>'), page('<p>one</p>two'));
  assert.match(excerpt, /"one"\njekyll:\n- +<p>\n- +"two"\n/);
  assert.match(excerpt, /scholarsite:\n\+ +"two"$/);
});

const site = (repo: string, kinds: string[]): SiteReport => ({
  repo,
  commit: COMMIT,
  note: '',
  adjustments: [],
  row: failedRow(repo, 'ok', 'ok'),
  results: kinds.map((kind, i) => ({
    file: `p${i}.html`,
    verdict: 'different',
    difference: { area: 'content', kind, line: 1 },
    excerpt: `excerpt ${repo} ${i}`,
  })),
  seconds: {},
});

test('differences by kind: counted by page and by site, examples from different sites', () => {
  const kinds = differencesByKind([site('a/one', ['links', 'links', 'emphasis']), site('b/two', ['links'])]);
  assert.deepEqual(
    kinds.map((k) => [k.kind, k.pages, k.sites.size]),
    [
      ['content: links', 3, 2],
      ['content: emphasis', 1, 1],
    ],
  );
  assert.deepEqual(
    kinds[0]!.examples.map((e) => e.site),
    ['a/one', 'b/two'],
  );
});

test('the table: HTML pages counted from Jekyll, a site we fail counts all its pages as not equal', () => {
  const built = rowFromResults('a/one', [
    { file: 'index.html', verdict: 'equal' },
    { file: 'about/index.html', verdict: 'different' },
    { file: 'gone.html', verdict: 'missing' },
    { file: 'ours-only.html', verdict: 'extra' },
    { file: 'feed.xml', verdict: 'equal' },
    { file: 'style.css', verdict: 'different' },
  ]);
  assert.deepEqual(
    [built.html, built.equal, built.differ, built.missing, built.extra, built.otherEqual, built.otherTotal],
    [3, 1, 1, 1, 1, 1, 2],
  );
  const rows = [built, failedRow('b/two', 'ok', 'FAIL', 5), failedRow('c/three', 'FAIL', 'ok')];
  const t = totals(rows);
  assert.deepEqual([t.sitesBuiltByBoth, t.sitesBuiltByJekyll, t.htmlEqual, t.htmlTotal], [1, 2, 1, 8]);
  assert.equal(t.percent, 12.5);
  assert.equal(meetsBar(t), false);
  const text = formatTable(rows);
  assert.match(text, /TOTAL sites built by both \/ by Jekyll: 1\/2; HTML pages equal: 1\/8 \(12\.50%\)/);
  assert.match(text, /b\/two +ok +FAIL +5 +- +- +-/);
});

test('the bar: every site Jekyll builds is built, and 99.5% of its HTML pages are equal', () => {
  const row = (equal: number, html: number) => ({ ...failedRow('a/b', 'ok', 'ok'), equal, html });
  assert.equal(meetsBar(totals([row(995, 1000)])), true);
  assert.equal(meetsBar(totals([row(994, 1000)])), false);
  assert.equal(meetsBar(totals([row(10, 10), failedRow('c/d', 'ok', 'FAIL', 0)])), false);
  assert.equal(meetsBar(totals([])), false);
});

test('a failed build is shown from its first error, and failures are grouped by it', () => {
  const output = (file: string) =>
    `  Source: /tmp/scholarsite-corpus-x/a+b/ours/b\nWarning: _config.yml: odd\nError: _includes/${file}:24:49: Liquid: unexpected character "%"\n  > 24 | {{ x %}}\nBuild failed: 1 error`;
  assert.equal(
    errorLines(output('footer.html'), 2),
    'Error: _includes/footer.html:24:49: Liquid: unexpected character "%"\n  > 24 | {{ x %}}',
  );
  assert.equal(
    errorLines(
      'Configuration file: a\n\x1b[31m  Dependency Error: Yikes! no jekyll-scholar\x1b[0m\n  more',
      1,
    ),
    '  Dependency Error: Yikes! no jekyll-scholar',
  );
  const failed = (repo: string, file: string): SiteReport => ({
    ...site(repo, []),
    row: failedRow(repo, 'ok', 'FAIL', 3),
    oursError: output(file),
  });
  const groups = failuresByError([
    failed('a/one', 'footer.html'),
    failed('b/two', 'head.html'),
    failed('c/three', 'footer.html'),
  ]);
  assert.deepEqual(
    groups.map(([error, sites]) => [error, sites.map((s) => s.repo)]),
    [
      ['Error: _includes/footer.html:24:49: Liquid: unexpected character "%"', ['a/one', 'c/three']],
      ['Error: _includes/head.html:24:49: Liquid: unexpected character "%"', ['b/two']],
    ],
  );
});
