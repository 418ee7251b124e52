/**
 * Plugins: the GitHub Pages plugins a site lists (and ours), one file each, behind one
 * interface: a generator run after reading (in Jekyll's order), Liquid tags and filters, and a
 * `:post_render` hook. A listed plugin scholarsite does not have is named in a warning.
 */
import type { Liquid } from 'liquidjs';
import { PLUGIN_WHITELIST } from '../config/index.ts';
import type { Diagnostics } from '../errors.ts';
import { addSearchPage, searchEnabled } from '../search/index.ts';
import type { Site } from '../site/site.ts';
import { avatar } from './avatar.ts';
import { bibliographyStyle } from './bibliography-style.ts';
import { defaultLayout } from './default-layout.ts';
import { feed } from './feed.ts';
import { githubMetadataGenerator } from './github-metadata.ts';
import { includeCache } from './include-cache.ts';
import { jemoji } from './jemoji.ts';
import { mentions } from './mentions.ts';
import { optionalFrontMatter } from './optional-front-matter.ts';
import { paginate } from './paginate.ts';
import { readmeIndex } from './readme-index.ts';
import { redirectFrom } from './redirect-from.ts';
import { relativeLinks } from './relative-links.ts';
import { scholarMeta } from './scholar-meta.ts';
import { seoTag } from './seo-tag.ts';
import { sitemap } from './sitemap.ts';
import { titlesFromHeadings } from './titles-from-headings.ts';

/** Jekyll's `Plugin::PRIORITIES`: higher runs first. */
export type Priority = 'highest' | 'high' | 'normal' | 'low' | 'lowest';
const PRIORITIES: Record<Priority, number> = { highest: 100, high: 10, normal: 0, low: -10, lowest: -100 };

export interface Plugin {
  /** The plugin's gem name, as listed under `plugins:` in _config.yml. */
  name: string;
  /** Runs when this says so, listed or not (scholarsite's own features). */
  active?(site: Site): boolean;
  /** The gem's generator `priority` (`normal` when unset). */
  priority?: Priority;
  /** Its generator: adds or changes pages and documents after reading; says what is wrong to `diagnostics`. */
  generate?(site: Site, diagnostics: Diagnostics): void | Promise<void>;
  /** The Liquid tags and filters it registers. */
  liquid?(liquid: Liquid, site: Site): void;
  /** After every page and document is rendered, before writing (`:post_render` hooks). */
  postRender?(site: Site): void | Promise<void>;
}

/** The search page, last, when the site has search (the built-in theme's). */
const searchPage: Plugin = {
  name: 'scholarsite-search',
  active: searchEnabled,
  priority: 'lowest',
  generate: addSearchPage,
};

/**
 * jekyll-github-metadata is not a Jekyll generator (it munges the config when the site is made),
 * so it goes first. The others carry their gem's priority; at equal priority, this order is
 * the order in which GitHub Pages loads its always-on plugins.
 */
const PLUGINS: Plugin[] = [
  githubMetadataGenerator,
  redirectFrom,
  paginate,
  relativeLinks,
  optionalFrontMatter,
  readmeIndex,
  defaultLayout,
  titlesFromHeadings,
  sitemap,
  feed,
  seoTag,
  jemoji,
  mentions,
  avatar,
  includeCache,
  bibliographyStyle,
  scholarMeta,
  searchPage,
];

/**
 * Plugins whose work scholarsite does without a file in generate/ (the gist tag, remote themes),
 * or whose work `warnUnusedConverters` names when a site needs it.
 */
const NOTHING_TO_DO = new Set([
  'jekyll-gist',
  'jekyll-remote-theme',
  'jekyll-coffeescript',
  'jekyll-commonmark-ghpages',
]);

/**
 * Plugins whose work scholarsite does its own way: said only when GitHub Pages, which does not
 * run them, publishes the site.
 */
const DONE_HERE = new Set(['jekyll-scholar', 'jekyll/scholar']);

/** Plugins that change nothing in the built site (commands, servers, editors). */
const NOT_IN_THE_SITE = new Set([
  'jekyll-admin',
  'jekyll-compose',
  'jekyll-watch',
  'hawkins',
  'jekyll-livereload',
]);

/** What plugins scholarsite lacks would have done, for the warning. */
const MISSING: Record<string, string> = {
  'jekyll-octicons': 'it would have drawn GitHub icons with {% octicon name %}',
  'jekyll-archives': 'it would have made pages listing posts by year, category and tag',
  'jekyll-last-modified-at':
    'it would have given pages `last_modified_at` and the {% last_modified_at %} tag',
  'jekyll-toc': 'it would have added the `toc` and `toc_only` filters',
  'jekyll-email-protect': 'it would have added the `encode_email` filter',
  'jekyll-katex': 'it would have rendered maths with KaTeX on the server',
  'jekyll-spaceship': 'it would have added its extra Markdown (tables, maths, diagrams, media)',
};

/** The plugins that run for this site, in Jekyll's order (see `activeGenerators`). */
function activePlugins(site: Site): Plugin[] {
  const listed = listedPlugins(site);
  const position = (p: Plugin) => {
    const index = listed.indexOf(p.name);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  return PLUGINS.map((plugin, index) => ({ plugin, index }))
    .filter(({ plugin }) => plugin.active?.(site) || listed.includes(plugin.name))
    .sort(
      (a, b) =>
        PRIORITIES[b.plugin.priority ?? 'normal'] - PRIORITIES[a.plugin.priority ?? 'normal'] ||
        position(a.plugin) - position(b.plugin) ||
        a.index - b.index,
    )
    .map(({ plugin }) => plugin);
}

/**
 * The generators to run, in Jekyll's order: by priority, and at equal priority in the order the
 * plugins are listed (Ruby loads them, and so subclasses them, in that order).
 */
export function activeGenerators(site: Site): Plugin[] {
  return activePlugins(site).filter((plugin) => plugin.generate);
}

export async function runGenerators(site: Site, diagnostics: Diagnostics): Promise<void> {
  warnMissingPlugins(site, diagnostics);
  for (const plugin of activeGenerators(site)) await plugin.generate!(site, diagnostics);
}

/** The tags and filters of the plugins that run. */
export function registerPluginTags(liquid: Liquid, site: Site): void {
  for (const plugin of activePlugins(site)) plugin.liquid?.(liquid, site);
}

/** The `:post_render` hooks of the plugins that run (jemoji, mentions). */
export async function runPostRender(site: Site): Promise<void> {
  for (const plugin of activePlugins(site)) await plugin.postRender?.(site);
}

function listedPlugins(site: Site): string[] {
  return site.settings.plugins;
}

/** A listed plugin that scholarsite does not have is said, never silently ignored. */
function warnMissingPlugins(site: Site, diagnostics: Diagnostics): void {
  warnUnusedConverters(site, diagnostics);
  const known = new Set(PLUGINS.map((plugin) => plugin.name));
  for (const name of listedPlugins(site)) {
    if (known.has(name) || NOTHING_TO_DO.has(name) || NOT_IN_THE_SITE.has(name)) continue;
    const skippedByPages = site.githubPages && !PLUGIN_WHITELIST.includes(name);
    if (DONE_HERE.has(name) && !skippedByPages) continue;
    diagnostics.warn({
      message: skippedByPages
        ? `the plugin '${name}' is not part of scholarsite, and GitHub Pages does not run it either (it is not on GitHub Pages' list of plugins)`
        : `the plugin '${name}' is not part of scholarsite: ${MISSING[name] ?? 'what it would have added to the site is missing'}`,
      file: '_config.yml',
      hint: skippedByPages
        ? `Remove '${name}' from plugins: in _config.yml; the site GitHub Pages publishes never had it.`
        : `Remove '${name}' from plugins: in _config.yml, or add what it would have made to the site yourself.`,
    });
  }
}

/**
 * GitHub Pages also converts CoffeeScript (jekyll-coffeescript, always on there) and, with
 * `markdown: GFM`, Markdown by CommonMark (jekyll-commonmark-ghpages); scholarsite does neither.
 * Plain Jekyll 4.3 would stop on `markdown: GFM` without jekyll-commonmark: said too.
 */
function warnUnusedConverters(site: Site, diagnostics: Diagnostics): void {
  const listed = listedPlugins(site);
  const coffee = site.pages.find((page) => page.ext === '.coffee');
  if (coffee && (site.githubPages || listed.includes('jekyll-coffeescript'))) {
    diagnostics.warn({
      message: `${coffee.relativePath} is CoffeeScript, which jekyll-coffeescript would have converted to JavaScript; scholarsite writes it as it is`,
      file: coffee.sourceFile,
      hint: 'Convert it to JavaScript once (npx coffeescript -c FILE) and keep the .js file instead.',
    });
  }
  const markdown = site.settings.markdown.toLowerCase();
  if (markdown !== 'gfm' && markdown !== 'commonmarkghpages') return;
  diagnostics.warn(
    site.githubPages
      ? {
          message: `with \`markdown: ${site.settings.markdown}\` GitHub Pages converts Markdown with CommonMark (jekyll-commonmark-ghpages); scholarsite converts it as kramdown does`,
          file: '_config.yml',
          hint: "Remove the `markdown:` line to publish the same pages on GitHub Pages as here (kramdown, GitHub Pages' default).",
        }
      : {
          message: `markdown: ${site.settings.markdown} is GitHub Pages' CommonMark converter, which scholarsite does not have; Markdown is converted with kramdown (GFM input) instead`,
          file: '_config.yml',
          hint: 'Remove the markdown: setting (kramdown is the default) to build as scholarsite does, or check the pages that differ.',
        },
  );
}
