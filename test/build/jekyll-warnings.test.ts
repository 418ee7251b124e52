/**
 * A build warns of what Jekyll 4.3 warns of, and of nothing else: what Jekyll builds without a
 * word is a note, shown with --verbose. Each case was checked against `jekyll build` on the same
 * files (Liquid messages against Jekyll running GitHub Pages' Liquid 4.0.4).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../support/cli.ts';
import { tempSite } from '../support/temp-site.ts';

test('redirect pages that share a destination are not a conflict; two real pages are', () => {
  const source = tempSite({
    '_config.yml': 'plugins: [jekyll-redirect-from]\n',
    'a.md': '---\npermalink: /same/\n---\nreal\n',
    'b.md': '---\nredirect_from: /same/\n---\nb\n',
    'c.md': '---\nredirect_from: [/old/, /older/]\n---\nc\n',
    'd.md': '---\nredirect_from: /old/\n---\nd\n',
  });
  const quiet = runCli(['build', '-s', source, '--strict']);
  assert.equal(quiet.code, 0, quiet.stderr);
  assert.doesNotMatch(quiet.stderr, /same destination/);
  // Written in Jekyll's order, the last one wins: the redirect page, and d.md's redirect.
  const site = path.join(source, '_site');
  assert.match(readFileSync(path.join(site, 'same/index.html'), 'utf8'), /url=\/b\.html/);
  assert.match(readFileSync(path.join(site, 'old/index.html'), 'utf8'), /url=\/d\.html/);

  const conflict = tempSite({
    'a.md': '---\npermalink: /same/\n---\nfirst\n',
    'b.md': '---\npermalink: /same/\n---\nsecond\n',
  });
  const warned = runCli(['build', '-s', conflict]);
  assert.match(warned.stderr, /Warning: a\.md: 2 files write the same destination same\/index\.html/);
});

test('lax Liquid: warned in a page or layout, with file and line; a note in an include', () => {
  const source = tempSite({
    '_layouts/default.html': '<main>\n{{ content }}\n{% if (page.a or page.b) %}ab{% endif %}\n</main>\n',
    '_includes/footer.html': '<footer>{{ page.title %}}</footer>\n{% if (page.a or page.b) %}ab{% endif %}\n',
    'index.md':
      '---\nlayout: default\ntitle: Home\na: 1\n---\n{% assign x.y = 1 %}{% assign z = %}\n{{ page.title | "x" }}\n{% include footer.html %}\n',
  });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0, result.stderr);
  const warnings = result.stderr.split('\n').filter((line) => line.startsWith('Warning:'));
  // `assign z =` with nothing after: GitHub Pages' Liquid 4.0.4 warns of it (5.4 does not).
  assert.deepEqual(warnings, [
    'Warning: index.md:6: Liquid syntax error: [:end_of_string] is not a valid expression in "{{}}"',
    'Warning: index.md:7: Liquid syntax error: Expected id but found string in "{{ page.title | "x" }}"',
    'Warning: _layouts/default.html:3: Liquid syntax error: Expected dotdot but found id in "(page.a or page.b)"',
  ]);
  const html = readFileSync(path.join(source, '_site/index.html'), 'utf8');
  assert.match(html, /<p>Home<\/p>\n<footer>Home<\/footer>\n<p>ab<\/p>\n\s*ab\n<\/main>/);

  const verbose = runCli(['build', '-s', source, '--verbose', '--disable-disk-cache']);
  assert.match(
    verbose.stdout,
    /Note: _includes\/footer\.html:1: Liquid syntax error: Unexpected character % in "\{\{ page\.title %\}\}"/,
  );
  assert.match(verbose.stdout, /Note: _includes\/footer\.html:2: Liquid syntax error: Expected dotdot/);
});

test('a template Jekyll refuses stops the build at its line, as Jekyll does', () => {
  const source = tempSite({ 'index.md': '---\n---\nfine\n{{ page.title }\n' });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 1);
  assert.match(
    result.stderr,
    /Error: index\.md:4:1: Liquid syntax error: Variable '\{\{ page\.title \}' was not properly terminated/,
  );
});
