/**
 * `serve`'s incremental rebuilds: after each kind of edit, the destination must equal what a
 * full build of the same source writes, while only the pages the edit can affect are rendered.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { BuildFailed, build } from '../../src/build.ts';
import { IncrementalBuilder } from '../../src/incremental/builder.ts';
import {
  edit,
  readTree,
  SERVE_SITE,
  assertSameAsFullBuild as sameAsFullBuild,
  serveSite,
} from '../support/serve-site.ts';
import { tempDir, tempSite } from '../support/temp-site.ts';

const time = new Date('2025-06-01T12:00:00Z');

describe('incremental rebuild', () => {
  const source = serveSite();
  const destination = path.join(source, '_site');
  const builder = new IncrementalBuilder();

  const rebuild = async (files: Record<string, string | undefined>) => {
    builder.noteChanges(edit(source, files));
    await build({ source, incremental: builder, time, print: () => {} });
  };

  const assertSameAsFullBuild = () => sameAsFullBuild(source, destination, time);

  before(async () => {
    await build({ source, incremental: builder, time, print: () => {} });
  });

  test('the first build renders everything', async () => {
    assert.equal(builder.counts.reused, 0);
    await assertSameAsFullBuild();
  });

  test('editing a post re-renders it, its neighbour and the pages that list posts, not the others', async () => {
    await rebuild({
      '_posts/2024-01-10-first.md': '---\nlayout: post\ntitle: First post, renamed\n---\nEdited body.\n',
    });
    await assertSameAsFullBuild();
    assert.ok(builder.written.includes('2024/01/10/first.html'));
    assert.ok(builder.written.includes('2024/02/20/second.html'), 'its neighbour shows its title');
    assert.ok(builder.written.includes('index.html'), 'the home page lists posts');
    assert.ok(!builder.written.includes('about/index.html'));
    assert.ok(!builder.written.includes('publications/paper/index.html'));
    assert.ok(builder.counts.reused >= 3, `reused ${builder.counts.reused}`);
  });

  test("editing a post's body leaves pages that list only titles alone; what shows the body follows", async () => {
    await rebuild({
      '_posts/2024-02-20-second.md': SERVE_SITE['_posts/2024-02-20-second.md'].replace(
        'The second post.',
        'A new body.',
      ),
    });
    await assertSameAsFullBuild();
    assert.ok(builder.written.includes('2024/02/20/second.html'));
    assert.ok(builder.written.includes('feed.xml'), 'the feed carries the body');
    assert.ok(!builder.written.includes('index.html'), 'the home page lists titles only');
    assert.ok(!builder.written.includes('2024/01/10/first.html'), 'its neighbour shows its title only');
  });

  test('editing an include re-renders only the pages that include it', async () => {
    await rebuild({ '_includes/note.html': '<aside class="note">An edited note.</aside>\n' });
    await assertSameAsFullBuild();
    // The feed carries the post's content.
    assert.deepEqual(builder.written.sort(), ['2024/02/20/second.html', 'feed.xml']);
  });

  test('editing a layout re-renders the pages that use it, through their layout chain', async () => {
    await rebuild({
      '_layouts/default.html': SERVE_SITE['_layouts/default.html'].replace(
        '<main id="main">',
        '<main id="main" class="wide">',
      ),
    });
    await assertSameAsFullBuild();
    assert.ok(builder.written.includes('about/index.html'));
    assert.ok(builder.written.includes('2024/01/10/first.html'), 'posts use default through post');
  });

  test('editing a data file re-renders the pages that read that key only', async () => {
    await rebuild({ '_data/news.yml': '- date: 2024-04-01\n  text: New grant!\n' });
    await assertSameAsFullBuild();
    assert.deepEqual(builder.written, ['index.html']);
  });

  test('adding and deleting a post updates the lists, the feed, the sitemap and removes its page', async () => {
    await rebuild({ '_posts/2024-03-05-third.md': '---\nlayout: post\ntitle: Third post\n---\nThird.\n' });
    await assertSameAsFullBuild();
    assert.ok(builder.written.includes('2024/03/05/third.html'));
    assert.ok(builder.written.includes('feed.xml'));
    await rebuild({ '_posts/2024-03-05-third.md': undefined });
    await assertSameAsFullBuild();
    assert.ok(builder.written.includes('2024/03/05/third.html'), 'its page is deleted');
  });

  test('editing a Sass partial recompiles the stylesheet and nothing else', async () => {
    await rebuild({ '_sass/_base.scss': '$accent: rgb(200, 0, 0);\nbody { color: $accent; }\n' });
    await assertSameAsFullBuild();
    assert.deepEqual(
      builder.written.filter((file) => !file.endsWith('.map')),
      ['assets/css/main.css'],
    );
  });

  test('a new data file is seen by a page that looked for it before it existed', async () => {
    await rebuild({
      'about.md':
        '---\nlayout: default\ntitle: About\npermalink: /about/\n---\nI study *examples*.\n{% for s in site.data.students %}<b>{{ s }}</b>{% endfor %}\n',
    });
    await rebuild({ '_data/students.yml': '- Grace\n- Alan\n' });
    await assertSameAsFullBuild();
    assert.deepEqual(builder.written, ['about/index.html']);
  });

  test('a page moved to another file, and a static file added', async () => {
    await rebuild({
      'about.md': undefined,
      'about-me.md': '---\nlayout: default\ntitle: About\n---\nMoved.\n',
      'assets/images/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>\n',
    });
    await assertSameAsFullBuild();
  });

  test('a config edit (front matter defaults) starts afresh, as serve does, and equals a full build', async () => {
    builder.reset();
    await rebuild({
      '_config.yml': `${SERVE_SITE['_config.yml']}defaults:\n  - scope: {path: "", type: posts}\n    values: {author: Grace}\n`,
      '_layouts/post.html': SERVE_SITE['_layouts/post.html'].replace(
        '<article>',
        '<article data-author="{{ page.author }}">',
      ),
    });
    await assertSameAsFullBuild();
    assert.match(
      readFileSync(path.join(destination, '2024/01/10/first.html'), 'utf8'),
      /data-author="Grace"/,
    );
  });

  test('a failed rebuild writes nothing; the fix is then rebuilt like a full build', async () => {
    const before = readTree(destination);
    await assert.rejects(
      rebuild({
        '_posts/2024-01-10-first.md': '---\nlayout: post\ntitle: First\n---\n{% include missing.html %}\n',
      }),
      BuildFailed,
    );
    assert.deepEqual(readTree(destination), before);
    await rebuild({ '_includes/missing.html': '<p>Now it exists.</p>\n' });
    await assertSameAsFullBuild();
    assert.ok(builder.written.includes('2024/01/10/first.html'));
  });
});

describe('incremental rebuild of a BibTeX bibliography on the built-in theme', () => {
  const bib = (title: string) =>
    `@article{one2024, author = {Example, Ada}, title = {${title}}, journal = {J}, year = 2024, keywords = {selected}}\n@article{two2023, author = {Example, Ada}, title = {Second}, journal = {J}, year = 2023}\n`;
  const source = tempSite({
    '_config.yml': 'theme: scholarsite\ntitle: T\nsearch: false\nauthor:\n  name: Ada Example\n',
    '_bibliography/papers.bib': bib('First'),
    'index.md': '---\npermalink: /\n---\n{% bibliography selected=true group_by=none %}\n',
    'publications.md': '---\npermalink: /publications/\n---\n{% bibliography %}\n',
    'other.md': '---\ntitle: Other\n---\nNo list here.\n',
  });
  const destination = path.join(source, '_site');
  const builder = new IncrementalBuilder();

  test('an edited entry updates its page, its .bib, and every list that shows it; other pages are left alone', async () => {
    await build({ source, incremental: builder, time, print: () => {} });
    builder.noteChanges(edit(source, { '_bibliography/papers.bib': bib('First, revised') }));
    await build({ source, incremental: builder, time, print: () => {} });
    const read = (file: string) => readFileSync(path.join(destination, file), 'utf8');
    assert.match(read('publications/one2024/index.html'), /First, revised/);
    assert.match(read('publications/one2024.bib'), /title += \{First, revised\}/);
    assert.match(read('publications/index.html'), /First, revised/);
    assert.match(read('index.html'), /First, revised/);
    assert.ok(
      builder.written.includes('publications/two2023/index.html') === false,
      'an unchanged entry is not rewritten',
    );
    assert.ok(builder.counts.reused >= 1, `reused ${builder.counts.reused}`);
    const fresh = tempDir('scholarsite-full-');
    await build({ source, destination: fresh, time, print: () => {} });
    for (const [file, bytes] of readTree(fresh)) {
      assert.equal(
        readTree(destination).get(file)?.toString(),
        bytes.toString(),
        `${file} differs from a full build`,
      );
    }
  });
});

test('serve keeps the search index of its first build while pages are edited', async () => {
  const source = tempSite({
    '_config.yml': 'theme: scholarsite\ntitle: T\n',
    'index.md': '---\npermalink: /\n---\nFirst words.\n',
  });
  const builder = new IncrementalBuilder();
  await build({ source, incremental: builder, time, print: () => {} });
  const index = builder.searchIndex;
  assert.ok(index?.some((file) => file.destination === 'pagefind/pagefind.js'));
  builder.noteChanges(edit(source, { 'index.md': '---\npermalink: /\n---\nSecond words.\n' }));
  const result = await build({ source, incremental: builder, time, print: () => {}, profile: true });
  assert.equal(builder.searchIndex, index, 'the same index, not made again');
  assert.doesNotMatch(result.profile?.report() ?? '', /^search /m);
  assert.ok(existsSync(path.join(source, '_site/pagefind/pagefind.js')), 'and still on disk');
  assert.match(readFileSync(path.join(source, '_site/index.html'), 'utf8'), /Second words/);
});
