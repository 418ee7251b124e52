/**
 * jekyll-sitemap 1.4: adds `sitemap.xml` and `robots.txt` as pages whose content is the gem's
 * Liquid template, rendered later with the site payload. Neither is added when the site
 * already has a page or static file at that url.
 */

import type { Page } from '../site/document.ts';
import { staticFileDrop } from '../site/drops.ts';
import { pageWithoutAFile } from '../site/page-without-a-file.ts';
import type { Site } from '../site/site.ts';
import type { Plugin } from './index.ts';
// The templates are jekyll-sitemap 1.4.0's (MIT License, Copyright (c) 2014-2018 Ben Balter).
import { ROBOTS_TXT, SITEMAP_XML } from './templates/sitemap.ts';

const INCLUDED_EXTENSIONS = new Set(['.htm', '.html', '.xhtml', '.pdf']);

/** Whitespace after `>\n` or after a closing `}` of a Liquid tag: the gem strips it. */
const MINIFY_REGEX = /(?<=>\n|\})\s+/g;

export const sitemap: Plugin = {
  name: 'jekyll-sitemap',
  priority: 'lowest',
  generate(site: Site): void {
    // Jekyll memoizes this list before adding either page.
    const urls = new Set([...site.pages.map((p) => p.url), ...site.staticFiles.map((f) => f.url)]);
    const added: Page[] = [];
    if (!urls.has('/sitemap.xml')) {
      const staticFiles = site.listedStaticFiles.filter((file) => INCLUDED_EXTENSIONS.has(file.extname));
      added.push(
        pageWithoutAFile(
          site,
          '',
          'sitemap.xml',
          {
            layout: null,
            // `StaticFile#to_liquid`, taken when the generator runs.
            static_files: staticFiles.map(staticFileDrop),
            xsl: urls.has('/sitemap.xsl'),
          },
          SITEMAP_XML.replace(MINIFY_REGEX, ''),
        ),
      );
    }
    if (!urls.has('/robots.txt'))
      added.push(pageWithoutAFile(site, '', 'robots.txt', { layout: null }, ROBOTS_TXT));
    site.pages.push(...added);
  },
};
