/**
 * kramdown's block rules against kramdown itself: each test/fixtures/kramdown/block/NAME.md (named
 * after the rule it exercises) must give kramdown's tree and warnings (NAME.json) and Jekyll's
 * HTML (NAME.html, but for Rouge's token spans), with the site's `kramdown:` settings of
 * NAME.options.json where there is one. Goldens: node --import tsx tools/kramdown-diff/goldens.ts test/fixtures/kramdown/block
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { resolveOptions } from '../../../src/render/kramdown/converter/options.ts';
import { createKramdown } from '../../../src/render/kramdown/index.ts';
import { type AstNode, ourAst } from '../../support/kramdown-ast.ts';

const DIR = path.resolve(import.meta.dirname, '../../fixtures/kramdown/block');
const cases = readdirSync(DIR)
  .filter((file) => file.endsWith('.md'))
  .map((file) => file.slice(0, -3));

/** The site's `kramdown:` settings for a case (NAME.options.json), Jekyll's defaults otherwise. */
function settingsOf(name: string): Record<string, unknown> {
  const file = path.join(DIR, `${name}.options.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
}

/** Highlighted code without Rouge's token spans, on both sides: languages not ported have none (as converter.test.ts compares). */
function withoutTokenSpans(html: string): string {
  return html.replace(/(<pre class="highlight"><code>)([\s\S]*?)(<\/code>)/g, (_m, open, code, close) => {
    return open + code.replace(/<span class="[\w -]+">|<\/span>/g, '') + close;
  });
}

describe('kramdown block rules: trees and warnings as kramdown makes them', () => {
  for (const name of cases) {
    test(name, () => {
      const text = readFileSync(path.join(DIR, `${name}.md`), 'utf8');
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

describe('kramdown block rules: the HTML Jekyll writes', () => {
  for (const name of cases) {
    test(name, () => {
      const text = readFileSync(path.join(DIR, `${name}.md`), 'utf8');
      const expected = readFileSync(path.join(DIR, `${name}.html`), 'utf8');
      assert.equal(withoutTokenSpans(createKramdown(settingsOf(name))(text)), withoutTokenSpans(expected));
    });
  }
});

describe('kramdown block rules: {::options} in one document', () => {
  test('does not change the next document converted with the same settings', () => {
    const convert = createKramdown({});
    assert.equal(convert('{::options auto_ids="false" /}\n# Title\n'), '<h1>Title</h1>\n');
    assert.equal(convert('# Title\n'), '<h1 id="title">Title</h1>\n');
  });
});
