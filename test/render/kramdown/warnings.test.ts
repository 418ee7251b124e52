/**
 * kramdown's warnings when openers never close: kramdown gives the warnings of the text ahead of
 * each opener once for its parse ahead and once more as plain text, so they repeat. Ours are the
 * same list (test/fixtures/kramdown/span/hostile-openers.json holds kramdown's), and their counts,
 * each distinct warning once, come without writing the repetitions out.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { resolveOptions } from '../../../src/render/kramdown/converter/options.ts';
import { Parser } from '../../../src/render/kramdown/parser/parser.ts';

const options = resolveOptions({});

function parsed(text: string): Parser {
  const parser = new Parser(options);
  parser.parse(text);
  return parser;
}

test('the counts of warnings tally kramdown’s list, in the order each first came', () => {
  const file = path.resolve(import.meta.dirname, '../../fixtures/kramdown/span/hostile-openers');
  const golden = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as { warnings: string[] };
  const tally = new Map<string, number>();
  for (const warning of golden.warnings) tally.set(warning, (tally.get(warning) ?? 0) + 1);
  const counts = parsed(readFileSync(`${file}.md`, 'utf8')).warningCounts();
  assert.deepEqual([...counts], [...tally]);
});

test('a paragraph of 2,000 "*a [x]" gives kramdown’s n(n+3)/2 warnings, counted, not listed', () => {
  // kramdown gives 2, 5, 9, 14, 20 for n = 1…5 (checked with ruby -rkramdown).
  const n = 2000;
  const counts = parsed('*a [x] '.repeat(n)).warningCounts();
  assert.deepEqual([...counts], [["No link definition for link ID 'x' found on line 1", (n * (n + 3)) / 2]]);
});

test('warnings on many lines repeat as kramdown repeats them', () => {
  // kramdown: each line's warning once per opener before it, and once more.
  const counts = parsed('*a [x]\n'.repeat(3)).warningCounts();
  assert.deepEqual(
    [...counts],
    [1, 2, 3].map((line) => [`No link definition for link ID 'x' found on line ${line}`, line + 1]),
  );
});
