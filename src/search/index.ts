/**
 * Full-text search of the built site with Pagefind: the pages the theme marks
 * (`data-pagefind-body`) are indexed from the HTML about to be written, and the index goes out
 * with the site in `pagefind/`, so the search works from the built files alone, offline too.
 */

import { usesBuiltInTheme } from '../config/theme.ts';
import { SiteError } from '../errors.ts';
import { importPackage } from '../import-package.ts';
import { someIncludeFile } from '../site/include-files.ts';
import { pageWithoutAFile } from '../site/page-without-a-file.ts';
import type { Site } from '../site/site.ts';
import type { OutputFile } from '../write/writer.ts';

/**
 * On with the built-in theme unless `search: false`. A site with its own theme gets the index
 * with `search: true` only when its layouts or includes name Pagefind: elsewhere `search: true` is
 * that theme's own setting (academicpages', Minimal Mistakes' search), and a `pagefind/` folder
 * GitHub Pages never publishes would be dead weight in `_site/`.
 */
export function searchEnabled(site: Site): boolean {
  const setting = site.config.search;
  if (usesBuiltInTheme(site.config)) return setting !== false;
  return setting === true && templatesNamePagefind(site);
}

/**
 * Whether each site's templates name Pagefind, decided once a build: `searchEnabled` is asked by
 * each pass over the plugins and again before indexing, and the includes are read to know.
 */
const namesPagefind = new WeakMap<Site, boolean>();

function templatesNamePagefind(site: Site): boolean {
  let answer = namesPagefind.get(site);
  if (answer === undefined) {
    answer = readTemplatesForPagefind(site);
    namesPagefind.set(site, answer);
  }
  return answer;
}

/** Whether a layout or an include of the site (or of its theme) says `pagefind`. */
function readTemplatesForPagefind(site: Site): boolean {
  if ([...site.layouts.values()].some((layout) => layout.sourceText.includes('pagefind'))) return true;
  return someIncludeFile(site.includeDirs, (text) => text.includes('pagefind'));
}

/**
 * The page the search box leads to (`search_page`, default `/search/`), unless the site has one,
 * or its own theme has no `search` layout to draw it: there `search: true` is the theme's own
 * setting (Minimal Mistakes'), and a page Jekyll never makes would show in the site's lists of
 * pages (academicpages' sitemap page).
 */
export function addSearchPage(site: Site): void {
  const url = site.settings.searchPage;
  if (site.pages.some((page) => page.url === url)) return;
  if (!usesBuiltInTheme(site.config) && !site.layouts.has('search')) return;
  const dir = url.replace(/\/[^/]*$/, '');
  const name = url.endsWith('/') ? 'index.html' : (url.split('/').pop() ?? 'search.html');
  site.pages.push(
    pageWithoutAFile(site, dir, name, { layout: 'search', title: 'Search', permalink: url, sitemap: false }),
  );
}

/** The index files for these outputs (their HTML pages), to write with them. */
export async function searchIndex(files: OutputFile[], baseurl: string): Promise<OutputFile[]> {
  const pagefind = await importPackage<typeof import('pagefind')>('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(errors.join('; '));
    for (const file of files) {
      if (file.text === undefined || !/\.html$/.test(file.destination)) continue;
      const url = `${baseurl.replace(/\/+$/, '')}/${file.destination.replace(/index\.html$/, '')}`;
      await index.addHTMLFile({ url, content: file.text });
    }
    const written = await index.getFiles();
    if (written.errors.length) throw new Error(written.errors.join('; '));
    return written.files.map((file) => ({
      destination: `pagefind/${file.path.replace(/^\/+/, '')}`,
      source: 'search index',
      bytes: file.content,
    }));
  } catch (error) {
    throw new SiteError({
      message: `the search index could not be made: ${(error as Error).message}`,
      file: '_config.yml',
      hint: 'Write `search: false` in _config.yml to build without search.',
    });
  } finally {
    await pagefind.close();
  }
}
