/**
 * The folders a config names, resolved once, with Jekyll's defaults for the keys a config
 * loaded elsewhere (a test, `check` of a bare folder) may lack. `Config` stays the raw record
 * plugins read; code that needs a folder asks here.
 */
import path from 'node:path';
import type { Config } from './defaults.ts';

export interface SiteFolders {
  /** The site's folder, as `source:` resolved it. */
  source: string;
  destination: string;
  /**
   * scholarsite's caches (Sass, BibTeX, Markdown, `-I`'s state, `check`'s links): `scholarsite`
   * in `cache_dir` (`.jekyll-cache`), inside the source.
   */
  ownCacheDir: string;
  dataDir: string;
  layoutsDir: string;
  includesDir: string;
  /** `sass: sass_dir` (`_sass`). */
  sassDir: string;
  /** `collections_dir`, relative to the source ('' for the source itself). */
  collectionsDir: string;
}

export function siteFolders(config: Config): SiteFolders {
  const source = String(config.source ?? '.');
  const inSource = (value: unknown, fallback: string) => path.join(source, String(value ?? fallback));
  return {
    source,
    destination: String(config.destination ?? path.join(source, '_site')),
    ownCacheDir: path.join(inSource(config.cache_dir, '.jekyll-cache'), 'scholarsite'),
    dataDir: inSource(config.data_dir, '_data'),
    layoutsDir: inSource(config.layouts_dir, '_layouts'),
    includesDir: inSource(config.includes_dir, '_includes'),
    sassDir: inSource((config.sass as Config | undefined)?.sass_dir, '_sass'),
    collectionsDir: String(config.collections_dir ?? ''),
  };
}
