/**
 * What GitHub Pages does to a site's config before every build (the `github-pages` gem's
 * `GitHubPages::Configuration`, lib/github-pages/configuration.rb and plugins.rb), and how we tell
 * whether a site is published that way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './defaults.ts';

/** Plugins GitHub Pages runs for every site (`Plugins::DEFAULT_PLUGINS`, those that make pages). */
export const ALWAYS_ON_PLUGINS = [
  'jekyll-gist',
  'jekyll-github-metadata',
  'jekyll-paginate',
  'jekyll-relative-links',
  'jekyll-optional-front-matter',
  'jekyll-readme-index',
  'jekyll-default-layout',
  'jekyll-titles-from-headings',
];

/** `Plugins::PLUGIN_WHITELIST`: the only plugins GitHub Pages loads. */
export const PLUGIN_WHITELIST = [
  'jekyll-coffeescript',
  'jekyll-commonmark-ghpages',
  'jekyll-feed',
  'jekyll-gist',
  'jekyll-github-metadata',
  'jekyll-paginate',
  'jekyll-redirect-from',
  'jekyll-seo-tag',
  'jekyll-sitemap',
  'jekyll-avatar',
  'jemoji',
  'jekyll-mentions',
  'jekyll-relative-links',
  'jekyll-optional-front-matter',
  'jekyll-readme-index',
  'jekyll-default-layout',
  'jekyll-titles-from-headings',
  'jekyll-include-cache',
  'jekyll-octicons',
  'jekyll-remote-theme',
];

/**
 * `Configuration::DEFAULTS`: what GitHub Pages sets unless the site says otherwise. The gem's
 * `future: true` is left out: it merges its defaults under `site.config`, which already holds
 * Jekyll's own (`future: false`), so a future post stays unpublished unless the site says so.
 */
const DEFAULTS: Config = {
  theme: 'jekyll-theme-primer',
  markdown: 'kramdown',
  kramdown: {
    input: 'GFM',
    hard_wrap: false,
    gfm_quirks: 'paragraph_end',
    syntax_highlighter_opts: { default_lang: 'plaintext' },
  },
};

/** `Configuration::OVERRIDES`: what GitHub Pages sets whatever the site says. */
const OVERRIDES: Config = {
  lsi: false,
  safe: true,
  highlighter: 'rouge',
  kramdown: { template: '', math_engine: 'mathjax', syntax_highlighter: 'rouge' },
  gist: { noscript: false },
  whitelist: PLUGIN_WHITELIST,
};

/**
 * The gem's layers, `DEFAULTS < the site's config < OVERRIDES`, given as two configs to merge
 * around the site's own (`effective_config`). `exclude` gains `CNAME` only when the site sets
 * none, and `sass.style` is `compressed` in production, as on GitHub Pages.
 */
export function githubPagesLayers(
  siteConfig: Config,
  environment: string,
): { defaults: Config; overrides: Config } {
  const defaults: Config = { ...DEFAULTS };
  if (!('exclude' in siteConfig)) defaults.exclude = ['CNAME'];
  if (environment === 'production') defaults.sass = { style: 'compressed' };
  return { defaults, overrides: OVERRIDES };
}

/** `configure_plugins`: the site's plugins, then the always-on ones, then the remote theme's. */
export function githubPagesPlugins(config: Config): string[] {
  const plugins = new Set(Array.isArray(config.plugins) ? config.plugins.map(String) : []);
  for (const plugin of ALWAYS_ON_PLUGINS) plugins.add(plugin);
  if ('remote_theme' in config) plugins.add('jekyll-remote-theme');
  return [...plugins];
}

/** Whether a build runs as GitHub Pages does, and why (printed by `build` and `serve`). */
export interface PublishingMode {
  githubPages: boolean;
  reason: string;
}

/**
 * How the site is published, from what its repository says: a workflow that builds it with
 * something other than GitHub Pages' own Jekyll means plain Jekyll; otherwise a Gemfile naming
 * `github-pages` (or a workflow running `actions/jekyll-build-pages`) means GitHub Pages.
 * `flag` is `--github-pages` (true) or `--no-github-pages` (false), which decide outright.
 */
export function publishingMode(source: string, flag?: boolean): PublishingMode {
  if (flag !== undefined) return { githubPages: flag, reason: flag ? '--github-pages' : '--no-github-pages' };
  for (const workflow of workflows(source)) {
    if (/actions\/jekyll-build-pages@/.test(workflow.text))
      return { githubPages: true, reason: `${workflow.name} builds with GitHub Pages' Jekyll` };
    if (/upload-pages-artifact@|actions-gh-pages@|github-pages-deploy-action@/.test(workflow.text))
      return { githubPages: false, reason: `${workflow.name} builds the site its own way` };
  }
  const gemfile = path.join(source, 'Gemfile');
  if (existsSync(gemfile) && /^\s*gem\s+["']github-pages["']/m.test(readFileSync(gemfile, 'utf8')))
    return { githubPages: true, reason: 'the Gemfile names github-pages' };
  return { githubPages: false, reason: 'no Gemfile naming github-pages' };
}

function workflows(source: string): { name: string; text: string }[] {
  const dir = path.join(source, '.github', 'workflows');
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => /\.ya?ml$/i.test(name))
      .sort();
  } catch {
    return [];
  }
  return names.map((name) => ({
    name: `.github/workflows/${name}`,
    text: readFileSync(path.join(dir, name), 'utf8'),
  }));
}
