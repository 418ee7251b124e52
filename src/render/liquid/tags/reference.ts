/**
 * jekyll-scholar's `{% reference key %}`: one publication drawn as `{% bibliography %}` draws
 * each (`--file papers` looks in that `.bib` file only).
 */
import type { Context, Liquid, TagToken, TopLevelToken } from 'liquidjs';
import { Tag } from 'liquidjs';
import { type BibliographyDrawing, citablePublications, citedEntry, Drawing } from './bibliography.ts';
import { optionValues, parseArguments } from './bibliography-entries.ts';
import { missingReference } from './cite.ts';

export function referenceTag(setup: BibliographyDrawing) {
  return class ReferenceTag extends Tag {
    private readonly keys: string[];
    private readonly pairs: [string, string][];
    private readonly drawing: Drawing;

    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      ({ words: this.keys, pairs: this.pairs } = parseArguments(token.args));
      this.drawing = new Drawing(liquid, setup);
    }

    *render(ctx: Context): Generator<unknown, unknown, unknown> {
      const options = yield* optionValues(ctx, this.pairs);
      const all = yield* citablePublications(ctx, options);
      let out = '';
      for (const key of this.keys) {
        const entry = yield* citedEntry(ctx, all, key);
        out += entry
          ? yield* this.drawing.draw(ctx, [{ title: '', id: '', entries: [entry] }], 1, options)
          : yield* missingReference(ctx);
      }
      return out;
    }
  };
}
