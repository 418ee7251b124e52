/**
 * The comparison that every compatibility figure rests on: what it forgives (formatting) and
 * what it must still report (anything a reader would see).
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { compareTrees } from '../../../tools/compat/compare.ts';
import { normaliseCss, normaliseHtml, normaliseXml } from '../../../tools/compat/normalise.ts';
import { tempDir } from '../../support/temp-site.ts';

const sameHtml = (a: string, b: string) => assert.deepEqual(normaliseHtml(a), normaliseHtml(b));
const differentHtml = (a: string, b: string) => assert.notDeepEqual(normaliseHtml(a), normaliseHtml(b));

test('HTML: whitespace, attribute order, entities and Rouge spans are forgiven', () => {
  sameHtml(
    '<p class="a b" id="x">Tom &amp; Jerry</p>\n\n<ul>\n  <li>one</li>\n</ul>',
    '<p id="x" class="a  b">Tom &#38; Jerry</p><ul><li>one</li></ul>',
  );
  sameHtml(
    '<div class="highlight"><pre><code><span class="k">def</span> f</code></pre></div>',
    '<div class="highlight"><pre><code>def f</code></pre></div>',
  );
  sameHtml('<p>text </p>', '<p>text</p>');
  sameHtml('<!-- a  comment -->', '<!--a comment-->');
});

test('HTML: a changed word, attribute, link or code text is reported', () => {
  differentHtml('<p>one word</p>', '<p>one ward</p>');
  differentHtml('<a href="/a/">x</a>', '<a href="/b/">x</a>');
  differentHtml('<img src="x.png" alt="A">', '<img src="x.png">');
  differentHtml(
    '<div class="highlight"><pre><code>a &lt; b</code></pre></div>',
    '<div class="highlight"><pre><code>a &gt; b</code></pre></div>',
  );
  differentHtml('<pre>a  b</pre>', '<pre>a b</pre>');
  differentHtml('<p>a <b>b</b></p>', '<p>a<b>b</b></p>');
});

test('build times are masked near the build, and only there', () => {
  const now = Date.parse('2026-11-25T10:00:00Z');
  const page = (time: string) => normaliseHtml(`<time datetime="${time}">x</time>`, now);
  assert.deepEqual(page('2026-11-25T11:00:00+01:00'), page('2026-11-25T09:30:00+00:00'));
  assert.notDeepEqual(page('2019-01-01T00:00:00+00:00'), page('2019-01-02T00:00:00+00:00'));
  assert.deepEqual(
    normaliseXml('<feed><updated>2026-11-25T10:00:01+00:00</updated></feed>', now),
    normaliseXml('<feed><updated>2026-11-25T10:00:09+00:00</updated></feed>', now),
  );
});

test('CSS: spellings that render the same are forgiven, other values are not', () => {
  assert.deepEqual(
    normaliseCss('a { color: #FFFFFF; margin: 0.5em }\n.b{content:"\\f26e";background:transparent}'),
    normaliseCss('a{color:white;margin:.5em}.b{content:"\uf26e";background:rgba(0,0,0,0)}'),
  );
  // libsass keeps the quotes of an attribute selector's value, Dart Sass drops them.
  assert.deepEqual(
    normaliseCss('.g>[class*="col-"]{padding:8px}[type=\'a\']{x:1}'),
    normaliseCss('.g > [class*=col-]{padding:8px}[type=a]{x:1}'),
  );
  assert.deepEqual(
    normaliseCss('html{a:1}@media (min-width:1px){html{b:2}}html{c:3}'),
    normaliseCss('html{a:1;c:3}@media(min-width:1px){html{b:2}}'),
  );
  assert.deepEqual(
    normaliseCss('h1{color:royalblue !important;border:1px solid DarkSlateGray}'),
    normaliseCss('h1{color:#4169e1 !important;border:1px solid #2f4f4f}'),
  );
  // libsass: 6 decimals, `@import url(…)`, hsl() as hex even in custom properties; Dart Sass not.
  assert.deepEqual(
    normaliseCss('@import url("https://f.example/a.css");.m{background:rgba(68,68,68,.866667);--t:#eae9e6}'),
    normaliseCss(
      '@import"https://f.example/a.css";.m{background:rgba(68,68,68,.8666666667);--t:hsl(40,10%,91%)}',
    ),
  );
  assert.deepEqual(
    normaliseCss('.d:before{content:"\\2014"}'),
    normaliseCss('@charset "UTF-8";\n.d:before{content:"—"}'),
  );
  assert.notDeepEqual(
    normaliseCss('.d:before{content:"-"}'),
    normaliseCss('@charset "UTF-8";\n.d:before{content:"—"}'),
  );
  assert.notDeepEqual(normaliseCss('.m{opacity:.8667}'), normaliseCss('.m{opacity:.8657}'));
  assert.notDeepEqual(normaliseCss('.m{--t:#eae9e6}'), normaliseCss('.m{--t:hsl(40,10%,81%)}'));
  assert.notDeepEqual(normaliseCss('@import "a.css";'), normaliseCss('@import "b.css";'));
  assert.notDeepEqual(normaliseCss('a{color:royalblue}'), normaliseCss('a{color:#4169e2}'));
  assert.notDeepEqual(normaliseCss('a{color:#fff}'), normaliseCss('a{color:#ffe}'));
  assert.notDeepEqual(normaliseCss('a{margin:1px}'), normaliseCss('b{margin:1px}'));
});

test('trees: missing, extra and byte-different static files are reported', () => {
  const root = tempDir('scholarsite-compare-');
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('jekyll/index.html', '<p>x</p>');
  write('jekyll/only-jekyll.txt', 'a');
  write('jekyll/file.bin', 'one');
  write('ours/index.html', '<p>x</p>\n');
  write('ours/only-ours.txt', 'b');
  write('ours/file.bin', 'two');
  const verdicts = Object.fromEntries(
    compareTrees(path.join(root, 'jekyll'), path.join(root, 'ours')).map((r) => [r.file, r.verdict]),
  );
  assert.deepEqual(verdicts, {
    'index.html': 'equal',
    'only-jekyll.txt': 'missing',
    'file.bin': 'different',
    'only-ours.txt': 'extra',
  });
});
