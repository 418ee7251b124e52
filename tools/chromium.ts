/**
 * Debian's Chromium through playwright-core (see ../shared/TESTING.md): `CHROME_PATH`, else
 * `/usr/bin/chromium`. The flags keep it from calling the (closed) network on its own.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export function chromePath(): string | undefined {
  return [process.env.CHROME_PATH, '/usr/bin/chromium'].find(
    (candidate) => candidate && existsSync(candidate),
  );
}

export function launchChromium(): Promise<Browser> {
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
