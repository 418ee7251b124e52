/**
 * Imported records merged into a .bib file the user also edits: the rest of the file kept byte
 * for byte, keys as BibTeX users make them, LaTeX's specials escaped, and the user's changes to
 * an imported entry (an edited or deleted field, a new key) kept at the next import.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bibValue, mergeIntoBib } from '../../src/import/bib-file.ts';
import type { PublicationRecord } from '../../src/import/online/record.ts';

const record = (fields: Record<string, string>, type = 'article'): PublicationRecord => ({
  type,
  fields: { author: 'Okafor, Mira', year: '2019', ...fields },
  from: 'Crossref',
});

const USER_FILE = `@string{jefs = "Journal of Example Fire Science"}
@comment{ written by hand; contact: mira@example.org }
% a note that mentions @misc in passing

@article(okafor2019mine,
  author = "Okafor, Mira",
  title = "Mapping {B}urn Severity",
  journal = jefs,
  year = 2019
)
`;

test('new entries are appended after the file as it was, with keys authorYEARword', () => {
  const { text, report } = mergeIntoBib(
    USER_FILE,
    [
      record({ title: 'The Mapping of seed rain', doi: '10.1/a' }),
      record({ title: 'Mapping seed rain, again', doi: '10.1/b' }),
      record({ title: 'Mapping burn severity' }),
    ],
    'papers.bib',
  );
  assert.ok(text.startsWith(USER_FILE));
  assert.deepEqual(
    report.added.map((entry) => entry.key),
    ['okafor2019mapping', 'okafor2019mappingb'],
  );
  // The third is the user's entry (same title, braces and case aside).
  assert.deepEqual(report.skipped, [{ key: 'okafor2019mine', why: 'already in papers.bib, written by you' }]);
});

test("LaTeX's special characters are escaped, and unbalanced braces dropped", () => {
  assert.equal(bibValue('title', '50% of C# & a_b costs $5'), '{50\\% of C\\# \\& a\\_b costs \\$5}');
  assert.equal(bibValue('title', 'A {DNA} study'), '{A {DNA} study}');
  assert.equal(
    bibValue('title', 'Fast $k$-means for $x_i$ & costs of $5'),
    '{Fast $k$-means for $x_i$ \\& costs of \\$5}',
  );
  assert.equal(bibValue('title', 'A } broken { title'), '{A  broken  title}');
  assert.equal(bibValue('url', 'https://example.org/a_b%20c'), '{https://example.org/a_b%20c}');
  assert.equal(bibValue('month', 'mar'), 'mar');
});

test("the user's edits to an imported entry stay: a field changed or deleted, the key renamed", () => {
  const first = mergeIntoBib(
    '',
    [record({ title: 'Mapping burn severity', doi: '10.1/a', pages: '1--2', volume: '3' })],
    'p.bib',
  );
  assert.match(first.text, /^% Publications, one BibTeX entry each\./);
  const edited = first.text
    .replace('okafor2019mapping,', 'myOwnKey,')
    .replace(/ {2}volume += \{3\},\n/, '')
    .replace('{1--2}', '{1--20}')
    .replace('  doi', '  note  = {Best paper},\n  doi');
  const upstream = record({
    title: 'Mapping burn severity',
    doi: '10.1/a',
    pages: '1--3',
    volume: '4',
    number: '5',
  });
  const second = mergeIntoBib(edited, [upstream], 'p.bib');
  assert.deepEqual(second.report.updated, [
    { key: 'myOwnKey', fields: ['number'], kept: ['volume', 'pages'] },
  ]);
  assert.match(second.text, /@article\{myOwnKey,/);
  assert.match(second.text, /pages += \{1--20\}/);
  assert.doesNotMatch(second.text, /volume +=/);
  assert.match(second.text, /note += \{Best paper\}/);
  assert.match(second.text, /number += \{5\}/);
  // Nothing new upstream: nothing changes.
  const third = mergeIntoBib(second.text, [upstream], 'p.bib');
  assert.equal(third.text, second.text);
  assert.deepEqual(third.report.unchanged, ['myOwnKey']);
});

test("a preprint's record only fills gaps in an entry that has its published version", () => {
  const published = record(
    { title: 'Seedlings and smoke', booktitle: 'Proc. ECEM', doi: '10.1/c', eprint: '2405.14132' },
    'inproceedings',
  );
  const { text } = mergeIntoBib('', [published], 'p.bib');
  const preprint = record(
    { title: 'Seedlings and smoke (preprint)', eprint: '2405.14132', primaryclass: 'q-bio.PE', year: '2024' },
    'misc',
  );
  const again = mergeIntoBib(text, [preprint], 'p.bib');
  assert.deepEqual(again.report.updated, [
    { key: 'okafor2019seedlings', fields: ['primaryclass'], kept: [] },
  ]);
  assert.match(again.text, /@inproceedings\{okafor2019seedlings,\n {2}title += \{Seedlings and smoke\},/);
  assert.match(again.text, /year += \{2019\}/);
});
