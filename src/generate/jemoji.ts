/**
 * jemoji 0.13: after rendering, `:name:` in the HTML text of pages and written documents
 * becomes GitHub's emoji image (html-pipeline 2's EmojiFilter), except inside pre, code and tt.
 *
 * Jekyll reparses the body with Nokogiri and writes it back, which also re-serializes the
 * markup around it; here only the text that holds an emoji changes.
 */
import type { Renderable } from '../site/document.ts';
import type { Site } from '../site/site.ts';
import { GEMOJI } from './data/gemoji.ts';
import type { Plugin } from './index.ts';
import { inBody, mapHtmlText } from './util.ts';

const GITHUB_DOT_COM_ASSET_HOST_URL = 'https://github.githubassets.com';
const ASSET_PATH = '/images/icons/';
const IGNORED_ANCESTOR_TAGS = new Set(['pre', 'code', 'tt']);

/** `EmojiFilter.emoji_pattern`: every gemoji name, sorted. */
const EMOJI_PATTERN = new RegExp(
  `:(${Object.keys(GEMOJI)
    .sort()
    .map((name) => name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'))
    .join('|')}):`,
  'g',
);

/** `Jekyll::Emoji.emoji_src`: `emoji.src` from the config, or GitHub's asset host. */
export function emojiSrc(config: Record<string, unknown>): string {
  const emoji = config.emoji;
  if (emoji && typeof emoji === 'object' && 'src' in emoji)
    return String((emoji as Record<string, unknown>).src);
  const host = process.env.ASSET_HOST_URL;
  return host ? `${host.replace(/\/$/, '')}${ASSET_PATH}` : `${GITHUB_DOT_COM_ASSET_HOST_URL}${ASSET_PATH}`;
}

/** Ruby's `File.join` of two parts: exactly one slash between them. */
function fileJoin(a: string, b: string): string {
  return `${a.replace(/\/+$/, '')}/${b.replace(/^\/+/, '')}`;
}

/** The `<img>` html-pipeline writes, with jemoji's `align: nil`. */
function emojiImageTag(name: string, src: string): string {
  const url = fileJoin(src, `emoji/unicode/${GEMOJI[name]}.png`);
  return `<img class="emoji" title=":${name}:" alt=":${name}:" src="${url}" height="20" width="20">`;
}

/** `emoji_image_filter` over one text. */
function emojifyText(text: string, src: string): string {
  if (!text.includes(':')) return text;
  return text.replace(EMOJI_PATTERN, (_match, name: string) => emojiImageTag(name, src));
}

/** Replace emoji in the text of an HTML fragment, not in tags, comments, scripts or ignored elements. */
function emojifyHtml(html: string, src: string): string {
  return mapHtmlText(html, IGNORED_ANCESTOR_TAGS, (text) => emojifyText(text, src));
}

/** `Jekyll::Emoji.emojify`: the body only, when there is one. */
export function emojify(output: string, src: string): string {
  EMOJI_PATTERN.lastIndex = 0;
  if (!EMOJI_PATTERN.test(output)) return output;
  EMOJI_PATTERN.lastIndex = 0;
  return inBody(output, (html) => emojifyHtml(html, src));
}

/** `Jekyll::Emoji.emojiable?`: pages and written documents with HTML output. */
function emojiable(site: Site, item: Renderable): boolean {
  const writes = item.kind === 'page' || (item.write && site.publishable(item.data, item.date));
  return (writes && item.outputExt === '.html') || Boolean(item.permalink?.endsWith('/'));
}

export const jemoji: Plugin = {
  name: 'jemoji',
  generate(): void {},
  postRender(site: Site): void {
    const src = emojiSrc(site.config);
    for (const item of [...site.pages, ...site.documents]) {
      if (item.output && emojiable(site, item)) item.output = emojify(item.output, src);
    }
  },
};
