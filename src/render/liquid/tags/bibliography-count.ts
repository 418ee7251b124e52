/**
 * jekyll-scholar's `{% bibliography_count -f papers -q @*[year=2024] %}`: how many entries the
 * same `{% bibliography %}` would list (al-folio skips empty years with it).
 */
import { type Context, type Liquid, Tag, type TagToken, type TopLevelToken } from 'liquidjs';
import { publicationsOf, scholarSettingsOf } from './bibliography.ts';
import { optionValues, parseArguments, selectEntries } from './bibliography-entries.ts';

export class BibliographyCountTag extends Tag {
  private readonly pairs: [string, string][];

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    this.pairs = parseArguments(token.args).pairs;
  }

  *render(ctx: Context): Generator<unknown, unknown, unknown> {
    const options = yield* optionValues(ctx, this.pairs);
    const scholar = yield* scholarSettingsOf(ctx);
    return String(selectEntries(yield* publicationsOf(ctx, options), options, scholar).length);
  }
}
