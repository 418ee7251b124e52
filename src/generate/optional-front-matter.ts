/**
 * jekyll-optional-front-matter 0.3: a Markdown file without front matter becomes a page too
 * (its static copy is still written, unless `remove_originals`), except README, LICENSE and the
 * like, unless `include` names them.
 */
import { EntryFilter } from '../read/entry-filter.ts';
import type { Site } from '../site/site.ts';
import type { Plugin } from './index.ts';
import { isMarkdownFile, pageFromStaticFile, pluginOption } from './util.ts';

const CONFIG_KEY = 'optional_front_matter';

/** `FILENAME_BLACKLIST`, compared with the upper-cased name without extension. */
const SKIPPED_NAMES = new Set([
  'README',
  'LICENSE',
  'LICENCE',
  'COPYING',
  'CODE_OF_CONDUCT',
  'CONTRIBUTING',
  'ISSUE_TEMPLATE',
  'PULL_REQUEST_TEMPLATE',
]);

export const optionalFrontMatter: Plugin = {
  name: 'jekyll-optional-front-matter',
  generate(site: Site): void {
    if (pluginOption(site, CONFIG_KEY, 'enabled') === false || site.config.require_front_matter) return;
    const filter = new EntryFilter(site.source, site.settings.include, []);
    const markdown = site.staticFiles.filter((file) => !file.collection && isMarkdownFile(site, file.name));
    const kept = markdown.filter(
      (file) => filter.included(file.relativePath) || !SKIPPED_NAMES.has(file.basename.toUpperCase()),
    );
    for (const file of kept) site.pages.push(pageFromStaticFile(site, file));
    if (pluginOption(site, CONFIG_KEY, 'remove_originals') === true)
      site.staticFiles = site.staticFiles.filter((file) => !kept.includes(file));
  },
};
