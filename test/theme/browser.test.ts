/**
 * The starter site on the built-in theme in a real browser: every page passes axe-core's
 * WCAG 2.2 AA rules in light and dark mode at 390 px and 1280 px, without horizontal scrolling
 * or a request to another server; the dark-mode toggle, the mobile menu, the keyboard and the
 * print stylesheet work; the home page stays within its weight.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { serveSiteFile } from '../../src/serve/static.ts';
import { launchBrowser, NO_CHROMIUM } from '../support/browser.ts';
import { runCli } from '../support/cli.ts';
import { tempDir } from '../support/temp-site.ts';

const STARTER = path.resolve(import.meta.dirname, '../../examples/starter');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Every page of the built site, as URL paths (`/`, `/cv/`, `/404.html` …), but for the stubs
 * jekyll-redirect-from writes (they leave for the site's real address at once).
 */
function pagesOf(root: string, dir = ''): string[] {
  const pages: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) pages.push(...pagesOf(root, relative));
    else if (entry.name.endsWith('.html') && !isRedirect(path.join(root, relative))) {
      pages.push(relative.replace(/index\.html$/, ''));
    }
  }
  return pages.sort();
}

const isRedirect = (file: string) => readFileSync(file, 'utf8').includes('<meta http-equiv="refresh"');

describe('the built-in theme in a browser', { skip: NO_CHROMIUM }, () => {
  let site: string;
  let server: Server;
  let origin: string;
  let browser: Browser;

  before(async () => {
    site = path.join(tempDir('scholarsite-theme-'), '_site');
    const built = runCli(['build', '-s', STARTER, '-d', site]);
    assert.equal(built.code, 0, built.stderr);
    assert.equal(built.stderr, '', 'the starter builds without a warning');
    server = createServer((request, response) =>
      serveSiteFile(request, response, { root: site, baseurl: '' }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  async function open(options: {
    width: number;
    dark?: boolean;
  }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport: { width: options.width, height: 800 },
      colorScheme: options.dark ? 'dark' : 'light',
    });
    return { context, page: await context.newPage() };
  }

  for (const width of [390, 1280]) {
    for (const dark of [false, true]) {
      const mode = `${dark ? 'dark' : 'light'} mode at ${width} px`;
      test(`every page: no axe-core violation, no horizontal scroll, nothing from other servers (${mode})`, async () => {
        const { context, page } = await open({ width, dark });
        const foreign: string[] = [];
        page.on('request', (request) => {
          if (!request.url().startsWith(origin) && !request.url().startsWith('data:'))
            foreign.push(request.url());
        });
        const problems: string[] = [];
        const pages = pagesOf(site);
        assert.ok(pages.length >= 40, `the starter has all its pages (${pages.length})`);
        for (const url of pages) {
          await page.goto(origin + url);
          await page.evaluate(AXE);
          const violations = (await page.evaluate(
            `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_22_AA)} } }).then((r) => r.violations)`,
          )) as AxeViolation[];
          for (const v of violations) {
            problems.push(
              `${url}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
            );
          }
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          if (overflow > 0) problems.push(`${url}: scrolls sideways by ${overflow} px`);
        }
        await context.close();
        assert.deepEqual(problems, []);
        assert.deepEqual(foreign, []);
      });
    }
  }

  test('the dark-mode toggle switches the colours and is remembered; without a choice it follows the system', async () => {
    const { context, page } = await open({ width: 1280 });
    await page.goto(`${origin}/`);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const toggle = page.getByRole('button', { name: 'Dark mode' });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    assert.equal(await background(), 'rgb(255, 255, 255)');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.equal(await background(), 'rgb(17, 20, 23)');
    await page.goto(`${origin}/publications/`);
    assert.equal(await background(), 'rgb(17, 20, 23)', 'the choice holds on the next page');
    assert.equal(await page.getByRole('button', { name: 'Dark mode' }).getAttribute('aria-pressed'), 'true');
    await page.getByRole('button', { name: 'Dark mode' }).click();
    assert.equal(await background(), 'rgb(255, 255, 255)');
    await context.close();

    const system = await open({ width: 1280, dark: true });
    await system.page.goto(`${origin}/`);
    assert.equal(
      await system.page.evaluate(() => getComputedStyle(document.body).backgroundColor),
      'rgb(17, 20, 23)',
    );
    assert.equal(
      await system.page.getByRole('button', { name: 'Dark mode' }).getAttribute('aria-pressed'),
      'true',
    );
    await system.context.close();
  });

  test('on a phone the menu opens and closes from its button, by mouse and keyboard', async () => {
    const { context, page } = await open({ width: 390 });
    await page.goto(`${origin}/`);
    const menu = page.getByRole('button', { name: 'Menu' });
    const cv = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'CV' });
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await cv.isVisible(), false);
    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    assert.equal(await cv.isVisible(), true);
    await page.keyboard.press('Escape');
    assert.equal(await cv.isVisible(), false);
    assert.equal(
      await page.evaluate(() => document.activeElement?.className),
      'nav-toggle',
      'focus goes back to the button',
    );
    await page.keyboard.press('Enter');
    assert.equal(await cv.isVisible(), true);
    await cv.click();
    await page.waitForURL(`${origin}/cv/`);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'CV');
    await context.close();

    const wide = await open({ width: 1280 });
    await wide.page.goto(`${origin}/`);
    assert.equal(
      await wide.page.getByRole('button', { name: 'Menu' }).isVisible(),
      false,
      'no menu button on a wide screen',
    );
    await wide.context.close();
  });

  test('the keyboard reaches the skip link first, and it moves focus to the content', async () => {
    const { context, page } = await open({ width: 1280 });
    await page.goto(`${origin}/publications/`);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    assert.ok(((await skip.boundingBox())?.y ?? -1) >= 0, 'the skip link shows when focused');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.closest('main') !== null);
    assert.ok(focused, 'the next Tab stays in the content');
    await context.close();
  });

  test('printing the CV leaves out the navigation and prints dark text on white, even in dark mode', async () => {
    const { context, page } = await open({ width: 1280, dark: true });
    await page.goto(`${origin}/cv/`);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.masthead').isVisible(), false);
    assert.equal(await page.locator('.site-footer').isVisible(), false);
    const colours = await page.evaluate(() => [
      getComputedStyle(document.body).backgroundColor,
      getComputedStyle(document.body).color,
    ]);
    assert.deepEqual(colours, ['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
    assert.ok(await page.getByRole('heading', { name: 'Education' }).isVisible());
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.subarray(0, 5).toString() === '%PDF-');
    await context.close();
  });

  test("a publication's abstract opens on demand, and its BibTeX is copied with one click", async () => {
    const { context, page } = await open({ width: 1280 });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.goto(`${origin}/publications/`);
    const entry = page.locator('.bib-entry', { hasText: 'Recovery debt' });
    const abstract = entry.locator('details.abstract p');
    assert.equal(await abstract.isVisible(), false);
    await entry.locator('details.abstract summary').click();
    assert.match((await abstract.textContent()) ?? '', /fire/);
    assert.equal(await abstract.isVisible(), true);

    await entry.locator('details.bibtex summary').click();
    const copy = entry.getByRole('button', { name: 'Copy' });
    await copy.click();
    await entry.getByRole('button', { name: 'Copied' }).waitFor();
    const copied = (await page.evaluate('navigator.clipboard.readText()')) as string;
    assert.match(copied, /^@article\{okafor2025debt,\n {2}author +=/);
    assert.doesNotMatch(copied, /abstract|keywords/);
    const download = await page.request.get(`${origin}/publications/okafor2025debt.bib`);
    assert.equal(await download.text(), copied, 'the download is the same entry');
    await context.close();
  });

  test('the search box finds pages from the index built with the site, as you type', async () => {
    const { context, page } = await open({ width: 1280 });
    await page.goto(`${origin}/`);
    await page.getByRole('link', { name: 'Search' }).click();
    await page.waitForURL(`${origin}/search/`);
    const box = page.getByLabel('Search this site');
    await box.fill('Kyoto');
    const first = page.locator('.search-result a').first();
    await first.waitFor();
    assert.equal(await first.getAttribute('href'), '/2023/11/kyoto-workshop-notes/');
    assert.match((await page.locator('#search-status').textContent()) ?? '', /results for “Kyoto”/);
    assert.match(page.url(), /\?q=Kyoto$/, 'the address keeps the query');
    assert.ok((await page.locator('.search-result mark').count()) > 0, 'the words found are marked');

    await page.goto(`${origin}/search/?q=recolonised`);
    await page.locator('.search-result').first().waitFor();
    assert.match((await page.locator('.search-results').textContent()) ?? '', /Seed dispersal/);
    await box.fill('zzzqqq');
    await page.locator('#search-status', { hasText: 'Nothing found for “zzzqqq”' }).waitFor();
    assert.equal(await page.locator('.search-result').count(), 0);
    await context.close();
  });

  test('the talk map shows a marker for each place, and a marker opens the talks given there', async () => {
    const { context, page } = await open({ width: 1280 });
    await page.goto(`${origin}/talkmap/`);
    await page.locator('.talkmap__land').first().waitFor({ state: 'attached' });
    const kyoto = page.locator('img.leaflet-marker-icon[title="Kyoto, Japan"]');
    await kyoto.click();
    const popup = page.locator('.leaflet-popup-content');
    await popup.waitFor();
    assert.match((await popup.textContent()) ?? '', /^Kyoto, Japan.*dispersal limits/);
    const markers = await page
      .locator('img.leaflet-marker-icon')
      .evaluateAll((images) => images.map((image) => image.getAttribute('title')));
    assert.equal(
      markers.join('; ').split('; ').length,
      6,
      `every place has a marker (${markers.join(' | ')})`,
    );
    await context.close();
  });

  test('the home page weighs at most 50 KB of HTML, CSS and JavaScript', async () => {
    const { context, page } = await open({ width: 1280 });
    let bytes = 0;
    const counted: string[] = [];
    page.on('response', async (response) => {
      const type = response.request().resourceType();
      if (type === 'document' || type === 'stylesheet' || type === 'script') {
        bytes += (await response.body()).length;
        counted.push(response.url());
      }
    });
    await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    await context.close();
    assert.equal(counted.length, 3, counted.join(', '));
    assert.ok(bytes <= 50 * 1024, `${bytes} bytes`);
  });
});
