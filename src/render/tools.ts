/** The tools a build renders with: kramdown (cached), Liquid as Jekyll sets it up, Sass, the drops. */
import type { Liquid } from 'liquidjs';
import type { Diagnostics } from '../errors.ts';
import { SiteError } from '../errors.ts';
import { BuildTime } from '../site/build-time.ts';
import { Dependency, type DependencyRecorder } from '../site/dependency.ts';
import type { Renderable } from '../site/document.ts';
import { Drops } from '../site/drops.ts';
import type { Site } from '../site/site.ts';
import { extractExcerpt } from './excerpt.ts';
import { createKramdown, type Kramdown } from './kramdown/index.ts';
import { createLiquid, siteUrlLookups } from './liquid/index.ts';
import type { MarkdownCache } from './markdown-cache.ts';
import type { RenderTools } from './renderer.ts';
import type { SassCompiler } from './sass.ts';

/**
 * The site's Markdown converter: kramdown with its `kramdown:` settings. (A `markdown: GFM`
 * setting, CommonMark elsewhere, is named by generate's warnings.)
 */
export function markdownConverter(site: Site): Kramdown {
  return createKramdown(site.settings.kramdown);
}

/** What renderTools is made from. */
export interface RenderToolsSetup {
  site: Site;
  diagnostics: Diagnostics;
  /** Told what each template reads (the build's, see site/build-services.ts). */
  recorder: DependencyRecorder;
  sass: SassCompiler;
  /** Conversions kept between builds (none in serve, nor with --disable-disk-cache). */
  markdownCache?: MarkdownCache;
  /** The plugins' tags (seo, feed_meta…), from generate/. */
  extend(liquid: Liquid): void;
}

/** Liquid, Markdown, Sass and the drops for one build, with excerpts rendered on first use. */
export function renderTools({
  site,
  diagnostics,
  recorder,
  sass,
  markdownCache,
  extend,
}: RenderToolsSetup): RenderTools {
  const convert = markdownConverter(site);
  const markdown = markdownCache ? markdownCache.wrap(convert) : convert;
  const excerpts = new Map<Renderable, string>();
  const tools: RenderTools = {
    site,
    markdown,
    sass,
    diagnostics,
    recorder,
    drops: new Drops(
      site,
      {
        excerptOf: (item) => {
          if (excerpts.has(item)) return excerpts.get(item);
          if (item.kind === 'page' && !site.config.page_excerpts) return undefined;
          if (item.kind === 'document' && item.frontMatterFailed) return undefined;
          // `data["excerpt"] ||= Excerpt.new(self)`: an empty `excerpt:` (nil) or `false` is cut from the text.
          const own = item.data.excerpt;
          if (own != null && own !== false) return String(own);
          if (item.excerptSeparator === '') return undefined;
          const text = extractExcerpt(item, item.rawContent);
          let output = text;
          try {
            if (text.includes('{{') || text.includes('{%')) {
              output = tools.liquid.renderSync(
                text,
                {
                  site: tools.drops.siteDropFor(),
                  page: tools.drops.of(item),
                  // As the page's own render: Jekyll's Markdown converter's highlight tag newlines.
                  highlighter_prefix: item.isMarkdown ? '\n' : '',
                  highlighter_suffix: item.isMarkdown ? '\n' : '',
                },
                item.sourceFile,
                {
                  lineOffset: item.bodyLine - 1,
                },
              );
            }
            output = item.isMarkdown ? markdown(output) : output;
          } catch (error) {
            if (error instanceof SiteError) diagnostics.error(error);
            else throw error;
          }
          excerpts.set(item, output);
          return output;
        },
      },
      recorder,
    ),
    liquid: undefined as never,
  };
  tools.liquid = createLiquid({
    sourceDir: site.source,
    includeDirs: site.includeDirs,
    config: site.config,
    markdownify: markdown,
    scssify: (text, syntax) => {
      recorder.uses(Dependency.sass);
      return sass.compileFilter(text, syntax);
    },
    ...siteUrlLookups(site, recorder),
    warn: (problem) => diagnostics.warn(problem),
    uses: recorder.uses,
    now: () => new BuildTime(Date.now(), site.time.note),
    extend,
  });
  return tools;
}
