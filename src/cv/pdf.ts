/**
 * `scholarsite cv --pdf`: the site is built into a temporary folder, served on this machine only,
 * and its CV page printed to PDF by Chromium with the theme's print stylesheet.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from '../build.ts';
import { chromePath, QUIET_CHROMIUM_FLAGS } from '../chromium.ts';
import { SiteError } from '../errors.ts';
import { serveSiteFile } from '../serve/static.ts';

export interface CvPdfOptions {
  source: string;
  /** The PDF to write. */
  output: string;
  /** The page to print, as a URL path below the site (default `/cv/`). */
  page: string;
  print?: (text: string) => void;
}

export async function printCv(options: CvPdfOptions): Promise<{ bytes: number }> {
  const chrome = chromePath();
  if (!chrome) {
    throw new SiteError({
      message: 'no Chromium or Chrome was found to print the CV',
      file: options.source,
      hint: 'Install Chromium (Debian/Ubuntu: apt install chromium) or set CHROME_PATH to a Chrome or Chromium program.',
    });
  }
  const temporary = mkdtempSync(path.join(os.tmpdir(), 'scholarsite-cv-'));
  const site = path.join(temporary, '_site');
  try {
    const result = await build({ source: options.source, destination: site, print: options.print });
    const baseurl = result.site.settings.baseurl.replace(/\/+$/, '');
    const server = createServer((request, response) =>
      serveSiteFile(request, response, { root: site, baseurl }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${baseurl}${options.page}`;
      const pdf = path.join(temporary, 'cv.pdf');
      await run(chrome, [
        '--headless=new',
        ...QUIET_CHROMIUM_FLAGS,
        '--no-pdf-header-footer',
        `--print-to-pdf=${pdf}`,
        url,
      ]);
      const target = path.resolve(options.output);
      // Beside the target, then renamed over it: never half a PDF where the old one was.
      const beside = `${target}.scholarsite-${process.pid}`;
      renameOrCopy(pdf, beside);
      renameSync(beside, target);
      return { bytes: statSync(target).size };
    } finally {
      server.close();
    }
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}

function run(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk) => {
      errors += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`Chromium stopped with code ${code}: ${errors.trim().split('\n').at(-1) ?? ''}`));
    });
  });
}

function renameOrCopy(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    copyFileSync(from, to); // another file system
  }
}
