/**
 * `npm run screenshot -- BUILT_DIR OUT.png [--url-prefix https://site.example/base/] [--page /]
 *   [--width 1280] [--dark] [--full-page]`
 * opens a built site in Chromium (playwright-core, Debian's /usr/bin/chromium or CHROME_PATH)
 * and saves a screenshot. Requests under the site's own url are answered from BUILT_DIR, so a
 * site whose pages link to `https://user.github.io/...` renders offline as it would online.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromePath, launchChromium } from './chromium.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export async function screenshot(
  root: string,
  out: string,
  prefix: string,
  page: string,
  { width = 1280, dark = false, fullPage = false } = {},
): Promise<void> {
  if (!chromePath()) throw new Error("No Chromium found: set CHROME_PATH or install Debian's chromium.");
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      colorScheme: dark ? 'dark' : 'light',
    });
    const site = prefix.replace(/\/$/, '');
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (!url.startsWith(site)) return route.abort(); // nothing leaves the machine
      let file = path.join(
        root,
        decodeURIComponent(new URL(url).pathname.slice(new URL(site).pathname.length)),
      );
      if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
      if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({
        status: 200,
        body: readFileSync(file),
        contentType: TYPES[path.extname(file)] ?? 'application/octet-stream',
      });
    });
    const tab = await context.newPage();
    await tab.goto(site + page, { waitUntil: 'load' });
    await tab.screenshot({ path: out, fullPage, animations: 'disabled' });
  } finally {
    await browser.close();
  }
}

const PIXEL_DIFFERENCE = `async ([first, second]) => {
  const load = (src) => new Promise((resolve) => { const image = new Image(); image.onload = () => resolve(image); image.src = src; });
  const pixels = (image) => {
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    return context.getImageData(0, 0, image.width, image.height).data;
  };
  const [p, q] = (await Promise.all([load(first), load(second)])).map(pixels);
  if (p.length !== q.length) return 1;
  let different = 0;
  for (let i = 0; i < p.length; i += 4) if (p[i] !== q[i] || p[i + 1] !== q[i + 1] || p[i + 2] !== q[i + 2]) different++;
  return different / (p.length / 4);
}`;

/** Share of pixels that differ between two screenshots, measured in Chromium's canvas. */
export async function pixelDifference(a: string, b: string): Promise<number> {
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage();
    const toData = (file: string) => `data:image/png;base64,${readFileSync(file).toString('base64')}`;
    // Plain JavaScript text: the TypeScript loader would add helpers the page does not have.
    return (await tab.evaluate(`(${PIXEL_DIFFERENCE})(${JSON.stringify([toData(a), toData(b)])})`)) as number;
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'url-prefix': { type: 'string', default: 'http://site.test/' },
      page: { type: 'string', default: '/' },
      compare: { type: 'string' },
      width: { type: 'string', default: '1280' },
      dark: { type: 'boolean', default: false },
      'full-page': { type: 'boolean', default: false },
    },
  });
  const [root, out] = positionals;
  await screenshot(path.resolve(root), out, values['url-prefix']!, values.page!, {
    width: Number(values.width),
    dark: values.dark,
    fullPage: values['full-page'],
  });
  console.log(`saved ${out}`);
  if (values.compare) {
    const share = await pixelDifference(out, values.compare);
    console.log(`pixels different from ${values.compare}: ${(share * 100).toFixed(3)}%`);
  }
}
