/**
 * The HTML converter on kramdown's own trees: each test/fixtures/kramdown/converter/NAME.md was
 * parsed by kramdown (NAME.json) and converted by Jekyll (NAME.html), with the `kramdown:`
 * settings of NAME.options.json; we convert the same tree and must write the same bytes, but for
 * Rouge's token spans, which we leave out. Remade with
 * `ruby tools/kramdown-diff/converter-goldens.rb`.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { convertHtml } from '../../../src/render/kramdown/converter/html.ts';
import { resolveOptions } from '../../../src/render/kramdown/converter/options.ts';
import { Element } from '../../../src/render/kramdown/element.ts';
import { fromAst } from '../../support/kramdown-tree.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/kramdown/converter');

/** Highlighted code (blocks and spans) without Rouge's token spans; the code text inside stays. */
function withoutTokenSpans(html: string): string {
  const highlighted =
    /(<pre class="[^"]*"><code>|<code class="[^"]*highlighter-rouge">)([\s\S]*?)(<\/code>)/g;
  return html.replace(highlighted, (_m, open, code, close) => {
    return open + code.replace(/<span class="[\w -]+">|<\/span>/g, '') + close;
  });
}

function settingsOf(name: string): Record<string, unknown> {
  const file = path.join(FIXTURES, `${name}.options.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.md'))) {
  const name = file.slice(0, -3);
  test(`converter: ${name} is written as kramdown writes it`, () => {
    const tree = fromAst(JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')));
    const expected = readFileSync(path.join(FIXTURES, `${name}.html`), 'utf8');
    const { html } = convertHtml(tree, resolveOptions(settingsOf(name)));
    assert.equal(withoutTokenSpans(html), withoutTokenSpans(expected));
  });
}

test('a header id is made unique, and "section" when nothing is left of the text', () => {
  const root = new Element('root', undefined, undefined, { abbrev_defs: {}, abbrev_attr: {} });
  for (const text of ['Intro', 'Intro', '123', '!!!']) {
    const header = new Element('header', undefined, undefined, { level: 2, raw_text: text });
    header.children.push(new Element('text', text));
    root.children.push(header);
  }
  const { html } = convertHtml(root, resolveOptions({}));
  assert.equal(
    html,
    '<h2 id="intro">Intro</h2>\n<h2 id="intro-1">Intro</h2>\n<h2 id="section">123</h2>\n<h2 id="section-1">!!!</h2>\n',
  );
});

test('GitHub Pages converts math with MathJax and code with Rouge, whatever the site sets', () => {
  const options = resolveOptions({ math_engine: 'katex', syntax_highlighter: 'coderay' });
  assert.equal(options.math_engine, 'mathjax');
  assert.equal(options.syntax_highlighter, 'rouge');
});

test('a math engine other than MathJax ({::options} in the text) is named in a warning, the math kept between dollars', () => {
  const root = new Element('root', undefined, undefined, {
    abbrev_defs: {},
    abbrev_attr: {},
    options: { math_engine: 'katex' },
  });
  root.children.push(new Element('math', 'x<y', undefined, { category: 'block' }));
  const { html, warnings } = convertHtml(root, resolveOptions({}));
  assert.equal(html, '<div class="kdmath">$$\nx<y\n$$</div>\n');
  assert.deepEqual(warnings, ['The configured math engine katex is not available.']);
});

test('a smart_quotes setting naming no entity fails, naming the setting', () => {
  const root = new Element('root', undefined, undefined, { abbrev_defs: {}, abbrev_attr: {} });
  const p = new Element('p');
  p.children.push(new Element('smart_quote', 'ldquo'));
  root.children.push(p);
  assert.throws(() => convertHtml(root, resolveOptions({ smart_quotes: 'a,b,c,d' })), /smart_quotes/);
});

test('kramdown: settings are read as kramdown reads them (text for numbers, lists and flags)', () => {
  const options = resolveOptions({
    toc_levels: '1,3,3',
    header_offset: '1',
    auto_ids: 'False ',
    entity_output: ':numeric',
    smart_quotes: '171, 187,apos,quot',
    typographic_symbols: '{hellip: "..."}',
    guess_lang: false,
  });
  assert.deepEqual(options.toc_levels, [1, 3]);
  assert.equal(options.header_offset, 1);
  assert.equal(options.auto_ids, false);
  assert.equal(options.entity_output, 'numeric');
  assert.deepEqual(options.smart_quotes, [171, 187, 'apos', 'quot']);
  assert.deepEqual(options.typographic_symbols, { hellip: '...' });
  assert.equal(options.syntax_highlighter_opts.guess_lang, false);
  assert.equal(options.syntax_highlighter_opts.default_lang, 'plaintext');
});

test('a kramdown: setting kramdown refuses stops the build, naming the setting and _config.yml', () => {
  for (const [config, message] of [
    [{ toc_levels: '1-3' }, /Invalid syntax for option toc_levels/],
    [{ toc_levels: [0, 1] }, /toc_levels have to be integers from 1 to 6/],
    [{ footnote_nr: 'one' }, /Invalid integer value for option 'footnote_nr': 'one'/],
    [{ smart_quotes: 'lsquo,rsquo' }, /Option smart_quotes needs exactly 4 values/],
  ] as const) {
    assert.throws(
      () => resolveOptions(config),
      (error: Error & { file?: string }) => message.test(error.message) && error.file === '_config.yml',
    );
  }
});
