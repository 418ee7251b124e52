/**
 * Jekyll's `smartify` (its SmartyPants parser on kramdown) against Jekyll itself: each
 * test/fixtures/kramdown/smartify/NAME.json holds [text, Jekyll's HTML] pairs, converted with the
 * site's `kramdown:` settings of NAME.options.json. Goldens: tools/kramdown-diff/smartify.rb.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { smartify } from '../../../src/render/kramdown/index.ts';

const DIR = path.resolve(import.meta.dirname, '../../fixtures/kramdown/smartify');

describe('kramdown smartify: the HTML Jekyll writes', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.options.json'))) {
    const name = file.slice(0, -5);
    const optionsFile = path.join(DIR, `${name}.options.json`);
    const config = existsSync(optionsFile)
      ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as Record<string, unknown>)
      : {};
    const cases = JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as Array<[string, string]>;
    for (const [text, html] of cases) {
      test(`${name}: ${JSON.stringify(text)}`, () => {
        assert.equal(smartify(text, config), html);
      });
    }
  }
});
