/**
 * Sass/SCSS pages as jekyll-sass-converter writes them: `_sass` (sass_dir) on the load path,
 * `style` from config, and a source map beside the CSS unless `sourcemap: never`.
 */
import path from 'node:path';
import { compileString, type Syntax } from 'sass-embedded';
import { SiteError } from '../errors.ts';

export interface SassOptions {
  source: string;
  config: Record<string, unknown>;
  /** Theme folders searched after the site's own `_sass`. */
  themeSassDirs?: string[];
}

export interface SassResult {
  css: string;
  /** The `.map` file's text, when one is written. */
  map?: string;
}

export class SassCompiler {
  private readonly loadPaths: string[];
  private readonly style: 'expanded' | 'compressed';
  private readonly sourcemap: string;

  constructor(private readonly options: SassOptions) {
    const sass = (options.config.sass ?? {}) as Record<string, unknown>;
    const sassDir = String(sass.sass_dir ?? '_sass');
    const extra = Array.isArray(sass.load_paths)
      ? sass.load_paths.map((p) => path.resolve(options.source, String(p)))
      : [];
    this.loadPaths = [path.resolve(options.source, sassDir), ...extra, ...(options.themeSassDirs ?? [])];
    this.style = sass.style === 'compressed' || sass.style === 'compact' ? 'compressed' : 'expanded';
    this.sourcemap = String(sass.sourcemap ?? 'always');
  }

  private get wantsMap(): boolean {
    if (this.sourcemap === 'never') return false;
    if (this.sourcemap === 'development') return (process.env.JEKYLL_ENV ?? 'development') === 'development';
    return true;
  }

  /** Compile a page's body; `file` is its site-relative path, `outputName` the css file's name. */
  compile(
    text: string,
    syntax: 'scss' | 'sass',
    file: string,
    outputName: string,
    lineOffset = 0,
  ): SassResult {
    const wantsMap = this.wantsMap && outputName !== '';
    try {
      const result = compileString(text, {
        syntax: syntax === 'sass' ? 'indented' : ('scss' satisfies Syntax),
        style: this.style,
        loadPaths: this.loadPaths,
        sourceMap: wantsMap,
        sourceMapIncludeSources: true,
        url: new URL(`file://${path.join(this.options.source, file)}`),
        silenceDeprecations: ['import', 'slash-div', 'mixed-decls'],
        quietDeps: true,
        logger: { warn: () => {}, debug: () => {} },
      });
      let css = result.css.replace(/^\uFEFF/, '');
      if (!wantsMap || !result.sourceMap) return { css: `${css}\n` };
      const map = result.sourceMap;
      map.file = outputName;
      map.sources = map.sources.map((source: string) =>
        source.startsWith('file://') ? path.relative(this.options.source, new URL(source).pathname) : source,
      );
      css += `\n\n/*# sourceMappingURL=${encodeURI(`${outputName}.map`)} */`;
      return { css, map: JSON.stringify(map, null, '\t') };
    } catch (error) {
      const e = error as { message: string; span?: { start: { line: number; column: number }; url?: URL } };
      const inOther = e.span?.url && e.span.url.pathname !== path.join(this.options.source, file);
      throw new SiteError({
        message: `Sass: ${String(e.message).split('\n')[0]}`,
        file: inOther ? path.relative(this.options.source, e.span!.url!.pathname) : file,
        line: e.span ? e.span.start.line + 1 + (inOther ? 0 : lineOffset) : undefined,
        column: e.span ? e.span.start.column + 1 : undefined,
        hint: 'Fix the stylesheet at this line; partials are looked up in _sass/.',
      });
    }
  }

  /** The `scssify`/`sassify` filters: no map, no front matter. */
  compileFilter(text: string, syntax: 'scss' | 'sass'): string {
    return this.compile(text, syntax, '(scssify filter)', '').css;
  }
}
