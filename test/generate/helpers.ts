/** A site read from files in a temp folder, ready for the generators. */
import { loadConfig } from '../../src/config/index.ts';
import { Diagnostics } from '../../src/errors.ts';
import { readSite } from '../../src/read/reader.ts';
import { RubyTime } from '../../src/ruby/time.ts';
import { Site } from '../../src/site/site.ts';
import { tempSite } from '../support/temp-site.ts';

export function readTempSite(
  files: Record<string, string>,
  time = new RubyTime(Date.UTC(2024, 0, 2, 3, 4, 5)),
): Site {
  const source = tempSite(files);
  const { config } = loadConfig({ source, overrides: {} });
  const site = new Site(config, quiet, time);
  readSite(site, { diagnostics: quiet });
  return site;
}

/** Where the warnings of these tests go: nowhere (the tests look at the pages). */
export const quiet = new Diagnostics(() => {});

export function page(site: Site, url: string) {
  const found = site.pages.find((p) => p.url === url);
  if (!found) throw new Error(`no page at ${url}: ${site.pages.map((p) => p.url).join(', ')}`);
  return found;
}
