import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { MarkdownCache } from '../../src/render/markdown-cache.ts';
import { tempDir } from '../support/temp-site.ts';

test("HTML cached by another Markdown converter is not reused, and that converter's file goes", () => {
  const dir = tempDir('scholarsite-md-cache-');
  const converted: string[] = [];
  const convert = (name: string) => (text: string) => {
    converted.push(`${name}:${text}`);
    return `<p>${name}</p>\n`;
  };
  const old = new MarkdownCache(dir, {}, 'old converter');
  assert.equal(old.wrap(convert('old'))('text'), '<p>old</p>\n');
  old.save({ whole: true });
  const same = new MarkdownCache(dir, {}, 'old converter');
  assert.equal(same.wrap(convert('old'))('text'), '<p>old</p>\n');
  const next = new MarkdownCache(dir, {}, 'new converter');
  assert.equal(next.wrap(convert('new'))('text'), '<p>new</p>\n');
  assert.deepEqual(converted, ['old:text', 'new:text']);
  next.save({ whole: true });
  assert.equal(readdirSync(dir).length, 1);
});
