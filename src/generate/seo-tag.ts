/**
 * jekyll-seo-tag 2.8: the `{% seo %}` tag. `SeoDrop` ports `lib/jekyll-seo-tag/drop.rb` (with the
 * author, image and JSON-LD drops) and `renderSeo` writes the gem's `template.html` as its
 * whitespace-minified form renders, field by field, with Liquid's printing and truthiness.
 */

import { type Context, type Emitter, type Liquid, Tag, type TagToken, type TopLevelToken } from 'liquidjs';
import { escapeOnce, normalizeWhitespace, stripHtml } from '../ruby/text.ts';
import { localTime, parseRubyTime, RubyTime, xmlschema } from '../ruby/time.ts';
import { isHash, rubyInspect } from '../ruby/values.ts';
import type { Site } from '../site/site.ts';
import { absoluteUrl, isAbsoluteUrl } from '../site/site-urls.ts';
import type { Plugin } from './index.ts';

const SEO_TAG_VERSION = '2.8.0';
const TITLE_SEPARATOR = ' | ';
const HOMEPAGE_OR_ABOUT_REGEX = /^\/(about\/)?(index.html?)?$/;

type Hash = Record<string, unknown>;

/** Liquid (and Ruby) truthiness: only nil and false are false. */
const truthy = (value: unknown): boolean => value !== undefined && value !== null && value !== false;
/** Ruby's `a || b`. */
const or = <T>(...values: T[]): T | undefined => values.find(truthy);

export interface SeoOptions {
  /** Jekyll's `markdownify` (kramdown). Defaults to the Liquid engine's `markdownify` filter. */
  markdownify?: (text: string) => string;
}

/** The inputs of one `{% seo %}`: what the tag reads from the Liquid context. */
export interface SeoInput {
  /** The tag's arguments (`title=false`). */
  text: string;
  page: Hash;
  site: Hash;
  paginator?: Hash | null;
  jekyllVersion?: string;
}

// Ruby's `\s` is ASCII whitespace only.
const URI_CLASS = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]/;
/** Jekyll's `uri_escape` (`Addressable::URI.normalize_component`). */
export function uriEscape(input: string): string {
  let out = '';
  const raw = Buffer.from(input.normalize('NFC'), 'utf8');
  for (let i = 0; i < raw.length; i++) {
    let byte = raw[i];
    if (byte === 0x25 && /^[0-9a-f]{2}$/i.test(raw.toString('latin1', i + 1, i + 3))) {
      byte = Number.parseInt(raw.toString('latin1', i + 1, i + 3), 16);
      i += 2;
    }
    const char = String.fromCharCode(byte);
    out +=
      byte < 0x80 && URI_CLASS.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Jekyll's `date_to_xmlschema`. */
function dateToXmlschema(value: unknown): unknown {
  if (value == null || String(value) === '') return value;
  const date = value instanceof Date ? localTime(value) : parseRubyTime(String(value));
  return date ? xmlschema(date) : value;
}

/** How Liquid prints a value: nil as nothing, arrays joined, Ruby's `to_s` for the rest. */
function liquidToS(value: unknown): string {
  if (value == null) return '';
  if (Array.isArray(value)) return value.map(liquidToS).join('');
  if (value instanceof RubyTime) return value.toString();
  if (value instanceof Date) return new RubyTime(value).toString();
  if (isHash(value)) return rubyInspect(value);
  if (typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value)) return String(value);
  return String(value);
}

/** `AuthorDrop`: the page's author, from `page.author`, `page.authors[0]` or `site.author`. */
class AuthorDrop {
  readonly hash: Hash;
  constructor(page: Hash, site: Hash) {
    const sources: unknown[] = [page.author];
    if (Array.isArray(page.authors)) sources.push(page.authors[0]);
    sources.push(site.author);
    // Ruby's `to_s.empty?`: an empty hash prints `{}`, so it counts.
    const resolved = sources.find((s) => s != null && s !== '');
    if (isHash(resolved)) this.hash = resolved;
    else if (typeof resolved === 'string') {
      const authors = isHash(site.data) ? site.data.authors : undefined;
      const extra = isHash(authors) && isHash(authors[resolved]) ? authors[resolved] : {};
      this.hash = { name: resolved, ...extra };
    } else this.hash = {};
  }
  get name(): unknown {
    return this.hash.name;
  }
  get twitter(): string | undefined {
    const twitter = or(this.hash.twitter, this.hash.name);
    return typeof twitter === 'string' ? twitter.replace(/^@/, '') : undefined;
  }
}

/** `ImageDrop`: `image` as a string, or a hash with `path` (or `facebook`, `twitter`). */
class ImageDrop {
  readonly hash: Hash;
  constructor(
    page: Hash,
    private readonly site: Hash,
  ) {
    const meta = page.image;
    if (isHash(meta)) this.hash = { path: null, ...meta };
    else if (typeof meta === 'string') this.hash = { path: meta };
    else this.hash = { path: null };
  }
  private get rawPath(): unknown {
    return or(this.hash.path, this.hash.facebook, this.hash.twitter);
  }
  /** The escaped, absolute url of the image. */
  get path(): string | undefined {
    const raw = this.rawPath;
    if (!truthy(raw)) return undefined;
    const absolute = typeof raw === 'string' && !isAbsoluteUrl(raw) ? absoluteUrl(this.site, raw) : raw;
    return truthy(absolute) ? uriEscape(String(absolute)) : undefined;
  }
  /** `to_h`: `path` first, then the image hash's own keys. */
  toHash(): Hash {
    return { ...this.hash, path: this.path };
  }
  get(key: string): unknown {
    return key === 'path' ? this.path : this.hash[key];
  }
}

/** `Jekyll::SeoTag::Drop`. */
class SeoDrop {
  readonly version = SEO_TAG_VERSION;
  private readonly cache = new Map<string, unknown>();

  constructor(
    private readonly input: SeoInput,
    private readonly markdownify: (text: string) => string,
  ) {}

  private memo<T>(key: string, compute: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, compute());
    return this.cache.get(key) as T;
  }

  private get page(): Hash {
    return this.input.page;
  }
  private get site(): Hash {
    return this.input.site;
  }

  /** markdownify → strip_html → normalize_whitespace → escape_once; nil when empty. */
  formatString(value: unknown): string | undefined {
    const text = String(
      escapeOnce(normalizeWhitespace(stripHtml(this.markdownify(value == null ? '' : liquidToS(value))))),
    );
    return text === '' ? undefined : text;
  }

  get titleQ(): boolean {
    if (!this.title) return false;
    return !/title=false/i.test(this.input.text);
  }
  get siteTitle(): string | undefined {
    return this.memo('site_title', () => this.formatString(or(this.site.title, this.site.name)));
  }
  get siteTagline(): string | undefined {
    return this.memo('site_tagline', () => this.formatString(this.site.tagline));
  }
  get siteDescription(): string | undefined {
    return this.memo('site_description', () => this.formatString(this.site.description));
  }
  get pageTitle(): string | undefined {
    return this.memo('page_title', () => or(this.formatString(this.page.title), this.siteTitle));
  }
  get siteTaglineOrDescription(): string | undefined {
    return or(this.siteTagline, this.siteDescription);
  }
  get title(): string | undefined {
    const title = this.memo('title', () => {
      const { siteTitle, pageTitle, siteDescription } = this;
      if (siteTitle && pageTitle !== siteTitle) return pageTitle + TITLE_SEPARATOR + siteTitle;
      if (siteDescription && siteTitle) return siteTitle + TITLE_SEPARATOR + this.siteTaglineOrDescription;
      return or(pageTitle, siteTitle);
    });
    const number = this.pageNumber;
    return number ? number + (title ?? '') : title;
  }
  get name(): string | undefined {
    return this.memo('name', () => {
      if (this.seoName) return this.seoName;
      if (!this.homepageOrAbout) return undefined;
      const social = this.siteSocial;
      if (truthy(social.name)) return this.formatString(social.name);
      return this.siteTitle;
    });
  }
  get description(): string | undefined {
    return this.memo('description', () =>
      or(this.formatString(or(this.page.description, this.page.excerpt)), this.siteDescription),
    );
  }
  get author(): AuthorDrop {
    return this.memo('author', () => new AuthorDrop(this.page, this.site));
  }
  get image(): ImageDrop | undefined {
    const image = this.memo('image', () => new ImageDrop(this.page, this.site));
    return image.path ? image : undefined;
  }
  get dateModified(): unknown {
    return this.memo('date_modified', () => {
      const date = or(this.pageSeo.date_modified, this.page.last_modified_at, this.page.date);
      return truthy(date) ? dateToXmlschema(date) : undefined;
    });
  }
  get datePublished(): unknown {
    return truthy(this.page.date) ? dateToXmlschema(this.page.date) : undefined;
  }
  get type(): unknown {
    return this.memo('type', () => {
      if (truthy(this.pageSeo.type)) return this.pageSeo.type;
      if (this.homepageOrAbout) return 'WebSite';
      if (truthy(this.page.date)) return 'BlogPosting';
      return 'WebPage';
    });
  }
  get links(): unknown {
    if (truthy(this.pageSeo.links)) return this.pageSeo.links;
    if (this.homepageOrAbout && truthy(this.siteSocial.links)) return this.siteSocial.links;
    return undefined;
  }
  get logo(): string | undefined {
    const logo = this.site.logo;
    if (!truthy(logo)) return undefined;
    const text = liquidToS(logo);
    return uriEscape(isAbsoluteUrl(text) ? text : (absoluteUrl(this.site, text) ?? ''));
  }
  get pageLang(): unknown {
    return or(this.page.lang, this.site.lang, 'en_US');
  }
  get pageLocale(): string {
    return liquidToS(or(this.page.locale, this.site.locale, this.pageLang)).replace(/-/g, '_');
  }
  get canonicalUrl(): unknown {
    return this.memo('canonical_url', () => {
      const own = this.page.canonical_url;
      if (own == null || liquidToS(own) === '') {
        return liquidToS(absoluteUrl(this.site, this.page.url)).replace(/\/index\.html$/, '/');
      }
      return own;
    });
  }

  /** The JSON-LD object, keys sorted, nils left out (`JSONLDDrop#to_json`). */
  get jsonLd(): Hash {
    const author = this.author;
    let jsonAuthor: Hash | undefined;
    if (truthy(author.name)) {
      const type = author.hash.type;
      if (!truthy(type) || type === 'Organization' || type === 'Person') {
        jsonAuthor = { '@type': truthy(type) ? type : 'Person', name: author.name };
        if (truthy(author.hash.url)) jsonAuthor.url = author.hash.url;
      }
    }
    const image = this.image;
    let jsonImage: unknown;
    if (image) {
      if (Object.keys(image.hash).length === 1) jsonImage = image.path;
      else {
        const { path, ...rest } = image.toHash();
        jsonImage = { ...rest, url: path, '@type': 'imageObject' };
      }
    }
    const logo = this.logo;
    let publisher: Hash | undefined;
    if (logo) {
      publisher = { '@type': 'Organization', logo: { '@type': 'ImageObject', url: logo } };
      if (truthy(author.name)) publisher.name = author.name;
    }
    const type = this.type;
    const all: Hash = {
      '@context': 'https://schema.org',
      '@type': type,
      author: jsonAuthor,
      dateModified: this.dateModified,
      datePublished: this.datePublished,
      description: this.description,
      headline: this.pageTitle,
      image: jsonImage,
      mainEntityOfPage:
        type === 'BlogPosting' || type === 'CreativeWork'
          ? { '@type': 'WebPage', '@id': this.canonicalUrl }
          : undefined,
      name: this.name,
      publisher,
      sameAs: this.links,
      url: this.canonicalUrl,
    };
    return Object.fromEntries(Object.entries(all).filter(([, v]) => v != null));
  }

  private get homepageOrAbout(): boolean {
    return HOMEPAGE_OR_ABOUT_REGEX.test(liquidToS(this.page.url));
  }
  private get pageNumber(): string | undefined {
    const paginator = this.input.paginator;
    if (!paginator || !truthy(paginator.page)) return undefined;
    const current = Number(paginator.page);
    const message = liquidToS(or(this.site.seo_paginator_message, 'Page %<current>s of %<total>s for '));
    if (!(current > 1)) return undefined;
    return message
      .replace(/%<current>s/g, liquidToS(paginator.page))
      .replace(/%<total>s/g, liquidToS(paginator.total_pages))
      .replace(/%%/g, '%');
  }
  private get seoName(): string | undefined {
    return truthy(this.pageSeo.name) ? this.formatString(this.pageSeo.name) : undefined;
  }
  private get pageSeo(): Hash {
    return isHash(this.page.seo) ? this.page.seo : {};
  }
  private get siteSocial(): Hash {
    return isHash(this.site.social) ? this.site.social : {};
  }
}

/** `template.html` after the gem's minification, filled in from the drop. */
export function renderSeo(input: SeoInput, markdownify: (text: string) => string): string {
  const seo = new SeoDrop(input, markdownify);
  const { page, site } = input;
  const paginator = input.paginator ?? {};
  const s = liquidToS;
  const get = (value: unknown, key: string): unknown => (isHash(value) ? value[key] : undefined);
  const absolute = (value: unknown) => absoluteUrl(site, value);
  const remove = (value: unknown, what: string) => s(value).split(what).join('');
  let out = `<!-- Begin Jekyll SEO tag v${seo.version} -->\n`;
  if (seo.titleQ) out += `<title>${s(seo.title)}</title>\n`;
  out += `<meta name="generator" content="Jekyll v${s(input.jekyllVersion ?? '4.3.1')}" />\n`;
  if (truthy(seo.pageTitle)) out += `<meta property="og:title" content="${s(seo.pageTitle)}" />\n`;
  if (truthy(seo.author.name)) out += `<meta name="author" content="${s(seo.author.name)}" />\n`;
  out += `<meta property="og:locale" content="${s(seo.pageLocale)}" />\n`;
  if (truthy(seo.description)) {
    out += `<meta name="description" content="${s(seo.description)}" />\n`;
    out += `<meta property="og:description" content="${s(seo.description)}" />\n`;
  }
  if (truthy(site.url)) {
    out += `<link rel="canonical" href="${s(seo.canonicalUrl)}" />\n`;
    out += `<meta property="og:url" content="${s(seo.canonicalUrl)}" />\n`;
  }
  if (truthy(seo.siteTitle)) out += `<meta property="og:site_name" content="${s(seo.siteTitle)}" />\n`;
  const image = seo.image;
  if (image) {
    out += `<meta property="og:image" content="${s(image.path)}" />\n`;
    if (truthy(image.get('height')))
      out += `<meta property="og:image:height" content="${s(image.get('height'))}" />\n`;
    if (truthy(image.get('width')))
      out += `<meta property="og:image:width" content="${s(image.get('width'))}" />\n`;
    if (truthy(image.get('alt')))
      out += `<meta property="og:image:alt" content="${s(image.get('alt'))}" />\n`;
  }
  if (truthy(page.date)) {
    out += '<meta property="og:type" content="article" />\n';
    out += `<meta property="article:published_time" content="${s(dateToXmlschema(page.date))}" />\n`;
  } else {
    out += '<meta property="og:type" content="website" />\n';
  }
  if (truthy(paginator.previous_page))
    out += `<link rel="prev" href="${s(absolute(paginator.previous_page_path))}" />\n`;
  if (truthy(paginator.next_page))
    out += `<link rel="next" href="${s(absolute(paginator.next_page_path))}" />\n`;
  if (image) {
    const card = or(get(page.twitter, 'card'), get(site.twitter, 'card'), 'summary_large_image');
    out += `<meta name="twitter:card" content="${s(card)}" />\n`;
    out += `<meta property="twitter:image" content="${s(image.path)}" />\n`;
  } else {
    out += '<meta name="twitter:card" content="summary" />\n';
  }
  if (image && truthy(image.get('alt')))
    out += `<meta name="twitter:image:alt" content="${s(image.get('alt'))}" />\n`;
  if (truthy(seo.pageTitle)) out += `<meta property="twitter:title" content="${s(seo.pageTitle)}" />\n`;
  if (truthy(site.twitter)) {
    out += `<meta name="twitter:site" content="@${remove(get(site.twitter, 'username'), '@')}" />\n`;
    if (truthy(seo.author.twitter))
      out += `<meta name="twitter:creator" content="@${remove(seo.author.twitter, '@')}" />\n`;
  }
  const facebook = site.facebook;
  if (truthy(facebook)) {
    if (truthy(get(facebook, 'admins')))
      out += `<meta property="fb:admins" content="${s(get(facebook, 'admins'))}" />\n`;
    if (truthy(get(facebook, 'publisher')))
      out += `<meta property="article:publisher" content="${s(get(facebook, 'publisher'))}" />\n`;
    if (truthy(get(facebook, 'app_id')))
      out += `<meta property="fb:app_id" content="${s(get(facebook, 'app_id'))}" />\n`;
  }
  const verifications = site.webmaster_verifications;
  if (truthy(verifications)) {
    const names: [string, string, string][] = [
      ['google', 'name', 'google-site-verification'],
      ['bing', 'name', 'msvalidate.01'],
      ['alexa', 'name', 'alexaVerifyID'],
      ['yandex', 'name', 'yandex-verification'],
      ['baidu', 'name', 'baidu-site-verification'],
      ['facebook', 'name', 'facebook-domain-verification'],
    ];
    for (const [key, attr, name] of names) {
      const value = get(verifications, key);
      if (truthy(value)) out += `<meta ${attr}="${name}" content="${s(value)}" />\n`;
    }
  } else if (truthy(site.google_site_verification)) {
    out += `<meta name="google-site-verification" content="${s(site.google_site_verification)}" />\n`;
  }
  out += `<script type="application/ld+json">\n${JSON.stringify(seo.jsonLd)}</script>\n<!-- End Jekyll SEO tag -->\n`;
  return out;
}

/**
 * Registers `{% seo %}` on a Liquid engine. Markdown (for titles and descriptions) goes through
 * the engine's own `markdownify` filter unless `options.markdownify` is given.
 */
export function registerSeoTag(liquid: Liquid, site: Site, options: SeoOptions = {}): void {
  const markdownify = (text: string): string => {
    if (options.markdownify) return options.markdownify(text);
    const filter = liquid.filters.markdownify;
    const fn = typeof filter === 'function' ? filter : filter?.handler;
    if (!fn) return text;
    const result = (fn as (this: unknown, value: string) => unknown).call(
      { liquid, context: undefined },
      text,
    );
    return typeof result === 'string' ? result : text;
  };
  liquid.registerTag(
    'seo',
    class SeoTag extends Tag {
      private readonly text: string;
      constructor(token: TagToken, remainTokens: TopLevelToken[], engine: Liquid) {
        super(token, remainTokens, engine);
        this.text = token.args;
      }
      render(ctx: Context, emitter: Emitter): void {
        const asHash = (value: unknown): Hash => (isHash(value) ? value : {});
        const siteValue = ctx.getSync(['site']);
        const siteDrop = isHash(siteValue) ? siteValue : site.config;
        const input: SeoInput = {
          text: this.text,
          page: asHash(ctx.getSync(['page'])),
          site: siteDrop,
          paginator: (ctx.getSync(['paginator']) as Hash | null | undefined) ?? null,
          jekyllVersion: liquidToS(asHash(ctx.getSync(['jekyll'])).version ?? '4.3.1'),
        };
        emitter.write(renderSeo(input, markdownify));
      }
    },
  );
}

export const seoTag: Plugin = {
  name: 'jekyll-seo-tag',
  liquid: (liquid, site) => registerSeoTag(liquid, site),
};
