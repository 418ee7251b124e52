/**
 * `kramdown: { show_warnings: true }`: Jekyll prints kramdown's warnings for each conversion
 * ("Kramdown warning: …"); ours name the page and the line in its file, each distinct warning once
 * with its count. Checked against `jekyll build` on the same page: kramdown's lines count from the
 * body, which starts at line 5 here (Jekyll drops the blank line after the front matter).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from '../support/cli.ts';
import { tempSite } from '../support/temp-site.ts';

const page = '---\ntitle: x\n---\n\nA [ref] and [ref] and *x [y].\n\nA [ref] again.\n\n<div>\nunclosed\n';

function kramdownWarnings(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('Warning:') && line.includes('Kramdown warning'));
}

const expected = [
  "Warning: index.md:9: Kramdown warning: Found no end tag for 'div' on line 9 - auto-closing it",
  "Warning: index.md:5: Kramdown warning: No link definition for link ID 'ref' found on line 5 (2 times)",
  "Warning: index.md:5: Kramdown warning: No link definition for link ID 'y' found on line 5 (2 times)",
  "Warning: index.md:7: Kramdown warning: No link definition for link ID 'ref' found on line 7",
];

test('show_warnings: each page warning once with its count, at the line in the file, from the cache too', () => {
  const source = tempSite({ '_config.yml': 'kramdown:\n  show_warnings: true\n', 'index.md': page });
  const first = runCli(['build', '-s', source]);
  assert.equal(first.code, 0, first.stderr);
  assert.deepEqual(kramdownWarnings(first.stderr), expected);
  // Jekyll says nothing of a page its cache converted before; a page's warnings stay until it is fixed.
  const again = runCli(['build', '-s', source]);
  assert.deepEqual(kramdownWarnings(again.stderr), expected);
});

test('show_warnings is off by default, and a GitHub Pages build keeps the setting', () => {
  const quiet = tempSite({ 'index.md': page });
  const result = runCli(['build', '-s', quiet]);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(kramdownWarnings(result.stderr), []);

  const pages = tempSite({ '_config.yml': 'kramdown:\n  show_warnings: true\n', 'index.md': page });
  const github = runCli(['build', '-s', pages, '--github-pages']);
  assert.equal(github.code, 0, github.stderr);
  assert.deepEqual(kramdownWarnings(github.stderr), expected);
});

test('show_warnings on a broken page: the first 50 distinct warnings, then how many more', () => {
  // 60 undefined references, each its own warning; then links nested 3,000 deep, whose warnings
  // name texts as long as the page (kramdown prints 3,000 of them, 13 MB): past 1 MB, only counted.
  const references = Array.from({ length: 60 }, (_, i) => `[r${i}]`).join(', ');
  const source = tempSite({
    '_config.yml': 'kramdown:\n  show_warnings: true\n',
    'index.md': `---\ntitle: x\n---\n${references}\n\n${'[a '.repeat(3000)}${'] '.repeat(3000)}\n`,
  });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0, result.stderr);
  const warnings = kramdownWarnings(result.stderr);
  assert.equal(warnings.length, 51);
  assert.equal(
    warnings[0],
    "Warning: index.md:4: Kramdown warning: No link definition for link ID 'r0' found on line 4",
  );
  assert.match(
    warnings[50] as string,
    /^Warning: index\.md: Kramdown warning: \d+ more on this page, not shown \(\d+ distinct\)$/,
  );
  assert.ok(result.stderr.length < 2_000_000, `${result.stderr.length} characters on stderr`);
});
