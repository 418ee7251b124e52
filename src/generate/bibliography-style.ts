/**
 * The stylesheet of `{% bibliography %}` and `{% reference %}` on a site with a theme of its own:
 * the built-in theme's styles for publication lists with every rule under the lists' wrapper
 * (theme/standalone/bibliography.css), written at /assets/scholarsite/bibliography.css when a
 * page, layout or include uses one of those tags (BibTeX pages of a site without layouts do). A stylesheet file rather than a `<style>` in
 * each page: a `<link rel="stylesheet">` may stand in the body where the tag is, and browsers
 * fetch it once for the whole site.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BUILT_IN_THEME_ROOT, usesBuiltInTheme } from '../config/theme.ts';
import { STANDALONE_LAYOUT, usesBibliographyTags } from '../read/bibliography/index.ts';
import { BIBLIOGRAPHY_STYLESHEET } from '../render/liquid/tags/bibliography.ts';
import { Page } from '../site/document.ts';
import type { Site } from '../site/site.ts';
import type { Plugin } from './index.ts';

const STYLESHEET_SOURCE = path.join(BUILT_IN_THEME_ROOT, 'standalone', 'bibliography.css');

/** Whether each site needs the stylesheet, decided once a build (its files are read to know). */
const needed = new WeakMap<Site, boolean>();

function needsStylesheet(site: Site): boolean {
  let answer = needed.get(site);
  if (answer === undefined) {
    answer =
      !usesBuiltInTheme(site.config) &&
      (site.layouts.has(STANDALONE_LAYOUT) || usesBibliographyTags(site, { includes: true }));
    needed.set(site, answer);
  }
  return answer;
}

export const bibliographyStyle: Plugin = {
  name: 'scholarsite-bibliography-style',
  active: needsStylesheet,
  generate(site: Site) {
    const css = readFileSync(STYLESHEET_SOURCE, 'utf8');
    const page = new Page(
      site,
      path.posix.dirname(BIBLIOGRAPHY_STYLESHEET),
      path.posix.basename(BIBLIOGRAPHY_STYLESHEET),
    );
    page.data = { layout: 'none', sitemap: false, render_with_liquid: false };
    page.content = css;
    page.rawContent = css;
    page.hasFrontMatter = true;
    site.pages.push(page);
  },
};
