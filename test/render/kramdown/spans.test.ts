/**
 * kramdown's span rules against kramdown itself: each test/fixtures/kramdown/span/NAME.md (one
 * rule's cases, a paragraph each) must give kramdown's tree and warnings (NAME.json) and Jekyll's
 * HTML (NAME.html), with the site's `kramdown:` settings of NAME.options.json.
 * Goldens: node --import tsx tools/kramdown-diff/goldens.ts test/fixtures/kramdown/span
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { resolveOptions } from '../../../src/render/kramdown/converter/options.ts';
import { createKramdown } from '../../../src/render/kramdown/index.ts';
import { type AstNode, ourAst } from '../../support/kramdown-ast.ts';

const DIR = path.resolve(import.meta.dirname, '../../fixtures/kramdown/span');

function settingsOf(name: string): Record<string, unknown> {
  const file = path.join(DIR, `${name}.options.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
}

describe('kramdown spans: trees, warnings and HTML as kramdown makes them', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.md'))) {
    const name = file.slice(0, -3);
    const text = readFileSync(path.join(DIR, file), 'utf8');
    const settings = settingsOf(name);

    test(`${name}: tree`, () => {
      const golden = JSON.parse(readFileSync(path.join(DIR, `${name}.json`), 'utf8')) as {
        tree: AstNode;
        warnings: string[];
      };
      const ours = ourAst(text, resolveOptions(settings));
      // Paragraph by paragraph first, so that a failure names the case.
      for (const [i, block] of (golden.tree.children ?? []).entries()) {
        assert.deepEqual(ours.tree.children?.[i], block);
      }
      assert.deepEqual(ours.tree, golden.tree);
      assert.deepEqual(ours.warnings, golden.warnings);
    });

    test(`${name}: HTML`, () => {
      const html = readFileSync(path.join(DIR, `${name}.html`), 'utf8');
      assert.equal(createKramdown(settings)(text), html);
    });
  }
});
