/** `bibliography:` in _config.yml, with its defaults. */
import type { Config } from '../../config/index.ts';
import { usesBuiltInTheme } from '../../site/theme.ts';

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
 * On with the built-in theme or a `bibliography:` setting. Off otherwise: a Jekyll site's own
 * `_bibliography` (jekyll-scholar's) stays as Jekyll leaves it.
 */
export function bibliographySettings(config: Config): BibliographySettings | undefined {
  const own = config.bibliography;
  if (own === false || (own == null && !usesBuiltInTheme(config))) return undefined;
  const settings = (own && typeof own === 'object' ? own : {}) as Config;
  const authorName = (config.author as Config | undefined)?.name;
  const me = settings.me ?? (typeof authorName === 'string' ? [authorName] : []);
  return {
    source: String(settings.source ?? '_bibliography'),
    collection: String(settings.collection ?? 'publications'),
    me: (Array.isArray(me) ? me : [me]).map(String),
    marks: (settings.marks as Record<string, string> | undefined) ?? { equal: '*', corresponding: '#' },
    layout: String(settings.layout ?? 'single'),
  };
}
