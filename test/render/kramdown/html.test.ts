/**
 * HTML in Markdown, against kramdown itself: each test/fixtures/kramdown/html/NAME.md is parsed
 * and must give kramdown's tree and warnings (NAME.json) and Jekyll's HTML (NAME.html), with the
 * site's `kramdown:` settings of NAME.options.json. Goldens: tools/kramdown-diff/goldens.ts.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { resolveOptions } from '../../../src/render/kramdown/converter/options.ts';
import { Element } from '../../../src/render/kramdown/element.ts';
import { createKramdown } from '../../../src/render/kramdown/index.ts';
import {
  HTML_TAG_RE,
  parseHtmlAttributes,
  parseRawHtml,
  type StartTagHandler,
  startTagOf,
} from '../../../src/render/kramdown/parser/html-parser.ts';
import { Parser } from '../../../src/render/kramdown/parser/parser.ts';
import { Scanner } from '../../../src/render/kramdown/scanner.ts';
import { type AstNode, ourAst, toAst } from '../../support/kramdown-ast.ts';

const DIR = path.resolve(import.meta.dirname, '../../fixtures/kramdown/html');

function settingsOf(name: string): Record<string, unknown> {
  const file = path.join(DIR, `${name}.options.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
}

describe('kramdown HTML: trees and warnings as kramdown makes them', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.md'))) {
    const name = file.slice(0, -3);
    test(name, () => {
      const text = readFileSync(path.join(DIR, file), 'utf8');
      const golden = JSON.parse(readFileSync(path.join(DIR, `${name}.json`), 'utf8')) as {
        tree: AstNode;
        warnings: string[];
      };
      const ours = ourAst(text, resolveOptions(settingsOf(name)));
      assert.deepEqual(ours.tree, golden.tree);
      assert.deepEqual(ours.warnings, golden.warnings);
    });
  }
});

describe('kramdown HTML: the HTML Jekyll writes', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.md'))) {
    const name = file.slice(0, -3);
    test(name, () => {
      const text = readFileSync(path.join(DIR, file), 'utf8');
      const html = readFileSync(path.join(DIR, `${name}.html`), 'utf8');
      assert.equal(createKramdown(settingsOf(name))(text), html);
    });
  }
});

/** A parser set to read `html` as the raw content of a `<div>` (as block HTML does), for parseRawHtml alone. */
function rawParserOf(html: string): { parser: Parser; div: Element } {
  const parser = new Parser(resolveOptions({}));
  const div = new Element('html_element', 'div', {}, { category: 'block', location: 1 });
  parser.resetEnv({ src: new Scanner(html), tree: parser.root });
  return { parser, div };
}

const keepRaw: StartTagHandler = (p, el, closed, handleBody) => {
  el.options.is_closed = closed;
  if (!closed && handleBody) parseRawHtml(p, el, keepRaw);
};

describe('kramdown HTML: the raw HTML reader alone', () => {
  test('an end tag that closes nothing is text, and the element is closed at its own end tag', () => {
    const { parser, div } = rawParserOf('a </b> <i>c</i> d</div>rest');
    parseRawHtml(parser, div, keepRaw);
    assert.deepEqual(toAst(div).children, [
      { type: 'text', value: 'a </b> ' },
      {
        type: 'html_element',
        value: 'i',
        options: { category: 'block', is_closed: false },
        children: [{ type: 'text', value: 'c' }],
      },
      { type: 'text', value: ' d' },
    ]);
    assert.equal(parser.src.rest(), 'rest');
    assert.deepEqual(parser.warnings, [
      "Found invalidly used HTML closing tag for 'b' on line 1 - ignoring it",
    ]);
  });

  test('elements left open are closed at the end of the text; only the innermost is warned about', () => {
    const { parser, div } = rawParserOf('<p>one\n<span>two');
    parseRawHtml(parser, div, keepRaw);
    assert.equal(parser.src.eos(), true);
    const p = toAst(div).children?.[0];
    assert.equal(p?.children?.[1]?.value, 'span');
    assert.deepEqual(p?.children?.[1]?.children, [{ type: 'text', value: 'two' }]);
    assert.deepEqual(parser.warnings, ["Found no end tag for 'span' on line 2 - auto-closing it"]);
  });

  test('a `<` that starts no tag is text', () => {
    const { parser, div } = rawParserOf('1 < 2 <3 <!-- x </div>');
    parseRawHtml(parser, div, keepRaw);
    assert.deepEqual(toAst(div).children, [{ type: 'text', value: '1 < 2 <3 <!-- x ' }]);
  });
});

describe('kramdown HTML: attributes', () => {
  function attributesOf(
    tag: string,
    inHtmlTag = true,
  ): { attrs: Record<string, string>; warnings: string[] } {
    const parser = new Parser(resolveOptions({}));
    const match = HTML_TAG_RE.exec(tag);
    assert.ok(match, `${tag} is a tag`);
    return {
      attrs: parseHtmlAttributes(parser, startTagOf(match).attributes, 3, inHtmlTag),
      warnings: parser.warnings,
    };
  }

  test('quoted, unquoted and valueless attributes, names lower-cased in known elements', () => {
    assert.deepEqual(attributesOf(`<div ID=main Title='a "b"' hidden data-x="1">`).attrs, {
      id: 'main',
      title: 'a "b"',
      hidden: '',
      'data-x': '1',
    });
    assert.deepEqual(attributesOf('<Widget DataValue="1">', false).attrs, { DataValue: '1' });
  });

  test('a repeated attribute keeps its first place, takes the last value and is warned about', () => {
    const { attrs, warnings } = attributesOf('<div class="a" id="x" CLASS="b">');
    assert.deepEqual(Object.entries(attrs), [
      ['class', 'b'],
      ['id', 'x'],
    ]);
    assert.deepEqual(warnings, ["Duplicate HTML attribute 'class' on line 3 - overwriting previous one"]);
  });

  test('an attribute named __proto__ is an attribute like any other', () => {
    const { attrs } = attributesOf('<div __proto__="x">');
    assert.deepEqual(Object.keys(attrs), ['__proto__']);
    assert.equal(Object.getPrototypeOf(attrs), Object.prototype);
  });

  test('what is not a tag', () => {
    for (const text of ['<div width=100%>', '<div title="x"y">', '<3', '< div>', '<div @click="x">']) {
      assert.equal(HTML_TAG_RE.exec(text), null, text);
    }
  });
});
