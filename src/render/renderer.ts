/**
 * Jekyll's `Renderer#run` for one page or document: Liquid over the body, then the converter
 * (Markdown or Sass), then the layout chain from the front matter.
 */
import type { Diagnostics, ProblemInit } from '../errors.ts';
import { SiteError } from '../errors.ts';
import { Dependency, type DependencyRecorder } from '../site/dependency.ts';
import { Page, type Renderable } from '../site/document.ts';
import type { Drop, Drops } from '../site/drops.ts';
import { type Pager, pagerToLiquid } from '../site/pager.ts';
import type { Site } from '../site/site.ts';
import { type Kramdown, NestingTooDeep } from './kramdown/index.ts';
import type { JekyllLiquid } from './liquid/index.ts';
import { type SassCompiler, stylesheetJob } from './sass.ts';

export interface RenderTools {
  site: Site;
  liquid: JekyllLiquid;
  markdown: Kramdown;
  sass: SassCompiler;
  drops: Drops;
  diagnostics: Diagnostics;
  /** Told what each template reads. */
  recorder: DependencyRecorder;
}

/** The part of the payload shared by every render: `site`, `jekyll`. */
export function basePayload(tools: RenderTools): Drop {
  return {
    site: tools.drops.siteDropFor(),
    jekyll: { version: '4.3.1', environment: process.env.JEKYLL_ENV ?? 'development' },
    highlighter_prefix: '',
    highlighter_suffix: '',
  };
}

export class Renderer {
  /** Jekyll keeps `layout` in the payload between documents; so do we (templates can see it). */
  private readonly payload: Drop;

  constructor(private readonly tools: RenderTools) {
    this.payload = basePayload(tools);
  }

  /**
   * An item `serve` found unchanged: its previous result takes its turn, so templates
   * rendered after it see its rendered content, exactly as in a full build.
   */
  reuse(item: Renderable, previous: { content: string; output: string; sourceMap?: string }): void {
    item.content = previous.content;
    item.output = previous.output;
    if (previous.sourceMap !== undefined) this.addSourceMap(item, previous.sourceMap);
  }

  /** Source maps written beside stylesheets in this build, by stylesheet (for `serve`). */
  readonly sourceMaps = new Map<Renderable, string>();

  /** Render one item: sets `item.content` (converted body) and `item.output`. */
  async render(item: Renderable): Promise<void> {
    if (item.prerendered) return;
    const { site, drops } = this.tools;
    const payload = this.payload;
    drops.current = item;
    payload.page = drops.of(item);
    payload.paginator =
      item.kind === 'page' && item.pager
        ? pagerToLiquid(item.pager as Pager, (doc) => drops.document(doc))
        : null;
    const layoutName = item.data.layout;
    const firstLayout = layoutName != null ? site.layouts.get(String(layoutName)) : undefined;
    if (firstLayout) payload.layout = { ...(payload.layout as Drop | undefined), ...firstLayout.data };
    // Jekyll's Markdown converter puts a newline before and after a highlight tag's output (its
    // highlighter_prefix/suffix), for the document and its layouts alike.
    payload.highlighter_prefix = payload.highlighter_suffix = item.isMarkdown ? '\n' : '';

    let output = item.content;
    if (item.renderWithLiquid) {
      output = this.tools.liquid.renderSync(output, payload, item.sourceFile, {
        lineOffset: item.bodyLine - 1,
        fileSource: item.sourceText || undefined,
      });
    }
    output = await this.convert(item, output);
    item.content = output;

    if (item.placeInLayout) output = await this.placeInLayouts(item, output, payload);
    item.output = output;
  }

  /**
   * Jekyll names the page when its converter fails ("Conversion error: … while converting FILE");
   * so do we, for what can still go wrong in ours: blocks nested over 100 deep (quotes, lists,
   * `markdown="1"` HTML), where kramdown's re-parse of every level would cost size × depth, or
   * spans or raw HTML nested over 500 or 1,000 deep. Anything else the converter throws is a bug of ours.
   */
  private convertMarkdown(item: Renderable, text: string): string {
    try {
      return this.tools.markdown(text, (counts) => {
        let shown = 0;
        let rest = 0;
        for (const [message, count] of counts) {
          if (shown++ < MAX_KRAMDOWN_WARNINGS)
            this.tools.diagnostics.warn(kramdownWarning(item, message, count));
          else rest += count;
        }
        if (rest > 0) {
          this.tools.diagnostics.warn({
            message: `Kramdown warning: ${rest} more on this page, not shown (${counts.size - MAX_KRAMDOWN_WARNINGS} distinct)`,
            file: item.sourceFile,
          });
        }
      });
    } catch (error) {
      if (error instanceof SiteError) throw error;
      if (error instanceof NestingTooDeep) {
        const inside = {
          blocks: 'quotes, lists or HTML tags',
          spans: 'HTML tags, links or emphasis',
          'HTML elements': 'HTML tags',
        }[error.what];
        throw new SiteError({
          message: `Markdown: this text nests ${error.what} more than ${error.limit} levels deep (${inside} inside one another), too deep to convert`,
          file: item.sourceFile,
          hint: 'Close the HTML tags this page opens (a tag opened in a loop, or pasted markup missing its end tags).',
        });
      }
      throw new SiteError({
        message: `Markdown: the converter failed: ${(error as Error).message}`,
        file: item.sourceFile,
        hint: 'This is a bug in scholarsite: please report it with this page.',
      });
    }
  }

  /**
   * Stylesheets without Liquid can be compiled before their turn: start them now, so Dart Sass
   * works while the other pages render. Their output still lands in Jekyll's order.
   */
  startStylesheets(items: Iterable<Renderable>): void {
    for (const item of items) startStylesheet(this.tools.sass, item);
  }

  async convert(item: Renderable, text: string): Promise<string> {
    if (item.isMarkdown) return this.convertMarkdown(item, text);
    if (item.isSass) {
      this.tools.recorder.uses(Dependency.sass);
      const result = await this.tools.sass.compile(stylesheetJob(item, text));
      if (result.map) this.addSourceMap(item, result.map);
      return result.css;
    }
    return text;
  }

  /**
   * jekyll-sass-converter's SourceMapPage: a page beside the stylesheet, sharing its data,
   * appended to `site.pages` while rendering (so later pages list it), written as is.
   */
  private addSourceMap(item: Renderable, map: string): void {
    if (item.kind !== 'page') return;
    this.sourceMaps.set(item, map);
    const page = new Page(this.tools.site, item.dir, `${item.basename}.css.map`);
    page.data = item.data;
    page.content = map;
    page.output = map;
    page.prerendered = true;
    this.tools.site.pages.push(page);
  }

  private async placeInLayouts(item: Renderable, content: string, payload: Drop): Promise<string> {
    const { site, recorder } = this.tools;
    const name = item.data.layout;
    if (name != null) recorder.uses(Dependency.layout(String(name)));
    let layout = name != null ? site.layouts.get(String(name)) : undefined;
    if (name != null && !layout) {
      this.tools.diagnostics.warn(
        new SiteError({
          message: `the layout '${String(name)}' does not exist`,
          file: item.sourceFile,
          line: frontMatterLine(item.sourceText, 'layout'),
          source: item.sourceText,
          hint:
            site.layouts.size === 0
              ? `Create _layouts/${String(name)}.html, or add \`theme: scholarsite\` to _config.yml to use the built-in theme's layouts.`
              : `Create _layouts/${String(name)}.html, or change \`layout:\` to one of: ${[...site.layouts.keys()].sort().join(', ')}.`,
        }),
      );
    }
    let output = content;
    const used = new Set<string>();
    payload.layout = null;
    while (layout) {
      used.add(layout.name);
      payload.content = output;
      payload.layout = { ...layout.data, ...((payload.layout as Drop | null) ?? {}) };
      output = this.tools.liquid.renderSync(layout.content, payload, layout.relativePath, {
        lineOffset: layout.bodyLine - 1,
        fileSource: layout.sourceText,
      });
      const parent = layout.data.layout;
      if (parent != null) recorder.uses(Dependency.layout(String(parent)));
      const next = parent != null ? site.layouts.get(String(parent)) : undefined;
      if (next && used.has(next.name)) {
        // Jekyll stops there without a word: a note, and a finding for `check` (the circle
        // alone: the same for every page).
        const circle = [...used].slice([...used].indexOf(next.name));
        this.tools.diagnostics.warn({
          message: `the layouts go round in a circle (${[...circle, next.name].join(' → ')}); the chain stops after '${layout.name}'`,
          file: layout.relativePath,
          line: frontMatterLine(layout.sourceText, 'layout'),
          source: layout.sourceText,
          hint: `Remove \`layout: ${next.name}\` from ${layout.relativePath}: layouts may not wrap each other in a circle.`,
          note: 'check',
        });
        break;
      }
      if (!next) break;
      layout = next;
    }
    return output;
  }
}

/** Start compiling a stylesheet page that has no Liquid (its text is final): see SassCompiler#prefetch. */
export function startStylesheet(sass: SassCompiler, item: Renderable): void {
  if (item.isSass && !item.renderWithLiquid && !item.prerendered)
    sass.prefetch(stylesheetJob(item, item.content));
}

function frontMatterLine(text: string, key: string): number | undefined {
  const lines = text.split('\n');
  const index = lines.findIndex((line, i) => i > 0 && line.startsWith(`${key}:`));
  return index >= 0 ? index + 1 : undefined;
}

/** A page's kramdown warnings shown, the first distinct ones: a broken page can give thousands. */
const MAX_KRAMDOWN_WARNINGS = 50;

/** kramdown's line numbers, "on line N" or "(line N)", count from the body: these count from the file. */
const KRAMDOWN_LINE = /\b(on line |\(line )(\d+)/g;

/**
 * A kramdown warning as Jekyll prints it with `show_warnings: true` ("Kramdown warning: …"), naming
 * the page and the line in its file, once however often kramdown gives it.
 */
function kramdownWarning(item: Renderable, warning: string, count: number): ProblemInit {
  let line: number | undefined;
  const message = warning.replace(KRAMDOWN_LINE, (_, words: string, number: string) => {
    const inFile = Number(number) + item.bodyLine - 1;
    line ??= inFile;
    return `${words}${inFile}`;
  });
  return {
    message: `Kramdown warning: ${message}${count > 1 ? ` (${count} times)` : ''}`,
    file: item.sourceFile,
    line,
    hint: "kramdown converts the page anyway; 'show_warnings: false' under 'kramdown:' in _config.yml hides these.",
  };
}
