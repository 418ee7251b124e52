/**
 * Debian's Chromium through playwright-core (see ../shared/TESTING.md). Tests that need it skip,
 * saying why, when no Chromium is installed; CI installs one, so there they always run.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export function chromePath(): string | undefined {
  return [process.env.CHROME_PATH, '/usr/bin/chromium'].find(
    (candidate) => candidate && existsSync(candidate),
  );
}

export const NO_CHROMIUM = chromePath()
  ? false
  : 'no Chromium found (set CHROME_PATH or `apt-get install chromium`)';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromePath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
