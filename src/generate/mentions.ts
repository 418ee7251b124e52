/**
 * jekyll-mentions 1.6: after rendering, `@name` in the HTML text of pages and written documents
 * becomes a link to that GitHub user (html-pipeline's MentionFilter), except inside pre, code,
 * a, style and script. `jekyll-mentions: URL` (or `{ base_url: URL }`), in the config or a page's
 * front matter, links elsewhere; `jekyll-mentions: false` on a page leaves it alone.
 */
import type { Config } from '../config/index.ts';
import { SiteError } from '../errors.ts';
import type { Renderable } from '../site/document.ts';
import type { Site } from '../site/site.ts';
import type { Plugin } from './index.ts';
import { inBody, mapHtmlText } from './util.ts';

const GITHUB_DOT_COM = 'https://github.com';
const IGNORED_PARENTS = new Set(['pre', 'code', 'a', 'style', 'script']);
/** Names that link to GitHub's help about mentions, which jekyll-mentions leaves as text. */
const MENTION_WORDS = new Set(['mention', 'mentions', 'mentioned', 'mentioning']);

/**
 * `MentionPatterns[/[\w][\w-]*\/]` (case-insensitive): `@name` after a non-word character or at
 * a line's start, not followed by `/`, ending where a word cannot go on.
 */
const MENTION = /(^|\W)@([\w][\w-]*)(?!\/)(?=\.+[ \t\W]|\.+$|[^0-9a-zA-Z_.]|$)/gim;

export const mentions: Plugin = {
  name: 'jekyll-mentions',
  postRender(site: Site): void {
    for (const item of [...site.pages, ...site.documents]) {
      if (!item.output?.includes('@') || !mentionable(site, item)) continue;
      const config = 'jekyll-mentions' in item.data ? { ...site.config, ...item.data } : site.config;
      item.output = mentionify(item.output, mentionBase(config, item.sourceFile));
    }
  },
};

/** `Jekyll::Mentions.mentionable?`: pages and written documents with HTML output. */
function mentionable(site: Site, item: Renderable): boolean {
  const writes = item.kind === 'page' || (item.write && site.publishable(item.data, item.date));
  return (
    writes &&
    (item.outputExt === '.html' || Boolean(item.permalink?.endsWith('/'))) &&
    item.data['jekyll-mentions'] !== false
  );
}

/** `mention_base`: where a mention links to. */
function mentionBase(config: Config, file: string): string {
  const setting = config['jekyll-mentions'];
  if (setting == null) return defaultBase();
  if (typeof setting === 'string') return setting;
  if (typeof setting === 'object' && !Array.isArray(setting))
    return String((setting as Config).base_url ?? defaultBase());
  throw new SiteError({
    message: `Your jekyll-mentions config has to either be a string or a hash. It's ${JSON.stringify(setting)} right now.`,
    file,
    hint: 'Write `jekyll-mentions: https://github.com` or `jekyll-mentions: { base_url: https://github.com }`.',
  });
}

function defaultBase(): string {
  const { SSL, GITHUB_HOSTNAME } = process.env;
  if (SSL && GITHUB_HOSTNAME)
    return `${SSL === 'true' ? 'https://' : 'http://'}${GITHUB_HOSTNAME.replace(/\/$/, '')}`;
  return GITHUB_DOT_COM;
}

/** The body only, when there is one (`mentionify`). */
function mentionify(output: string, base: string): string {
  return inBody(output, (html) => mentionHtml(html, base));
}

/** Mentions in the text of an HTML fragment, not in tags, comments or ignored elements. */
function mentionHtml(html: string, base: string): string {
  const href = base.replace(/(?<![/~])$/, '/');
  const link = (text: string) =>
    text.includes('@')
      ? text.replace(MENTION, (match, before: string, login: string) =>
          MENTION_WORDS.has(login.toLowerCase())
            ? match
            : `${before}<a href="${href}${login}" class="user-mention">@${login}</a>`,
        )
      : text;
  return mapHtmlText(html, IGNORED_PARENTS, link);
}
