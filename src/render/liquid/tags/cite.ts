/**
 * jekyll-scholar's `{% cite key %}` (and `{% cite a b --file papers %}`): an author–year
 * citation, "(Li et al., 2024; Okafor, 2021)", each linking to its publication's page.
 */
import type { Context, Liquid, TagToken, TopLevelToken } from 'liquidjs';
import { Tag } from 'liquidjs';
import { xmlEscape } from '../../../ruby/text.ts';
import { citablePublications, citedEntry, scholarSettingsOf, siteBaseurl } from './bibliography.ts';
import { type Entry, optionValues, parseArguments, text } from './bibliography-entries.ts';

/** jekyll-scholar's `missing_reference` text, for a key no publication has. */
export function* missingReference(ctx: Context): Generator<unknown, string, unknown> {
  const scholar = yield* scholarSettingsOf(ctx);
  return text(scholar.missing_reference ?? '(missing reference)');
}

export class CiteTag extends Tag {
  private readonly keys: string[];
  private readonly pairs: [string, string][];

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    ({ words: this.keys, pairs: this.pairs } = parseArguments(token.args));
  }

  *render(ctx: Context): Generator<unknown, unknown, unknown> {
    const options = yield* optionValues(ctx, this.pairs);
    const all = yield* citablePublications(ctx, options);
    const baseurl = yield* siteBaseurl(ctx);
    const cited: string[] = [];
    for (const key of this.keys) {
      const entry = yield* citedEntry(ctx, all, key);
      if (!entry) return yield* missingReference(ctx);
      const href = xmlEscape(`${baseurl}${text(entry.url)}`);
      cited.push(`<a class="citation" href="${href}">${authorYear(entry)}</a>`);
    }
    return `(${cited.join('; ')})`;
  }
}

/** "Li", "Li &amp; Lin" or "Li et al.", then the year (HTML). */
function authorYear(entry: Entry): string {
  const families = Array.isArray(entry.author_list)
    ? entry.author_list.map((a) => text((a as Entry).family ?? (a as Entry).name))
    : (Array.isArray(entry.authors) ? entry.authors : [])
        .map((name) =>
          text(name)
            .replace(/<[^>]*>/g, '')
            .trim(),
        )
        .map((name) => xmlEscape(name.includes(',') ? name.split(',')[0] : (name.split(/\s+/).at(-1) ?? '')));
  const who =
    families.length === 0
      ? text(entry.title).replace(/<[^>]*>/g, '')
      : families.length === 1
        ? families[0]
        : families.length === 2
          ? `${families[0]} &amp; ${families[1]}`
          : `${families[0]} et al.`;
  const year = entry.date instanceof Date ? String(entry.date.getFullYear()) : text(entry.year);
  return year ? `${who}, ${year}` : who;
}
