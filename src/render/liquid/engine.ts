/**
 * liquidjs set up to behave like Jekyll's Liquid (error_mode: warn): templates read as Ruby
 * Liquid reads them (lax.ts), Jekyll-style includes with `include.*` parameters and shared
 * scope, extension-less include files, unknown filters passed through, Ruby's way of printing
 * values, and Jekyll's tags.
 */
import path from 'node:path';
import {
  Context,
  defaultOperators,
  Liquid,
  type LiquidOptions,
  type Operators,
  type Template,
  toValue,
} from 'liquidjs';
import { siteFolders, siteSettings } from '../../config/index.ts';
import { describeFile } from '../../config/theme.ts';
import { type ProblemInit, SiteError } from '../../errors.ts';
import { Dependency } from '../../site/dependency.ts';
import { stripBlankBlocks, withBlankBlocks } from './blank-blocks.ts';
import { CURRENT_FILE } from './engine-registers.ts';
import { registerFilters } from './filters/index.ts';
import { installFloatLiterals } from './float-literals.ts';
import { includeFiles } from './include-files.ts';
import { RANGE_FILTER, UNKNOWN_OPERATOR } from './lax/markup.ts';
import { LiquidTemplateError, laxProblems, laxRewrite } from './lax.ts';
import { rubyString } from './ruby-output.ts';
import { AssignTag } from './tags/assign.ts';
import { BUILT_IN_INCLUDES, BUILT_IN_INCLUDES_DIR, bibliographyTag } from './tags/bibliography.ts';
import { BibliographyCountTag } from './tags/bibliography-count.ts';
import { CiteTag } from './tags/cite.ts';
import { rubyRange } from './tags/collection.ts';
import { CycleTag } from './tags/cycle.ts';
import { ForTag } from './tags/for.ts';
import { GistTag } from './tags/gist.ts';
import { HighlightTag } from './tags/highlight.ts';
import { includeTag } from './tags/include.ts';
import { includeRelativeTag } from './tags/include-relative.ts';
import { urlTag } from './tags/link.ts';
import { RawTextTag } from './tags/raw-text.ts';
import { referenceTag } from './tags/reference.ts';
import { TablerowTag } from './tags/tablerow.ts';

/**
 * Ruby's comparisons: `<`, `>`, `<=`, `>=` order two numbers, two texts or two times, and are
 * false for anything else (nil, true, a list), which Ruby cannot order; liquidjs would compare
 * them as JavaScript does (`true < 2.5`, a list with a text). A comparison with an operator Ruby
 * does not know fails when evaluated (lax/markup.ts).
 */
const orderable = (left: unknown, right: unknown) => {
  const [a, b] = [toValue(left), toValue(right)] as unknown[];
  const kind = (value: unknown) => (value instanceof Date ? 'time' : typeof value);
  return kind(a) === kind(b) && ['number', 'string', 'time'].includes(kind(a));
};
type Comparison = ReturnType<Operators[string]>;
const ordering = (operator: '<' | '>' | '<=' | '>=') => {
  const compare = defaultOperators[operator] as (left: unknown, right: unknown, ctx: Context) => Comparison;
  return (left: unknown, right: unknown, ctx: Context): Comparison =>
    orderable(left, right) ? compare(left, right, ctx) : false;
};
const RUBY_OPERATORS: Operators = {
  ...defaultOperators,
  '<': ordering('<'),
  '>': ordering('>'),
  '<=': ordering('<='),
  '>=': ordering('>='),
  [UNKNOWN_OPERATOR]: (_left: unknown, operator: unknown) => {
    throw new Error(`Unknown operator ${String(operator)}`);
  },
};

export interface LiquidSetup {
  sourceDir: string;
  /** Searched in order: the site's `_includes`, then the theme's. */
  includeDirs: string[];
  config: Record<string, unknown>;
  markdownify(text: string): string;
  scssify(text: string, syntax: 'scss' | 'sass'): string;
  postUrl(name: string): string | undefined;
  linkUrl(relativePath: string): string | undefined;
  /** Warnings, and notes (ProblemInit#note) of what Jekyll says nothing about. */
  warn(problem: ProblemInit): void;
  /** Register plugin tags (seo, feed_meta) on the engine. */
  extend?(liquid: Liquid): void;
  /** Told each include a template looks up, found or not, for `serve`. */
  uses?(dependency: Dependency): void;
  /** What `"now"` means to the date filters. */
  now?(): Date;
}

export interface RenderOptions {
  /** Lines above the template in its file (front matter). */
  lineOffset?: number;
  /** The whole file, front matter included, for code frames. */
  fileSource?: string;
}

export interface JekyllLiquid {
  render(
    source: string,
    scope: Record<string, unknown>,
    file: string,
    options?: RenderOptions,
  ): Promise<string>;
  renderSync(source: string, scope: Record<string, unknown>, file: string, options?: RenderOptions): string;
  /** The underlying engine, for plugins. */
  readonly liquid: Liquid;
}

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: the engine set-up is a list of options and registrations sharing its closures
export function createLiquid(setup: LiquidSetup): JekyllLiquid {
  installFloatLiterals();
  const fs = includeFiles(setup.sourceDir, setup.warn);
  const settings = siteSettings(setup.config);
  const liquid = new Liquid({
    root: setup.includeDirs,
    partials: setup.includeDirs,
    extname: '',
    jekyllInclude: true,
    dynamicPartials: false,
    relativeReference: false,
    jekyllWhere: true,
    strictFilters: settings.liquid.strict_filters === true,
    strictVariables: settings.liquid.strict_variables === true,
    lenientIf: true,
    operators: RUBY_OPERATORS,
    ownPropertyOnly: false,
    cache: includeCache(setup.uses),
    outputEscape: rubyString,
    // Dates are formatted by our own strftime; without a locale, liquidjs asks Intl for the
    // system's, which loads ICU's locale data (~20 ms of every build).
    locale: 'en-US',
    fs,
    // Bounds no real page meets, so a template mistake ends in an error, not a hang or an
    // exhausted heap: time per render call (a page's content, or one layout), and the size of
    // each value made (a range's numbers, joined and appended text…).
    renderLimit: RENDER_LIMIT_MS,
    memoryLimit: MEMORY_LIMIT,
  });
  // Include files, parsed once each (lax rules applied, blank blocks stripped, as for pages).
  const includeTemplates = new Map<string, Template[]>();
  const files = {
    safe: settings.safe,
    load(file: string): Template[] {
      let templates = includeTemplates.get(file);
      if (!templates) {
        templates = stripBlankBlocks(liquid.parse(fs.readFileSync(file), file));
        includeTemplates.set(file, templates);
      } else fs.warnAgain(file); // each page that uses it hears its notes
      return templates;
    },
    describeDir: (dir: string) => describeFile(setup.sourceDir, dir) || '.',
    uses: setup.uses,
    found: new Map<string, string | undefined>(),
  };
  // A site with a theme of its own draws publication lists with the built-in theme's includes,
  // after its own (see tags/bibliography.ts).
  const standalone = !setup.includeDirs.includes(BUILT_IN_INCLUDES_DIR);
  const withBuiltIn = [...setup.includeDirs, BUILT_IN_INCLUDES_DIR];
  liquid.registerTag(
    'include',
    includeTag('include', {
      ...files,
      dirs: (ctx) => (standalone && ctx.getRegister(BUILT_IN_INCLUDES) ? withBuiltIn : setup.includeDirs),
    }),
  );
  liquid.registerTag(
    'include_relative',
    includeRelativeTag(setup.sourceDir, siteFolders(setup.config).collectionsDir, files),
  );
  liquid.registerTag('link', urlTag('link', setup.linkUrl));
  liquid.registerTag('post_url', urlTag('post_url', setup.postUrl));
  liquid.registerTag('assign', AssignTag);
  liquid.registerTag('raw_text', RawTextTag);
  liquid.registerTag('cycle', CycleTag);
  liquid.registerTag('for', ForTag);
  liquid.registerFilter(RANGE_FILTER, function (this: { context: Context }, low: unknown, high: unknown) {
    return rubyRange(this.context, low, high);
  });
  liquid.registerTag('tablerow', TablerowTag);
  liquid.registerTag('highlight', HighlightTag);
  liquid.registerTag('gist', GistTag);
  liquid.registerTag('bibliography', bibliographyTag({ standalone }));
  liquid.registerTag('reference', referenceTag({ standalone }));
  liquid.registerTag('bibliography_count', BibliographyCountTag);
  liquid.registerTag('cite', CiteTag);
  registerFilters(liquid, setup, settings);
  withBlankBlocks(liquid);
  setup.extend?.(liquid);

  // Each template once a build, with its lax warnings, raised again at each use so that each
  // page's render hears them all (see Diagnostics#warn).
  const parsed = new Map<string, { templates: Template[]; warnings: ProblemInit[] }>();
  const parse = (source: string, file: string, lineOffset: number, fileSource?: string): Template[] => {
    const key = `${file}\0${source}`;
    const known = parsed.get(key);
    if (known) {
      for (const warning of known.warnings) setup.warn(warning);
      return known.templates;
    }
    let templates: Template[];
    let warnings: ProblemInit[];
    try {
      const lax = laxRewrite(source);
      warnings = laxProblems(lax.warnings, file, lineOffset);
      for (const warning of warnings) setup.warn(warning);
      templates = stripBlankBlocks(liquid.parse(lax.source, file));
    } catch (error) {
      throw toSiteError(error, file, fileSource ?? source, lineOffset, setup, fileSource !== undefined);
    }
    parsed.set(key, { templates, warnings });
    return templates;
  };

  const context = (scope: Record<string, unknown>, file: string, sync: boolean) => {
    const ctx = new Context(scope, liquid.options, { sync }, { liquid });
    // liquidjs adds up every string and array a render makes, so a layout that runs `remove` and
    // `replace` over a long page a hundred times (academicpages' compress.html) passes the limit
    // while holding little. Memory runs out on one huge value: measure each on its own.
    const limit = ctx.memoryLimit;
    limit.use = (count) => limit.check(count);
    ctx.setRegister(CURRENT_FILE, file);
    return ctx;
  };

  const located = (error: unknown, source: string, file: string, options: RenderOptions) =>
    toSiteError(
      error,
      file,
      options.fileSource ?? source,
      options.lineOffset ?? 0,
      setup,
      options.fileSource !== undefined,
    );

  return {
    liquid,
    async render(source, scope, file, options = {}) {
      const templates = parse(source, file, options.lineOffset ?? 0, options.fileSource);
      try {
        return await liquid.render(templates, context(scope, file, false));
      } catch (error) {
        throw located(error, source, file, options);
      }
    },
    renderSync(source, scope, file, options = {}) {
      const templates = parse(source, file, options.lineOffset ?? 0, options.fileSource);
      try {
        return liquid.renderSync(templates, context(scope, file, true));
      } catch (error) {
        throw located(error, source, file, options);
      }
    },
  };
}

/**
 * What liquidjs's own file tags (`render`) parse, by name: Jekyll's `include` has a tag of its
 * own (tags/include.ts). Every lookup tells `uses`, so `serve` re-renders what used a saved file.
 */
function includeCache(uses: LiquidSetup['uses']): LiquidOptions['cache'] {
  const templates = new Map<string, Template[] | Promise<Template[]>>();
  return {
    read(key: string) {
      // liquidjs keys partials as `TYPE:NAME`; Jekyll joins the name to the folder.
      uses?.(Dependency.include(key.slice(key.indexOf(':') + 1)));
      return templates.get(key);
    },
    write(key: string, value: Template[] | Promise<Template[]>) {
      templates.set(key, value);
      // An async render caches a promise; once parsed, keep the templates themselves, or a later
      // synchronous render (an excerpt) would be handed the promise and fail.
      if (value instanceof Promise) {
        value.then(
          (parsed) => templates.get(key) === value && templates.set(key, parsed),
          () => {},
        );
      }
    },
    remove: (key: string) => void templates.delete(key),
  };
}

/** Per render call: a 1,000-page site renders each in milliseconds. */
export const RENDER_LIMIT_MS = 30_000;
/** Per value made (a range, a string, an array): 50 million numbers would take ~400 MB. */
export const MEMORY_LIMIT = 50_000_000;

interface LiquidjsError extends Error {
  token?: { getPosition?: () => [number, number]; file?: string; input?: string };
  originalError?: Error;
}

/** A liquidjs error as a located SiteError: the include file when it failed inside one. */
function toSiteError(
  error: unknown,
  file: string,
  source: string,
  lineOffset: number,
  setup: LiquidSetup,
  sourceIsWholeFile = false,
): SiteError {
  if (error instanceof SiteError) return error;
  if (error instanceof LiquidTemplateError) {
    return error.toSiteError(file, sourceIsWholeFile ? source : '\n'.repeat(lineOffset) + source, lineOffset);
  }
  const e = error as LiquidjsError;
  // Nested render errors wrap the innermost one; its token points at the real place.
  let inner: LiquidjsError = e;
  while (inner.originalError && (inner.originalError as LiquidjsError).token)
    inner = inner.originalError as LiquidjsError;
  const token = inner.token ?? e.token;
  const position = token?.getPosition?.();
  const tokenFile = token?.file;
  const inInclude = tokenFile && tokenFile !== file && path.isAbsolute(tokenFile);
  const message = describe(inner.originalError ?? inner);
  if (inInclude) {
    return new SiteError({
      message: `Liquid: ${message}`,
      file: describeFile(setup.sourceDir, tokenFile),
      line: position?.[0],
      column: position?.[1],
      source: token?.input,
      hint: hintFor(message),
    });
  }
  return new SiteError({
    message: `Liquid: ${message}`,
    file,
    line: position ? position[0] + lineOffset : undefined,
    column: position?.[1],
    source: position ? (sourceIsWholeFile ? source : '\n'.repeat(lineOffset) + source) : undefined,
    hint: hintFor(message),
  });
}

function describe(error: Error): string {
  const first = String(error.message).split('\n')[0];
  if (/^(memory alloc limit exceeded|Invalid string length|Invalid array length)/.test(first))
    return 'this page would be too large to build (more than 50 million characters or items)';
  if (/^template render limit exceeded/.test(first)) return 'this page takes too long to render';
  return first
    .replace(/(, (file|line|col):\S+)+$/, '')
    .replace(
      /^(?:ENOENT: )?Failed to lookup "(.+?)" in ".*"$/,
      'the include file "$1" was not found in _includes/',
    );
}

function hintFor(message: string): string {
  if (/takes too long to render/.test(message))
    return `Rendering took more than ${RENDER_LIMIT_MS / 1000} s. Look for a loop over a huge range or list, or a loop inside a loop.`;
  if (/too large to build/.test(message))
    return 'The page grew too large. Look for a loop over a huge range such as (1..100000000), or text appended to itself in a loop.';
  if (/not found in _includes|Could not locate the included file/.test(message))
    return 'Create the file in _includes/, or correct the name in the include tag.';
  if (/tag .* not closed/.test(message)) return 'Add the matching end tag (e.g. {% endif %} for {% if %}).';
  if (/tag ".*" not found|tag .* not found/.test(message))
    return 'This tag does not exist in Jekyll; check its spelling, or wrap literal braces in {% raw %}…{% endraw %}.';
  if (/nested more than/.test(message)) return 'Look for an include that includes itself.';
  if (/post_url/.test(message))
    return 'Use the post file name without its extension, e.g. {% post_url 2024-01-31-my-post %}.';
  return 'Check the Liquid syntax at this line.';
}
