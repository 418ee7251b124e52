/**
 * `{% bibliography %}`: the publications (from BibTeX or `_publications/`) as a list, grouped by
 * year or type, through the theme's `bibliography.html` include (a site may make its own).
 *
 *   {% bibliography selected=true group_by=none limit=5 bibtex=false abstract=false %}
 *   {% bibliography year=2024 type=article keyword="federated learning" query="fusion" sort=asc %}
 *   {% bibliography --file papers --query @*[year=2020] --max 5 %}      (jekyll-scholar's way)
 *
 * On a site with a theme of its own, the built-in theme's includes draw the list (the site's own
 * files of those names still win), inside `<div class="scholarsite-bibliography">` with a
 * stylesheet whose every rule is under that class, so the site's own styles stay as they were.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Context, type Liquid, Tag, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import { BUILT_IN_THEME_ROOT } from '../../../config/theme.ts';
import { isHash } from '../../../ruby/values.ts';
import { parseYaml } from '../../../yaml/parse.ts';
import {
  type Entry,
  entryByKey,
  type Group,
  groupsOf,
  type Options,
  optionValues,
  parseArguments,
  selectEntries,
  text,
} from './bibliography-entries.ts';

/** Set while a list is drawn on a site with its own theme: includes fall back to the built-in theme's. */
export const BUILT_IN_INCLUDES = 'scholarsiteBuiltInIncludes';
/** The includes' folder the fallback adds. */
export const BUILT_IN_INCLUDES_DIR = path.join(BUILT_IN_THEME_ROOT, '_includes');
/** Where the scoped stylesheet is written, on sites that use the tags without the built-in theme. */
export const BIBLIOGRAPHY_STYLESHEET = '/assets/scholarsite/bibliography.css';
/** Set once a page has linked the stylesheet. */
const STYLED = 'scholarsiteBibliographyStyled';

/** How a site draws its lists: with the built-in theme (`standalone: false`) or with its own. */
export interface BibliographyDrawing {
  standalone: boolean;
}

/** The drawing of publication lists shared by `bibliography` and `reference`. */
export class Drawing {
  private readonly body: Template[];
  constructor(
    private readonly liquid: Liquid,
    private readonly setup: BibliographyDrawing,
  ) {
    this.body = liquid.parse('{% include bibliography.html %}');
  }

  *draw(ctx: Context, groups: Group[], size: number, options: Options): Generator<unknown, string, unknown> {
    const scope: Record<string, unknown> = { bibliography: { groups, size, options } };
    if (!this.setup.standalone) return yield* this.render(ctx, scope);
    // The includes' words come from the theme's _data/ui-text.yml, which such a site lacks, or
    // has with other words (academicpages'): the site's words win, the theme's fill the gaps.
    const locale = text((yield ctx._get(['site', 'locale'])) as unknown);
    const own = (yield ctx._get(['site', 'data', 'ui-text'])) as Record<string, unknown> | undefined;
    const ownWords = own?.[locale] ?? own?.en;
    scope.ui = { ...builtInUiText(locale), ...(isHash(ownWords) ? ownWords : {}) };
    const wasFallingBack = ctx.getRegister(BUILT_IN_INCLUDES);
    ctx.setRegister(BUILT_IN_INCLUDES, true);
    let list: string;
    try {
      list = yield* this.render(ctx, scope);
    } finally {
      ctx.setRegister(BUILT_IN_INCLUDES, wasFallingBack);
    }
    let link = '';
    if (!ctx.getRegister(STYLED)) {
      ctx.setRegister(STYLED, true);
      link = `<link rel="stylesheet" href="${yield* siteBaseurl(ctx)}${BIBLIOGRAPHY_STYLESHEET}">`;
    }
    // On a line of its own, so that Markdown takes it as a block even after text.
    return `\n<div class="scholarsite-bibliography">${link}${list}\n</div>\n`;
  }

  private *render(ctx: Context, scope: Record<string, unknown>): Generator<unknown, string, unknown> {
    ctx.push(scope);
    try {
      return (yield this.liquid.renderer.renderTemplates(this.body, ctx)) as string;
    } finally {
      ctx.pop();
    }
  }
}

let uiText: Record<string, unknown> | undefined;
function builtInUiText(locale: string): Record<string, unknown> {
  uiText ??= parseYaml(readFileSync(path.join(BUILT_IN_THEME_ROOT, '_data', 'ui-text.yml'), 'utf8'), {
    file: '(scholarsite theme) _data/ui-text.yml',
  }) as Record<string, unknown>;
  const words = uiText[locale] ?? uiText.en;
  return isHash(words) ? words : {};
}

/** The publications of the collection the tag names, else the bibliography's (`publications`). */
export function* publicationsOf(ctx: Context, options: Options): Generator<unknown, Entry[], unknown> {
  const configured = (yield ctx._get(['site', 'bibliography', 'collection'])) as unknown;
  const label = text(options.collection ?? configured ?? 'publications');
  return ((yield ctx._get(['site', label])) as Entry[] | undefined) ?? [];
}

/** What `{% cite %}` and `{% reference %}` look keys up in: the publications of the tag's `--file`, if any. */
export function* citablePublications(ctx: Context, options: Options): Generator<unknown, Entry[], unknown> {
  return selectEntries(yield* publicationsOf(ctx, options), { file: options.file }, {});
}

/** The publication a cited key names (the value of a variable of that name, if one is set). */
export function* citedEntry(
  ctx: Context,
  all: Entry[],
  key: string,
): Generator<unknown, Entry | undefined, unknown> {
  return entryByKey(all, String(((yield ctx._get(key.split('.'))) as unknown) ?? key));
}

/** The site's baseurl without a trailing `/`, to put before a site path. */
export function* siteBaseurl(ctx: Context): Generator<unknown, string, unknown> {
  return text((yield ctx._get(['site', 'baseurl'])) as unknown).replace(/\/+$/, '');
}

/** jekyll-scholar's settings, as the site's config holds them. */
export function* scholarSettingsOf(ctx: Context): Generator<unknown, Options, unknown> {
  const scholar = (yield ctx._get(['site', 'scholar'])) as unknown;
  return scholar && typeof scholar === 'object' ? (scholar as Options) : {};
}

export function bibliographyTag(setup: BibliographyDrawing) {
  return class BibliographyTag extends Tag {
    private readonly pairs: [string, string][];
    private readonly drawing: Drawing;

    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      this.pairs = parseArguments(token.args).pairs;
      this.drawing = new Drawing(liquid, setup);
    }

    *render(ctx: Context): Generator<unknown, unknown, unknown> {
      const options = yield* optionValues(ctx, this.pairs);
      const scholar = yield* scholarSettingsOf(ctx);
      const all = yield* publicationsOf(ctx, options);
      const entries = selectEntries(all, options, scholar);
      // jekyll-scholar groups by several keys (`type, year`); the list takes the first.
      const groupBy = text(options.group_by || scholar.group_by || 'year').split(/\s*,\s*/)[0];
      return yield* this.drawing.draw(ctx, groupsOf(entries, groupBy), entries.length, options);
    }
  };
}
