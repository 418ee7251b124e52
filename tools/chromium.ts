/** Chromium driven by playwright-core, for the browser tests and tools (see ../shared/TESTING.md). */
import { type Browser, chromium } from 'playwright-core';
import { chromePath, QUIET_CHROMIUM_FLAGS } from '../src/chromium.ts';

export { chromePath };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath(), args: QUIET_CHROMIUM_FLAGS });
}
