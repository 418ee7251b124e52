/**
 * The watcher behind `serve`: which saves it reports, and which it leaves alone. Each test does
 * to the site folder what an editor, a file manager or git does, and checks the paths reported.
 */
import assert from 'node:assert/strict';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { watchSource } from '../../src/serve/watcher.ts';
import { tempDir, tempSite } from '../support/temp-site.ts';

/** Watches a new site; `reported()` waits for the next batch of paths (relative, sorted). */
function watched(files: Record<string, string>, exclude: string[] = []) {
  const source = tempSite({ '_config.yml': 'title: T\n', ...files });
  const batches: string[][] = [];
  let wake = () => {};
  const watcher = watchSource({
    source,
    destination: path.join(source, '_site'),
    configFiles: [path.join(source, '_config.yml')],
    exclude: ['node_modules', ...exclude],
    include: [],
    onChange: (paths) => {
      batches.push(paths.map((file) => path.relative(source, file)).sort());
      wake();
    },
  });
  const reported = async (timeout = 2000): Promise<string[] | undefined> => {
    if (!batches.length) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeout);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return batches.shift();
  };
  const write = (name: string, text = 'changed\n') => {
    mkdirSync(path.dirname(path.join(source, name)), { recursive: true });
    writeFileSync(path.join(source, name), text);
  };
  return { source, watcher, reported, write };
}

describe('serve: the watcher', () => {
  test('a save in a nested folder is reported, once per burst', async () => {
    const site = watched({ '_posts/2024/2024-01-01-a.md': 'a\n', 'about.md': 'about\n' });
    try {
      site.write('_posts/2024/2024-01-01-a.md', 'one\n');
      site.write('_posts/2024/2024-01-01-a.md', 'two\n');
      site.write('about.md');
      assert.deepEqual(await site.reported(), ['_posts/2024/2024-01-01-a.md', 'about.md']);
      assert.equal(await site.reported(300), undefined, 'the burst was one batch');
    } finally {
      await site.watcher.close();
    }
  });

  test("an editor's save (a temporary file renamed over the page) reports the page", async () => {
    const site = watched({ '_pages/cv.md': 'cv\n' });
    try {
      site.write('_pages/.cv.md.swp', 'new cv\n');
      renameSync(path.join(site.source, '_pages/.cv.md.swp'), path.join(site.source, '_pages/cv.md'));
      const paths = await site.reported();
      assert.ok(paths?.includes('_pages/cv.md'), String(paths));
    } finally {
      await site.watcher.close();
    }
  });

  test('a folder moved in reports its files; one moved out or deleted reports them too', async () => {
    const site = watched({ '_talks/old/a.md': 'a\n', '_talks/old/deeper/b.md': 'b\n' });
    const outside = tempDir('scholarsite-outside-');
    try {
      mkdirSync(path.join(outside, 'new/deeper'), { recursive: true });
      writeFileSync(path.join(outside, 'new/c.md'), 'c\n');
      writeFileSync(path.join(outside, 'new/deeper/d.md'), 'd\n');
      renameSync(path.join(outside, 'new'), path.join(site.source, '_talks/new'));
      assert.deepEqual(await site.reported(), ['_talks/new/c.md', '_talks/new/deeper/d.md']);

      // Files saved later in a folder that arrived are seen.
      site.write('_talks/new/deeper/d.md', 'd again\n');
      assert.deepEqual(await site.reported(), ['_talks/new/deeper/d.md']);

      renameSync(path.join(site.source, '_talks/old'), path.join(outside, 'old'));
      assert.deepEqual(await site.reported(), ['_talks/old/a.md', '_talks/old/deeper/b.md']);
      rmSync(path.join(site.source, '_talks/new'), { recursive: true });
      assert.deepEqual(await site.reported(), ['_talks/new/c.md', '_talks/new/deeper/d.md']);
    } finally {
      await site.watcher.close();
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('a folder made after the start is watched: a file saved in it later is seen', async () => {
    const site = watched({});
    try {
      mkdirSync(path.join(site.source, '_data/people'), { recursive: true });
      await site.reported(300);
      site.write('_data/people/ada.yml', 'name: Ada\n');
      assert.deepEqual(await site.reported(), ['_data/people/ada.yml']);
    } finally {
      await site.watcher.close();
    }
  });

  test('the destination, its staging folders, .git, node_modules, caches and excluded files are not watched; the config is, even excluded', async () => {
    const site = watched(
      {
        '_site/index.html': 'old\n',
        '.git/HEAD': 'ref\n',
        'node_modules/x/index.js': 'x\n',
        '.jekyll-cache/scholarsite/a': 'a\n',
        'drafts-notes/todo.md': 'todo\n',
        'index.md': 'home\n',
      },
      ['drafts-notes', '_config.yml'],
    );
    try {
      site.write('_site/index.html', 'new\n');
      site.write('._site.tmp-123/index.html', 'staging\n');
      site.write('.git/HEAD', 'ref 2\n');
      site.write('node_modules/x/index.js', 'y\n');
      site.write('.jekyll-cache/scholarsite/b', 'b\n');
      site.write('drafts-notes/todo.md', 'later\n');
      site.write('drafts-notes/new.md', 'new\n');
      site.write('index.md.scholarsite-42', 'temporary output\n');
      assert.equal(await site.reported(300), undefined);
      site.write('_config.yml', 'title: U\n');
      assert.deepEqual(await site.reported(), ['_config.yml']);
    } finally {
      await site.watcher.close();
    }
  });

  // chokidar 5, used before, dropped a change within 50 ms of the last one it reported for a
  // file (paulmillr/chokidar#1455): a formatter's second save was lost.
  test('a second save of a file soon after the first is seen too', async () => {
    const site = watched({ '_posts/2024-01-10-first.md': 'Before.\n' });
    try {
      site.write('_posts/2024-01-10-first.md', 'First save.\n');
      assert.deepEqual(await site.reported(), ['_posts/2024-01-10-first.md']);
      site.write('_posts/2024-01-10-first.md', 'Second save.\n');
      assert.deepEqual(await site.reported(), ['_posts/2024-01-10-first.md']);
    } finally {
      await site.watcher.close();
    }
  });

  test('nothing is reported after close', async () => {
    const site = watched({ 'index.md': 'home\n' });
    await site.watcher.close();
    site.write('index.md', 'after\n');
    assert.equal(await site.reported(300), undefined);
  });
});
