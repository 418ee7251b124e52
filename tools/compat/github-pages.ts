/**
 * The two ways a site can be built, for the compat runs: as GitHub Pages publishes it (Jekyll
 * with tools/compat/github-pages.rb, scholarsite with --github-pages) or as plain Jekyll 4.3.
 * `auto` decides from the site's repository as scholarsite does (config/github-pages), before
 * its Gemfile is moved aside for Debian's Jekyll.
 */
import path from 'node:path';
import { publishingMode } from '../../src/config/index.ts';

export type CompatMode = 'github-pages' | 'plain';

const GITHUB_PAGES_RB = path.resolve(import.meta.dirname, 'github-pages.rb');

/** `--mode github-pages|plain|auto` (auto when unset). */
export function compatMode(source: string, requested = 'auto'): CompatMode {
  if (requested === 'github-pages' || requested === 'plain') return requested;
  if (requested !== 'auto') throw new Error(`--mode is github-pages, plain or auto, not '${requested}'`);
  return publishingMode(source).githubPages ? 'github-pages' : 'plain';
}

/** scholarsite's flag for the mode, said outright (the copy it builds has no Gemfile). */
export function scholarsiteFlags(mode: CompatMode): string[] {
  return [mode === 'github-pages' ? '--github-pages' : '--no-github-pages'];
}

/** The environment Debian's Jekyll builds the mode in. */
export function jekyllEnv(mode: CompatMode): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, JEKYLL_NO_BUNDLER_REQUIRE: 'true' };
  if (mode === 'github-pages')
    env.RUBYOPT = [process.env.RUBYOPT, `-r${GITHUB_PAGES_RB}`].filter(Boolean).join(' ');
  return env;
}
