/**
 * `serve` in a real browser: edits to a page, a layout, a data file and a stylesheet appear in
 * the open page by themselves (a stylesheet without reloading the page); a broken front matter
 * shows the error overlay over the last good page, and fixing it brings the page back.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type RunningServer, serve } from '../../src/serve/index.ts';
import { launchBrowser, NO_CHROMIUM } from '../support/browser.ts';
import { edit, SERVE_SITE, serveSite } from '../support/serve-site.ts';

describe('serve in a browser: live reload and the error overlay', { skip: NO_CHROMIUM }, () => {
  let source: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    source = serveSite();
    server = await serve({ source, port: 0, print: () => {}, debounceMs: 30 });
    browser = await launchBrowser();
    page = await browser.newPage();
    // Wait until the page listens for rebuilds.
    const listening = page.waitForResponse((response) => response.url().includes('/__scholarsite/events'));
    await page.goto(`${server.url}2024/02/20/second.html`);
    await listening;
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a saved page appears without a manual reload', async () => {
    edit(source, {
      '_posts/2024-02-20-second.md': SERVE_SITE['_posts/2024-02-20-second.md'].replace(
        'The second post.',
        'A freshly saved sentence.',
      ),
    });
    await page.locator('article', { hasText: 'A freshly saved sentence.' }).waitFor();
  });

  test('a saved layout appears', async () => {
    edit(source, {
      '_layouts/post.html': SERVE_SITE['_layouts/post.html'].replace(
        '<article>',
        '<article class="from-layout"><p class="byline">By Ada</p>',
      ),
    });
    await page.locator('article.from-layout .byline').waitFor();
  });

  test('a saved data file appears (the navigation)', async () => {
    edit(source, {
      '_data/navigation.yml': `${SERVE_SITE['_data/navigation.yml']}- title: Teaching\n  url: /teaching/\n`,
    });
    await page.locator('nav a', { hasText: 'Teaching' }).waitFor();
  });

  test('a saved stylesheet restyles the page in place, without reloading it', async () => {
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    edit(source, { '_sass/_base.scss': 'body { color: rgb(10, 120, 30); }\n' });
    await page.waitForFunction(() => getComputedStyle(document.body).color === 'rgb(10, 120, 30)');
    assert.equal(
      await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
      true,
    );
  });

  test('a broken front matter shows the overlay with file, line and hint; the fix clears it', async () => {
    edit(source, { '_posts/2024-02-20-second.md': '---\nlayout: post\ntitle: "Second post\n---\nOops.\n' });
    const overlay = page.locator('scholarsite-error-overlay');
    await overlay.waitFor();
    const text = (await overlay.locator('[role="alertdialog"]').textContent()) ?? '';
    assert.match(text, /_posts\/2024-02-20-second\.md:\d+/);
    assert.match(text, /Hint:/);
    // The last good page is still there under the overlay.
    assert.match((await page.locator('article').textContent()) ?? '', /A freshly saved sentence\./);

    edit(source, {
      '_posts/2024-02-20-second.md': SERVE_SITE['_posts/2024-02-20-second.md'].replace(
        'The second post.',
        'Fixed and saved.',
      ),
    });
    await page.locator('article', { hasText: 'Fixed and saved.' }).waitFor();
    assert.equal(await overlay.count(), 0);
  });

  test('after the server restarts, the page reconnects and shows what changed meanwhile', async () => {
    const port = server.port;
    await server.close();
    edit(source, {
      '_posts/2024-02-20-second.md': SERVE_SITE['_posts/2024-02-20-second.md'].replace(
        'The second post.',
        'Saved while the server was down.',
      ),
    });
    server = await serve({ source, port, print: () => {}, debounceMs: 30 });
    await page.locator('article', { hasText: 'Saved while the server was down.' }).waitFor();
  });

  test('a page opened while the build is broken shows the overlay too', async () => {
    edit(source, { '_posts/2024-02-20-second.md': '---\nlayout: post\ntitle: [oops\n---\nOops.\n' });
    await page.locator('scholarsite-error-overlay').waitFor();
    const other = await browser.newPage();
    await other.goto(`${server.url}about/`);
    await other.locator('scholarsite-error-overlay').waitFor();
    await other.close();
    edit(source, { '_posts/2024-02-20-second.md': SERVE_SITE['_posts/2024-02-20-second.md'] });
    await page.locator('article', { hasText: 'The second post.' }).waitFor();
  });
});
