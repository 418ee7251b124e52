/**
 * `npm run lighthouse [-- /page/ …]` builds the starter site, serves it as GitHub Pages does
 * (gzip), and runs Lighthouse (fetched with npx) in Debian's Chromium on each page, mobile
 * settings. Prints the four scores per page.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentType } from 'mime-types';
import { chromePath } from './chromium.ts';

const LIGHTHOUSE = 'lighthouse@13.5.0';
const root = path.resolve(import.meta.dirname, '..');
const site = path.join(mkdtempSync(path.join(os.tmpdir(), 'scholarsite-lighthouse-')), '_site');
execFileSync(
  process.execPath,
  [path.join(root, 'bin/scholarsite.js'), 'build', '-q', '-s', 'examples/starter', '-d', site],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, JEKYLL_ENV: 'production' },
  },
);

const server = createServer((request, response) => {
  let file = path.join(site, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
  if (!file.startsWith(site)) return response.writeHead(400).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  const found = existsSync(file);
  const body = readFileSync(found ? file : path.join(site, '404.html'));
  const type = contentType(path.extname(found ? file : '.html')) || 'application/octet-stream';
  const zip = /text|javascript|json|xml|svg/.test(type);
  response.writeHead(found ? 200 : 404, {
    'Content-Type': type,
    'Cache-Control': 'max-age=600',
    ...(zip ? { 'Content-Encoding': 'gzip' } : {}),
  });
  response.end(zip ? gzipSync(body) : body);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const pages = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['/', '/publications/', '/2025/03/setting-up-a-recovery-simulation/'];
const flags =
  '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run';
try {
  console.log('| page | performance | accessibility | best practices | SEO |\n|---|---|---|---|---|');
  for (const page of pages) {
    const json = await new Promise<string>((resolve, reject) => {
      import('node:child_process').then(({ execFile }) =>
        execFile(
          'npx',
          [
            '--yes',
            LIGHTHOUSE,
            origin + page,
            `--chrome-path=${chromePath()}`,
            `--chrome-flags=${flags}`,
            '--output=json',
            '--quiet',
            '--only-categories=performance,accessibility,best-practices,seo',
          ],
          { maxBuffer: 64 * 1024 * 1024 },
          (error, stdout) => (error ? reject(error) : resolve(stdout)),
        ),
      );
    });
    const categories = (JSON.parse(json) as { categories: Record<string, { score: number }> }).categories;
    const score = (name: string) => Math.round(categories[name].score * 100);
    console.log(
      `| ${page} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} |`,
    );
  }
} finally {
  server.close();
}
