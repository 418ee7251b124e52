/**
 * jekyll-redirect-from 0.16: a redirect page for each `redirect_from` entry, `redirect_to`
 * pages and documents turned into redirects, and `redirects.json` listing them all.
 */
import type { Config } from '../config/index.ts';
import type { Page, Renderable } from '../site/document.ts';
import { pageWithoutAFile } from '../site/page-without-a-file.ts';
import type { Site } from '../site/site.ts';
import { absoluteUrl, ensureLeadingSlash } from '../site/site-urls.ts';
import type { Plugin } from './index.ts';
// The layout is jekyll-redirect-from 0.16.0's redirect.html (MIT License, Copyright (c) 2013- Parker Moore).
import { REDIRECT_HTML } from './templates/redirect-from.ts';
import { existsInSource } from './util.ts';

export const redirectFrom: Plugin = {
  name: 'jekyll-redirect-from',
  priority: 'normal',
  generate(site: Site): void {
    const redirects: Record<string, string> = {};
    // The gem's own layout, unless the site has one named `redirect`.
    if (!site.layouts.has('redirect')) {
      site.layouts.set('redirect', {
        name: 'redirect',
        relativePath: '_layouts/redirect.html',
        data: {},
        content: REDIRECT_HTML,
        bodyLine: 1,
        sourceText: REDIRECT_HTML,
      });
    }
    // Documents to write first, then the pages as they were before any redirect page is added.
    const docs: Renderable[] = site.documents.filter(
      (doc) => doc.write && site.publishable(doc.data, doc.date),
    );
    for (const item of [...docs, ...site.pages]) {
      for (const from of redirectFromList(item)) {
        const page = redirectPage(site, from, item.url);
        site.pages.push(page);
        const { redirect } = page.data as { redirect: { from: string; to: string } };
        redirects[redirect.from] = redirect.to;
      }
      const to = redirectTo(item);
      if (to != null) {
        const page = redirectPage(site, item.url, to);
        // `doc.data.merge!(page.data)`: the item becomes the redirect, rendered in its layout.
        Object.assign(item.data, ownData(page));
        item.content = '';
        item.rawContent = '';
        item.output = '';
        const { redirect } = page.data as { redirect: { from: string; to: string } };
        redirects[redirect.from] = redirect.to;
      }
    }
    const json = site.config.redirect_from;
    const wantJson = !(json && typeof json === 'object' && (json as Config).json === false);
    if (wantJson && !existsInSource(site, 'redirects.json')) {
      site.pages.push(
        pageWithoutAFile(site, '', 'redirects.json', { layout: null }, JSON.stringify(redirects)),
      );
    }
  },
};

/** The keys the gem itself set on a redirect page (not the front matter defaults). */
const OWN_KEYS = ['sitemap', 'layout', 'permalink', 'redirect'];
function ownData(page: Page): Config {
  return Object.fromEntries(OWN_KEYS.map((key) => [key, page.data[key]]));
}

/** `Redirectable#redirect_from`: a list, nils dropped. */
function redirectFromList(item: Renderable): string[] {
  const value = item.data.redirect_from;
  if (Array.isArray(value)) return value.filter((v) => v != null).map(String);
  return value == null ? [] : [String(value)];
}

/** `Redirectable#redirect_to`: the first non-nil entry of a list. */
function redirectTo(item: Renderable): string | undefined {
  const value = item.data.redirect_to;
  if (Array.isArray(value)) {
    const first = value.find((v) => v != null);
    return first == null ? undefined : String(first);
  }
  return value == null ? undefined : String(value);
}

/** `RedirectPage.from_paths`: a page at `from` whose layout sends the browser to `to`. */
function redirectPage(site: Site, from: string, to: string): Page {
  const fromPath = ensureLeadingSlash(from);
  return pageWithoutAFile(site, '', 'redirect.html', {
    sitemap: false,
    layout: 'redirect',
    permalink: fromPath,
    redirect: { from: fromPath, to: /^https?:\/\//.test(to) ? to : (absoluteUrl(site.config, to) ?? '') },
  });
}
