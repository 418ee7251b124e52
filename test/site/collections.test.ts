import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../support/cli.ts';
import { tempSite } from '../support/temp-site.ts';

test('a collection name with a space is cleaned, and its settings are then not found (as in Jekyll)', () => {
  const source = tempSite({
    '_config.yml': 'collections:\n  reading list:\n    output: true\n  talks:\n    output: true\n',
    '_readinglist/book.md': '---\ntitle: Book\n---\nA book.\n',
    '_talks/keynote.md': '---\ntitle: Keynote\n---\nA talk.\n',
    'index.html': '---\n---\n{% for c in site.collections %}{{ c.label }}:{{ c.output }} {% endfor %}',
  });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0, result.stderr);
  assert.ok(existsSync(path.join(source, '_site/talks/keynote.html')));
  assert.ok(!existsSync(path.join(source, '_site/readinglist/book.html')));
});
