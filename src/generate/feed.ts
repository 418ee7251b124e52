/**
 * jekyll-feed 0.17: an Atom feed page per configured collection (and per category, and per
 * tag when `feed.tags` is set), whose content is the gem's Liquid template.
 */
import { type Liquid, Tag } from 'liquidjs';
import type { Config } from '../config/index.ts';
import { pageWithoutAFile } from '../site/page-without-a-file.ts';
import type { Site } from '../site/site.ts';
import { absoluteUrl } from '../site/site-urls.ts';
import type { Plugin } from './index.ts';
// The template is jekyll-feed 0.17.0's (MIT License, Copyright (c) 2015-present Ben Balter and contributors).
import { FEED_XML } from './templates/feed.ts';
import { existsInSource, jekyllEnv } from './util.ts';

/** Whitespace after a `>` or a `}`: the gem strips it. */
const MINIFY_REGEX = /(?<=>|\})\s+/g;

interface CollectionMeta {
  categories: string[];
  path?: string;
}

export const feed: Plugin = {
  name: 'jekyll-feed',
  priority: 'lowest',
  liquid: (liquid, site) => registerFeedMetaTag(liquid, site),
  generate(site: Site): void {
    const config = feedConfig(site);
    if (config.disable_in_development && jekyllEnv() === 'development') return;
    const collections = feedCollections(config);
    const template = FEED_XML.replace(MINIFY_REGEX, '');
    const add = (filePath: string, data: Config) => {
      if (existsInSource(site, filePath)) return;
      const page = pageWithoutAFile(
        site,
        '',
        filePath,
        { layout: null, sitemap: false, xsl: existsInSource(site, 'feed.xslt.xml'), ...data },
        template,
      );
      site.pages.push(page);
    };
    for (const [name, meta] of Object.entries(collections)) {
      for (const category of [...meta.categories, null]) {
        add(feedPath(collections, name, category), { collection: name, category, tags: null });
      }
    }
    const tags = siteTags(site);
    if (config.tags && tags.length) generateTagFeeds(config, tags, add);
  },
};

function feedConfig(site: Site): Config {
  const value = site.config.feed;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Config) : {};
}

/** `{ name => { categories, path } }`, with `posts` always there (top-level keys configure it). */
function feedCollections(config: Config): Record<string, CollectionMeta> {
  const raw = config.collections;
  const collections: Record<string, Config> = {};
  if (Array.isArray(raw)) for (const name of raw) collections[String(name)] = {};
  else if (raw && typeof raw === 'object') {
    for (const [name, meta] of Object.entries(raw as Config)) collections[name] = (meta ?? {}) as Config;
  }
  collections.posts ??= {};
  const posts = collections.posts;
  posts.path ??= config.path;
  posts.categories ??= config.categories;
  const result: Record<string, CollectionMeta> = {};
  for (const [name, meta] of Object.entries(collections)) {
    const categories = Array.isArray(meta.categories)
      ? meta.categories
      : meta.categories == null
        ? []
        : [meta.categories];
    result[name] = {
      categories: [...new Set(categories.map(String))],
      path: meta.path == null ? undefined : String(meta.path),
    };
  }
  return result;
}

function feedPath(
  collections: Record<string, CollectionMeta>,
  collection: string,
  category: string | null,
): string {
  const prefix = collection === 'posts' ? '/feed' : `/feed/${collection}`;
  if (category) return `${prefix}/${category}.xml`;
  return collections[collection]?.path || `${prefix}.xml`;
}

/** `site.tags.keys`, in the order Jekyll's hash has them. */
function siteTags(site: Site): string[] {
  const tags = new Set<string>();
  for (const post of site.posts.docs) {
    const values = post.data.tags;
    if (Array.isArray(values)) for (const tag of values) tags.add(String(tag));
  }
  return [...tags];
}

function generateTagFeeds(
  config: Config,
  siteTagNames: string[],
  add: (filePath: string, data: Config) => void,
): void {
  const tagsConfig =
    config.tags && typeof config.tags === 'object' && !Array.isArray(config.tags)
      ? (config.tags as Config)
      : {};
  const except = Array.isArray(tagsConfig.except) ? tagsConfig.except.map(String) : [];
  const only = Array.isArray(tagsConfig.only) ? tagsConfig.only.map(String) : siteTagNames;
  const tagsPath = tagsConfig.path == null ? '/feed/by_tag/' : String(tagsConfig.path);
  for (const tag of only.filter((t) => !except.includes(t))) {
    // Only plain tags, to keep the feed path simple.
    if (/[^a-zA-Z0-9_]/.test(tag)) continue;
    add(`${tagsPath}${tag}.xml`, { collection: 'posts', category: null, tags: tag });
  }
}

/** Ruby's `encode(xml: :attr)`: quoted, with `& < > "` escaped. */
function xmlAttr(value: unknown): string {
  const text = String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
  return `"${text}"`;
}

/** The `<link>` of `{% feed_meta %}`, pointing at the posts feed. */
export function feedMeta(config: Config): string {
  const feedConf = config.feed && typeof config.feed === 'object' ? (config.feed as Config) : {};
  const feedPathValue = feedConf.path ?? 'feed.xml';
  const title = config.title ?? config.name;
  const attributes: [string, unknown][] = [
    ['type', 'application/atom+xml'],
    ['rel', 'alternate'],
    ['href', absoluteUrl(config, feedPathValue) ?? ''],
  ];
  if (title != null && title !== false) attributes.push(['title', title]);
  return `<link ${attributes.map(([k, v]) => `${k}=${xmlAttr(v)}`).join(' ')} />`;
}

/** Registers jekyll-feed's `{% feed_meta %}` tag. */
function registerFeedMetaTag(liquid: Liquid, site: Site): void {
  liquid.registerTag(
    'feed_meta',
    class FeedMetaTag extends Tag {
      render(): string {
        return feedMeta(site.config);
      }
    },
  );
}
