/**
 * jekyll-titles-from-headings 0.5: a Markdown page without a `title` takes the text of its first
 * line when that is a heading (`#` to `###`, or underlined), as plain text (converted, tags
 * removed, spaces collapsed). With `collections: true`, written documents too.
 */

import { markdownConverter } from '../render/tools.ts';
import { normalizeWhitespace, stripHtml } from '../ruby/text.ts';
import type { Renderable } from '../site/document.ts';
import type { Site } from '../site/site.ts';
import type { Plugin } from './index.ts';
import { pluginOption } from './util.ts';

const CONFIG_KEY = 'titles_from_headings';

/** The gem's `TITLE_REGEX`: Ruby's `$` ends a line, and `(.*)` keeps closing #s. */
const TITLE =
  /^[ \t\r\n\f\v]*(?:#{1,3}[ \t\r\n\f\v]+(.*)(?:[ \t\r\n\f\v]+#{1,3})?|(.*)\r?\n[-=]+[ \t\r\n\f\v]*)$/m;
/** Footnote marks left after conversion (`EXTRA_MARKUP_REGEX`). */
const FOOTNOTE_MARK = /\[\^[^\]]*\]/g;

export const titlesFromHeadings: Plugin = {
  name: 'jekyll-titles-from-headings',
  priority: 'lowest',
  generate(site: Site): void {
    if (pluginOption(site, CONFIG_KEY, 'enabled') === false) return;
    const items: Renderable[] = [...site.pages];
    if (pluginOption(site, CONFIG_KEY, 'collections') === true)
      items.push(...site.documents.filter((doc) => doc.write && site.publishable(doc.data, doc.date)));
    let markdown: ((text: string) => string) | undefined;
    for (const item of items) {
      // A document's title is inferred from its file name: a heading replaces it.
      if (!item.isMarkdown || (item.kind === 'page' && item.data.title != null)) continue;
      const match = firstLineHeading(item.content);
      if (match !== undefined) {
        markdown ??= markdownConverter(site);
        item.data.title = normalizeWhitespace(stripHtml(markdown(match))).replace(FOOTNOTE_MARK, '');
        if (stripTitle(site, item)) item.content = item.rawContent = item.content.replace(TITLE, '').trim();
      } else if (item.kind === 'page') item.data.title = null;
    }
  },
};

/** The heading's text, when the content starts with one (only whitespace before it). */
function firstLineHeading(content: string): string | undefined {
  const match = TITLE.exec(content);
  // `\A`: the match must start at the very beginning (JavaScript's `^` with /m would not).
  if (match?.index !== 0) return undefined;
  return match[1] ?? match[2];
}

function stripTitle(site: Site, item: Renderable): boolean {
  if ('strip_title' in item.data) return item.data.strip_title === true;
  return pluginOption(site, CONFIG_KEY, 'strip_title') === true;
}
