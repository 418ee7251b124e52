import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { ProblemInit } from '../../../src/errors.ts';
import { createLiquid } from '../../../src/render/liquid/index.ts';
import { tempDir } from '../../support/temp-site.ts';

function engine(includes: Record<string, string> = {}) {
  const dir = tempDir('scholarsite-liquid-');
  mkdirSync(path.join(dir, '_includes'));
  for (const [name, text] of Object.entries(includes)) writeFileSync(path.join(dir, '_includes', name), text);
  const warnings: ProblemInit[] = [];
  const notes: ProblemInit[] = [];
  const liquid = createLiquid({
    sourceDir: dir,
    includeDirs: [path.join(dir, '_includes')],
    config: { url: 'https://ada.example', baseurl: '/b' },
    markdownify: (text) => `<p>${text}</p>\n`,
    scssify: (text) => text,
    postUrl: () => undefined,
    linkUrl: () => undefined,
    warn: (problem) => (problem.note ? notes : warnings).push(problem),
  });
  return { liquid, warnings, notes };
}

test('blank blocks print no whitespace, as in Ruby Liquid (includes too)', async () => {
  const { liquid } = engine({ base_path: '{% if site.url %}\n  {% assign base = site.url %}\n{% endif %}' });
  const out = await liquid.render(
    'a{% if x %}\n  {% assign y = 1 %}\n{% endif %}b{% if x %}\n  {{ x }}\n{% endif %}c[{% include base_path %}]{{ base }}',
    { x: 1, site: { url: 'u' } },
    'page.html',
  );
  assert.equal(out, 'ab\n  1\nc[]u');
});

test('values print as Ruby prints them: nil, arrays, hashes, floats', async () => {
  const { liquid } = engine();
  const out = await liquid.render(
    '[{{ nothing }}] {{ list }} {{ 2 | plus: 2.0 }} {{ 10 | divided_by: 4 }} {{ 10 | divided_by: 4.0 }} {{ "a\\nb" }}',
    { list: ['a', 'b'] },
    'page.html',
  );
  assert.equal(out, '[] ab 4.0 2 2.5 a\\nb');
});

test('lax markup real themes use renders the lax way, with a located warning', async () => {
  const { liquid, warnings, notes } = engine({ lookup: '{{ page.[include.key] }}' });
  const out = await liquid.render(
    '{% if (page.a or page.b) and page.c %}yes{% endif %} {% include lookup key="c" %} {{ page.a | "text" }}',
    { page: { a: 'A', c: 'C' } },
    'page.html',
    { lineOffset: 3 },
  );
  assert.equal(out, 'yes C A');
  // The page's two; the include's lax lookup is a note (Jekyll warns of pages and layouts only).
  assert.equal(warnings.length, 2);
  assert.equal(warnings[0].line, 4);
  assert.match(warnings[0].message, /Expected dotdot but found id in "\(page\.a or page\.b\) and page\.c"/);
  assert.deepEqual(
    notes.map((note) => [note.file, note.line]),
    [['_includes/lookup', 1]],
  );
});

test('include parameters, shared scope and extension-less include files', async () => {
  const { liquid } = engine({
    'card.html': '[{{ include.title | upcase }}]{% assign seen = true %}',
    base_path: 'B',
  });
  const out = await liquid.render(
    '{% include card.html title=page.t %}{{ seen }}{% include base_path %}',
    { page: { t: 'x' } },
    'p.html',
  );
  assert.equal(out, '[X]trueB');
});

test('join flattens nested arrays first, as Liquid InputIterator does', async () => {
  const { liquid } = engine();
  const out = await liquid.render(
    '{{ posts | map: "tags" | join: "," }}|{{ "a,b,," | split: "," | size }}',
    {
      posts: [{ tags: [] }, { tags: ['x', 'y'] }, { tags: [] }],
    },
    'p.html',
  );
  assert.equal(out, 'x,y|2');
});

test('an include rendered by a page can then be rendered synchronously (an excerpt) too', async () => {
  const { liquid } = engine({ 'note.html': '<aside>note</aside>' });
  assert.equal(await liquid.render('{% include note.html %}', {}, 'post.md'), '<aside>note</aside>');
  assert.equal(liquid.renderSync('{% include note.html %}!', {}, 'post.md'), '<aside>note</aside>!');
  // liquidjs's own `render` tag goes through its file cache, which holds a promise at first.
  assert.equal(await liquid.render('{% render note.html %}', {}, 'post.md'), '<aside>note</aside>');
  assert.equal(liquid.renderSync('{% render note.html %}!', {}, 'post.md'), '<aside>note</aside>!');
});

test('every include lookup is reported (cached or not), for the dev server', async () => {
  const seen: string[] = [];
  const dir = tempDir('scholarsite-liquid-');
  mkdirSync(path.join(dir, '_includes'));
  writeFileSync(path.join(dir, '_includes', 'a.html'), 'A');
  const liquid = createLiquid({
    sourceDir: dir,
    includeDirs: [path.join(dir, '_includes')],
    config: {},
    markdownify: (text) => text,
    scssify: (text) => text,
    postUrl: () => undefined,
    linkUrl: () => undefined,
    warn: () => {},
    uses: (dependency) => seen.push(dependency),
  });
  await liquid.render('{% include a.html %}{% include /a.html %}', {}, 'one.md');
  await assert.rejects(liquid.render('{% include missing.html %}', {}, 'two.md'));
  assert.deepEqual(seen, ['include:a.html', 'include:a.html', 'include:missing.html']);
});

test('include parameters as Jekyll reads them: escaped quotes, variables, the outer include kept', async () => {
  const { liquid } = engine({
    'note.html': '<{{ include.t }}|{{ include.u }}>',
    'outer.html': '[outer {{ include.x }}]{% include inner.html %}',
    'inner.html': '[inner {{ include.x }}]',
  });
  const out = await liquid.render(
    `{% include note.html t='it\\'s' u="say \\"hi\\"" %} {% include note.html t=page.title %} {% include outer.html x="1" %} {% include {{ page.inc }} t=2 %}`,
    { page: { title: 'Hello', inc: 'note.html' } },
    'page.html',
  );
  assert.equal(out, `<it's|say "hi"> <Hello|> [outer 1][inner 1] <2|>`);
  await assert.rejects(
    liquid.render('{% include note.html t=page.title | upcase %}', {}, 'page.html'),
    /Invalid syntax for include tag: "t=page\.title \| upcase"/,
  );
});

test('normalize_whitespace squeezes only what Ruby calls whitespace (a no-break space stays)', async () => {
  const { liquid } = engine();
  assert.equal(
    await liquid.render('[{{ text | normalize_whitespace }}]', { text: '\u00a0a  b\n\tc \n' }, 'p.html'),
    '[\u00a0a b c]',
  );
});

test("smartify is Jekyll's SmartyPants converter, with the site's kramdown: smart_quotes", async () => {
  const { liquid } = engine();
  const text = `"Hi" -- it's <b>x</b>...`;
  assert.equal(await liquid.render('{{ t | smartify }}', { t: text }, 'page.html'), '“Hi” – it’s <b>x</b>…');
  const own = createLiquid({
    sourceDir: os.tmpdir(),
    includeDirs: [],
    config: { kramdown: { smart_quotes: 'lsaquo,rsaquo,laquo,raquo' } },
    markdownify: (t) => t,
    scssify: (t) => t,
    postUrl: () => undefined,
    linkUrl: () => undefined,
    warn: () => undefined,
  });
  // Jekyll's own output for both (Jekyll::Converters::SmartyPants#convert).
  assert.equal(await own.render('{{ t | smartify }}', { t: text }, 'page.html'), '«Hi» – it›s <b>x</b>…');
});

test('a layout that rewrites a long page many times renders: the size limit is per value, not cumulative', async () => {
  const { liquid } = engine();
  // 200 passes of `replace` over a 300,000-character page: 60 million characters of work, as
  // academicpages' compress.html does on a long page; Jekyll renders it.
  const page = '<p>word</p> '.repeat(25_000);
  const out = await liquid.render(
    '{% for i in (1..200) %}{% assign content = content | replace: "<p> ", "<p>" %}{% endfor %}{{ content | size }}',
    { content: page },
    'compress.html',
  );
  assert.equal(out, String(page.length));
  await assert.rejects(
    liquid.render(
      '{% assign s = "xxxxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}',
      {},
      'x.html',
    ),
    /too large to build/,
  );
});

test('divided_by with a float divides the decimals, as Liquid does with BigDecimal', async () => {
  const { liquid } = engine();
  const out = await liquid.render(
    '{{ 0.093 | times: 100.0 | divided_by: 0.12 }} {{ 9.3 | divided_by: 0.12 }} {{ 22 | divided_by: 7.0 }} {{ 0.7 | divided_by: 0.1 }} {{ 1 | divided_by: 3.0 }}',
    {},
    'page.html',
  );
  // Printed by Ruby's Liquid for the same template.
  assert.equal(out, '77.5 77.5 3.142857142857143 7.0 0.3333333333333333');
});

test('floats print as Ruby prints them: 4.26e-05, 1.0e+15, 0.0001', async () => {
  const { liquid } = engine();
  const out = await liquid.render(
    '{{ small }} {{ list }} {{ 0.0001 }} {{ big | times: 1.0 }} {{ 1.5e15 }} {{ 123456789012345.0 }}',
    { small: 4.26e-5, list: [1.5, 4.26e-5], big: 1e15 },
    'page.html',
  );
  // Printed by Ruby's Liquid with the same values (`big` an Integer there; `1.5e15` is no Liquid literal).
  assert.equal(out, '4.26e-05 1.54.26e-05 0.0001 1.0e+15  123456789012345.0');
});
