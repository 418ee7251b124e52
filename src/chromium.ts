/**
 * Where Chromium is: `CHROME_PATH`, else the usual places on Linux and macOS. The flags keep it
 * from calling the network on its own (scholarsite only ever shows it the site being built).
 */
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function chromePath(): string | undefined {
  return [process.env.CHROME_PATH, ...CANDIDATES].find((candidate) => candidate && existsSync(candidate));
}

export const QUIET_CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
