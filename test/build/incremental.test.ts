/**
 * Builds after a first one (plain, and `build --incremental`): a build started from the state the
 * last one saved renders only what the files changed since can affect, and its destination equals
 * what a full build writes.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { build } from '../../src/build.ts';
import { runCli } from '../support/cli.ts';
import { edit, assertSameAsFullBuild as sameAsFullBuild, serveSite } from '../support/serve-site.ts';
import { tempSite } from '../support/temp-site.ts';

// Now, as the command line's builds have it: a page showing the year is the same in both.
const time = new Date();

/**
 * Each build with the disk cache starts from what the last one rendered. A plain build writes the
 * whole site anew; `-I` writes only the files that changed. Both must end with what a full build
 * writes.
 */
for (const mode of ['plain', '-I'] as const) {
  describe(`builds after a first one (${mode})`, () => {
    const source = serveSite();
    const destination = path.join(source, '_site');
    const cache = path.join(source, '.jekyll-cache', 'scholarsite');
    const hasState = () =>
      existsSync(cache) && readdirSync(cache).some((name) => name.startsWith('incremental-'));

    /** Build as this mode does; the files it rendered. */
    const buildAgain = async (): Promise<string[]> => {
      const rendered: string[] = [];
      const log = (line: string) => {
        if (line.startsWith('Rendering: ')) rendered.push(line.slice('Rendering: '.length));
      };
      await build({ source, keepIncremental: mode === '-I', time, print: () => {}, log });
      return rendered.sort();
    };

    /** Edits get a later time than the build before them, whatever the clock's resolution. */
    let clock = Date.now() / 1000;
    const change = (files: Record<string, string | undefined>) => {
      for (const file of edit(source, files)) {
        clock += 2;
        if (existsSync(file)) utimesSync(file, clock, clock);
      }
    };

    const assertSameAsFullBuild = () => sameAsFullBuild(source, destination, time);

    const everything = async () => {
      const all = await buildAgain();
      assert.ok(all.includes('_posts/2024-01-10-first.md') && all.includes('about.md'), all.join(', '));
      return all;
    };

    test('the first build renders everything and keeps its state in .jekyll-cache', async () => {
      await everything();
      assert.ok(hasState());
      assert.ok(!existsSync(path.join(destination, '.jekyll-cache')));
      await assertSameAsFullBuild();
    });

    test('with nothing changed, only pages made by plugins render', async () => {
      const about = path.join(destination, 'about', 'index.html');
      const before = statSync(about).mtimeMs;
      const stray = path.join(destination, 'stray.txt');
      writeFileSync(stray, 'put here by hand');
      const made = ['assets/css/main.css.map', 'feed.xml', 'robots.txt', 'sitemap.xml'];
      assert.deepEqual(await buildAgain(), made);
      if (mode === '-I') {
        assert.equal(statSync(about).mtimeMs, before, '-I rewrites no page that stayed the same');
        rmSync(stray);
      } else assert.ok(!existsSync(stray), 'a plain build replaces the whole destination');
      await assertSameAsFullBuild();
    });

    test('an edited post renders again with the pages that list posts, not the others', async () => {
      change({
        '_posts/2024-01-10-first.md': '---\nlayout: post\ntitle: First post, revised\n---\nRevised.\n',
      });
      const rendered = await buildAgain();
      assert.ok(rendered.includes('_posts/2024-01-10-first.md'));
      assert.ok(rendered.includes('index.md'), 'the home page lists the posts');
      assert.ok(!rendered.includes('about.md'), rendered.join(', '));
      await assertSameAsFullBuild();
    });

    test('an edited include renders the pages that use it', async () => {
      change({ '_includes/head.html': '<meta charset="utf-8"><title>{{ page.title }} (edited)</title>\n' });
      await everything();
      await assertSameAsFullBuild();
    });

    test('an edited data file renders the pages that read it', async () => {
      const news = readFileSync(path.join(source, '_data/news.yml'), 'utf8');
      change({ '_data/news.yml': `${news}- date: 2024-03-01\n  text: Edited news.\n` });
      const rendered = await buildAgain();
      assert.ok(rendered.includes('index.md'), rendered.join(', '));
      assert.ok(!rendered.includes('_posts/2024-01-10-first.md'), rendered.join(', '));
      await assertSameAsFullBuild();
    });

    // A plain build writes every file anyway; -I, which writes only what changed, renders all again.
    test(`a page deleted from the destination is written again${mode === '-I' ? ' by a full build' : ''}`, async () => {
      rmSync(path.join(destination, 'about', 'index.html'));
      if (mode === '-I') await everything();
      else {
        const rendered = await buildAgain();
        assert.ok(
          !rendered.some((file) => file === 'about.md' || file.startsWith('_posts/')),
          rendered.join(),
        );
      }
      assert.ok(existsSync(path.join(destination, 'about', 'index.html')));
      await assertSameAsFullBuild();
    });

    test('a config edit starts afresh', async () => {
      change({
        '_config.yml': `${readFileSync(path.join(source, '_config.yml'), 'utf8')}description: Edited.\n`,
      });
      await everything();
      await assertSameAsFullBuild();
    });

    test('a build with --disable-disk-cache forgets the state, so the next build renders everything', async () => {
      await build({ source, diskCache: false, time, print: () => {} });
      assert.ok(!hasState());
      await everything();
      await assertSameAsFullBuild();
    });

    test('the command line: -V names the pages rendered again', async () => {
      change({
        'about.md': '---\nlayout: default\ntitle: About\npermalink: /about/\n---\nAbout me, edited.\n',
      });
      const result = await runCli(['build', ...(mode === '-I' ? ['-I'] : []), '-V', '-s', source]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /Rendering: about\.md/);
      assert.doesNotMatch(result.stdout, /Rendering: _posts/);
    });
  });
}

test('build -I keeps the search index while the pages are the same, and makes it again when one changes', async () => {
  const source = tempSite({
    '_config.yml': 'title: Search me\ntheme: scholarsite\n',
    'index.md': '---\nlayout: single\ntitle: Home\n---\nHello.\n',
    'about.md': '---\nlayout: single\ntitle: About\n---\nAbout me.\n',
  });
  const indexed = async () => {
    const result = await build({ source, keepIncremental: true, profile: true, print: () => {} });
    return /^search\s*\|/m.test(result.profile!.report()); // the stage, not search/index.html
  };
  assert.equal(await indexed(), true, 'the first build makes the index');
  assert.equal(await indexed(), false, 'nothing changed: the index is kept');
  writeFileSync(path.join(source, 'about.md'), '---\nlayout: single\ntitle: About\n---\nAbout me, edited.\n');
  utimesSync(path.join(source, 'about.md'), Date.now() / 1000 + 5, Date.now() / 1000 + 5);
  assert.equal(await indexed(), true, 'a page changed: the index is made again');
  assert.ok(existsSync(path.join(source, '_site', 'pagefind', 'pagefind.js')));
});
