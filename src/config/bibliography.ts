/** `bibliography:` in _config.yml (or jekyll-scholar's `scholar:`), with its defaults. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { isHash } from '../ruby/values.ts';
import type { Config } from './index.ts';
import { usesBuiltInTheme } from './theme.ts';

export interface BibliographySettings {
  /** Folder of `.bib` files, relative to the source. */
  source: string;
  /** The collection the entries join. */
  collection: string;
  /** Spellings of the site owner's name, highlighted in author lists. */
  me: string[];
  /** Field → the mark it puts after the authors it names (`equal: "*"`). */
  marks: Record<string, string>;
  /** The entries' layout, unless front matter defaults give one. */
  layout: string;
}

/**
 * The bibliography's settings, from `bibliography:` and jekyll-scholar's `scholar.source`;
 * none with `bibliography: false`. (Whether the `.bib` files are read at all is the config's say,
 * `bibliographyConfigured`, or a page's tag's.)
 */
export function bibliographySettings(config: Config): BibliographySettings | undefined {
  const own = config.bibliography;
  if (own === false) return undefined;
  const settings = (own && typeof own === 'object' ? own : {}) as Config;
  const scholar = scholarSettings(config);
  const authorName = (config.author as Config | undefined)?.name;
  const me = settings.me ?? (typeof authorName === 'string' ? [authorName] : []);
  return {
    source: path.posix.normalize(String(settings.source ?? scholar.source ?? '_bibliography')),
    collection: String(settings.collection ?? 'publications'),
    me: (Array.isArray(me) ? me : [me]).map(String),
    marks: (settings.marks as Record<string, string> | undefined) ?? { equal: '*', corresponding: '#' },
    layout: String(settings.layout ?? 'single'),
  };
}

/** The `.bib` files of the bibliography folder, sorted; none when there is no such folder. */
export function bibFileNames(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((name) => /\.bib(tex)?$/i.test(name))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Whether the site asks for its `.bib` files in its config: the built-in theme, `bibliography:`
 * or jekyll-scholar's `scholar:`. Other sites get them once a page uses a bibliography tag.
 */
export function bibliographyConfigured(config: Config): boolean {
  if (config.bibliography === false) return false;
  return usesBuiltInTheme(config) || config.bibliography != null || isHash(config.scholar);
}

/** jekyll-scholar's settings (`scholar:` in _config.yml), when the site has them. */
function scholarSettings(config: Config): Config {
  return isHash(config.scholar) ? (config.scholar as Config) : {};
}
