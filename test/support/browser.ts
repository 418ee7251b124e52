/**
 * The browser for tests. Tests that need it skip, saying why, when no Chromium is installed;
 * CI installs one, so there they always run.
 */
import { chromePath } from '../../tools/chromium.ts';

export { launchChromium as launchBrowser } from '../../tools/chromium.ts';

export const NO_CHROMIUM = chromePath()
  ? false
  : 'no Chromium found (set CHROME_PATH or `apt-get install chromium`)';
