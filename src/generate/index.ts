/**
 * Generators: the GitHub Pages plugins a site lists (and ours), run in a fixed order after
 * reading, before rendering. Each adds or changes pages and documents.
 */
import { addSearchPage, searchEnabled } from '../search/index.ts';
import type { Site } from '../site/site.ts';
import { feed } from './feed.ts';
import { githubMetadataGenerator } from './github-metadata.ts';
import { jemoji } from './jemoji.ts';
import { paginate } from './paginate.ts';
import { redirectFrom } from './redirect-from.ts';
import { sitemap } from './sitemap.ts';

/** Jekyll's `Plugin::PRIORITIES`: higher runs first. */
export type Priority = 'highest' | 'high' | 'normal' | 'low' | 'lowest';
const PRIORITIES: Record<Priority, number> = { highest: 100, high: 10, normal: 0, low: -10, lowest: -100 };

export interface Generator {
  /** The plugin's gem name, as listed under `plugins:` in _config.yml. */
  name: string;
  /** Runs for every site, listed or not. */
  always?: boolean;
  /** Runs when this says so, listed or not (scholarsite's own features). */
  active?(site: Site): boolean;
  /** The gem's generator `priority` (`normal` when unset). */
  priority?: Priority;
  generate(site: Site): void | Promise<void>;
  /** After every page and document is rendered, before writing (`:post_render` hooks). */
  postRender?(site: Site): void | Promise<void>;
}

/** The search page, last, when the site has search (the built-in theme's). */
const searchPage: Generator = {
  name: 'scholarsite-search',
  active: searchEnabled,
  priority: 'lowest',
  generate: addSearchPage,
};

/**
 * jekyll-github-metadata is not a Jekyll generator (it munges the config when the site is made),
 * so it goes first. The others carry their gem's priority.
 */
const GENERATORS: Generator[] = [
  githubMetadataGenerator,
  redirectFrom,
  paginate,
  sitemap,
  feed,
  jemoji,
  searchPage,
];

/**
 * The generators to run, in Jekyll's order: by priority, and at equal priority in the order the
 * plugins are listed (Ruby loads them, and so subclasses them, in that order).
 */
export function activeGenerators(site: Site): Generator[] {
  const listed = (site.config.plugins as unknown[] | undefined)?.map(String) ?? [];
  const position = (g: Generator) => {
    const index = listed.indexOf(g.name);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  return GENERATORS.map((generator, index) => ({ generator, index }))
    .filter(
      ({ generator }) => generator.always || generator.active?.(site) || listed.includes(generator.name),
    )
    .sort(
      (a, b) =>
        PRIORITIES[b.generator.priority ?? 'normal'] - PRIORITIES[a.generator.priority ?? 'normal'] ||
        position(a.generator) - position(b.generator) ||
        a.index - b.index,
    )
    .map(({ generator }) => generator);
}

export async function runGenerators(site: Site): Promise<void> {
  for (const generator of activeGenerators(site)) await generator.generate(site);
}

/** The `:post_render` hooks of the listed plugins (jemoji). */
export async function runPostRender(site: Site): Promise<void> {
  for (const generator of activeGenerators(site)) await generator.postRender?.(site);
}
