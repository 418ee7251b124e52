/**
 * Markdown cases converted by Jekyll's own kramdown (test/fixtures/markdown/*.html, made by
 * `ruby tools/markdown-goldens.rb`) against ours, compared as DOM the way pages are.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { createKramdown } from '../../../src/render/kramdown/index.ts';
import { firstDifference } from '../../../tools/compat/compare.ts';
import { normaliseHtml } from '../../../tools/compat/normalise.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/markdown');
const markdown = createKramdown();

for (const file of readdirSync(FIXTURES).filter((name) => name.endsWith('.md'))) {
  test(`Markdown: ${file} converts as kramdown converts it`, () => {
    const expected = normaliseHtml(readFileSync(path.join(FIXTURES, file.replace(/\.md$/, '.html')), 'utf8'));
    const actual = normaliseHtml(markdown(readFileSync(path.join(FIXTURES, file), 'utf8')));
    assert.ok(
      expected.length === actual.length && expected.every((line, i) => line === actual[i]),
      firstDifference(expected, actual, 4),
    );
  });
}

/**
 * Whitespace the DOM comparison leaves out, where it shows: a theme that strips the tags from an
 * excerpt for a description (academicpages' `markdownify | strip_html | strip_newlines`) keeps
 * the spaces kramdown puts before what a quote holds.
 */
test('a quote indents what it holds by two spaces a level, as kramdown writes it', () => {
  assert.equal(markdown('> Speech to code.\n'), '<blockquote>\n  <p>Speech to code.</p>\n</blockquote>\n');
  assert.equal(
    markdown('> > deep\n'),
    '<blockquote>\n  <blockquote>\n    <p>deep</p>\n  </blockquote>\n</blockquote>\n',
  );
});
