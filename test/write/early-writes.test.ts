/**
 * A whole build hands each page to a worker thread as soon as it is rendered (SiteWriter.early).
 * What lands in `_site` must still be what the build ends with: outputs changed after rendering
 * and destinations won by a later file are written again, and nothing written early is left
 * behind when the build fails.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { BuildFailed, build } from '../../src/build.ts';
import { tempSite } from '../support/temp-site.ts';

const quiet = { print: () => {}, diskCache: false };

/**
 * Sites of 200 files or more are written by the worker while they render; smaller ones at the
 * end. Each case runs on a small site and on one with 200 more static files.
 */
const sizes = {
  small: {},
  large: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`filler/file-${i}.txt`, `${i}\n`])),
};

for (const [size, filler] of Object.entries(sizes)) {
  test(`an output changed after rendering (jemoji) is the one on disk (${size} site)`, async () => {
    const source = tempSite({
      ...filler,
      '_config.yml': 'plugins: [jemoji]\n',
      '_layouts/default.html': '<html><body>{{ content }}</body></html>\n',
      'index.md': '---\nlayout: default\n---\nHello :smile:\n',
    });
    await build({ source, ...quiet });
    const html = readFileSync(path.join(source, '_site/index.html'), 'utf8');
    assert.match(html, /<img class="emoji" title=":smile:"/);
    if (size === 'large')
      assert.equal(readFileSync(path.join(source, '_site/filler/file-199.txt'), 'utf8'), '199\n');
  });

  test(`a destination written by a page and a document ends with the document, as in Jekyll (${size} site)`, async () => {
    // Documents render before pages, but Jekyll writes pages first: the document's file wins.
    const source = tempSite({
      ...filler,
      '_config.yml': 'collections:\n  notes:\n    output: true\n',
      'same.md': '---\npermalink: /same/\n---\nfrom the page\n',
      '_notes/note.md': '---\npermalink: /same/\n---\nfrom the note\n',
      'style.css': 'body {}\n',
    });
    const result = await build({ source, ...quiet });
    assert.equal(result.diagnostics.warnings.length, 1, 'the clash is warned about');
    assert.equal(readFileSync(path.join(source, '_site/same/index.html'), 'utf8'), '<p>from the note</p>\n');
    assert.equal(readFileSync(path.join(source, '_site/style.css'), 'utf8'), 'body {}\n');
  });
}

test('a build that fails after pages were written early leaves the old site and no staging folder', async () => {
  const pages: Record<string, string> = { '_config.yml': 'title: T\n' };
  for (let i = 0; i < 250; i++) pages[`page-${i}.md`] = `---\n---\nPage ${i}\n`;
  const source = tempSite(pages);
  await build({ source, ...quiet });
  // The last page to render fails; the 250 before it were handed to the writer.
  writeFileSync(path.join(source, 'zz-broken.md'), '---\n---\n{% if %}\n');
  await assert.rejects(build({ source, ...quiet }), BuildFailed);
  assert.equal(readFileSync(path.join(source, '_site/page-7.html'), 'utf8'), '<p>Page 7</p>\n');
  assert.ok(!existsSync(path.join(source, '_site/zz-broken.html')));
  assert.deepEqual(
    readdirSync(source).filter((name) => name.startsWith('._site.')),
    [],
    'no staging folder is left',
  );
});
