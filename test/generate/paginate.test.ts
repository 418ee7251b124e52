import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runGenerators } from '../../src/generate/index.ts';
import { type Pager, pagerToLiquid } from '../../src/site/pager.ts';
import { page, quiet, readTempSite } from './helpers.ts';

function blog(config: string, extra: Record<string, string> = {}) {
  const files: Record<string, string> = {
    '_config.yml': config,
    'index.html': '---\ntitle: Home\n---\n{% for post in paginator.posts %}{{ post.title }}{% endfor %}\n',
    '_posts/2020-01-06-hidden.md': '---\nhidden: true\n---\nhidden\n',
    ...extra,
  };
  for (let i = 1; i <= 5; i++)
    files[`_posts/2020-01-0${i}-post-${i}.md`] = `---\ntitle: Post ${i}\n---\nbody ${i}\n`;
  return readTempSite(files);
}

const summary = (pager: Pager) => ({ ...pager, posts: pager.posts.map((p) => p.data.title) });

test('jekyll-paginate: index.html gets the first pager, page2/ and page3/ the others', async () => {
  const site = blog('plugins: [jekyll-paginate]\npaginate: 2\n');
  await runGenerators(site, quiet);
  const index = page(site, '/');
  assert.deepEqual(summary(index.pager as Pager), {
    page: 1,
    per_page: 2,
    posts: ['Post 5', 'Post 4'],
    total_posts: 5,
    total_pages: 3,
    previous_page: null,
    previous_page_path: null,
    next_page: 2,
    next_page_path: '/page2',
  });
  const page2 = page(site, '/page2/');
  assert.equal(page2.destinationPath, 'page2/index.html');
  // Jekyll sets the folder after reading the page, so its path stays the template's.
  assert.equal(page2.path, 'index.html');
  assert.equal(page2.data.title, 'Home');
  assert.ok(page2.content.includes('paginator.posts'));
  assert.deepEqual(summary(page2.pager as Pager), {
    page: 2,
    per_page: 2,
    posts: ['Post 3', 'Post 2'],
    total_posts: 5,
    total_pages: 3,
    previous_page: 1,
    previous_page_path: '/',
    next_page: 3,
    next_page_path: '/page3',
  });
  const page3 = page(site, '/page3/');
  assert.deepEqual(summary(page3.pager as Pager).posts, ['Post 1']);
  assert.equal((page3.pager as Pager).next_page, null);
  assert.deepEqual(pagerToLiquid(page3.pager as Pager, (doc) => doc.url).posts, ['/2020/01/01/post-1.html']);
});

test('jekyll-paginate: paginate_path in a folder uses that folder’s index.html', async () => {
  const site = blog('plugins: [jekyll-paginate]\npaginate: 4\npaginate_path: /blog/p:num/\n', {
    'blog/index.html': '---\n---\nblog\n',
  });
  await runGenerators(site, quiet);
  assert.equal(page(site, '/').pager, undefined);
  assert.equal((page(site, '/blog/').pager as Pager).next_page_path, '/blog/p2/');
  const second = page(site, '/blog/p2/');
  assert.equal(second.path, 'blog/index.html');
  assert.equal((second.pager as Pager).previous_page_path, '/blog/');
});

test('jekyll-paginate does nothing without `paginate:` or posts', async () => {
  const site = blog('plugins: [jekyll-paginate]\n');
  await runGenerators(site, quiet);
  assert.equal(page(site, '/').pager, undefined);
  const empty = readTempSite({
    '_config.yml': 'plugins: [jekyll-paginate]\npaginate: 3\n',
    'index.html': '---\n---\n',
  });
  await runGenerators(empty, quiet);
  assert.equal(page(empty, '/').pager, undefined);
  assert.equal(empty.pages.length, 1);
});
