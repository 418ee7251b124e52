/**
 * Sass/SCSS pages as jekyll-sass-converter writes them: `_sass` (sass_dir) on the load path,
 * `style` from config, and a source map beside the CSS unless `sourcemap: never`.
 * Compilation runs in Dart Sass's own process, so it can start early and overlap rendering.
 */
import path from 'node:path';
import { type AsyncCompiler, compileString, initAsyncCompiler, type StringOptions } from 'sass-embedded';
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

export interface SassJob {
  text: string;
  syntax: 'scss' | 'sass';
  /** Site-relative path of the stylesheet page. */
  file: string;
  /** Name of the css file written, for the map's `file` and the sourceMappingURL. */
  outputName: string;
  /** Front matter lines above the body. */
  lineOffset?: number;
}

export class SassCompiler {
  private readonly loadPaths: string[];
  private readonly style: 'expanded' | 'compressed';
  private readonly sourcemap: string;
  private compiler: Promise<AsyncCompiler> | undefined;

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

  private settings(job: SassJob, wantsMap: boolean): StringOptions<'sync'> {
    return {
      syntax: job.syntax === 'sass' ? 'indented' : 'scss',
      style: this.style,
      loadPaths: this.loadPaths,
      sourceMap: wantsMap,
      sourceMapIncludeSources: true,
      url: new URL(`file://${path.join(this.options.source, job.file)}`),
      silenceDeprecations: ['import', 'slash-div', 'mixed-decls'],
      quietDeps: true,
      logger: { warn: () => {}, debug: () => {} },
    };
  }

  /** Start Dart Sass's process now (it takes a moment to boot), before any stylesheet is due. */
  warmUp(): void {
    this.compiler ??= initAsyncCompiler();
  }

  /** Compile a stylesheet page in Dart Sass's process. */
  async compile(job: SassJob): Promise<SassResult> {
    const wantsMap = this.wantsMap && job.outputName !== '';
    this.compiler ??= initAsyncCompiler();
    try {
      // No importers among the settings, so the same options serve both APIs.
      const settings = this.settings(job, wantsMap) as unknown as StringOptions<'async'>;
      const result = await (await this.compiler).compileStringAsync(job.text, settings);
      return this.finish(result, job, wantsMap);
    } catch (error) {
      throw this.located(error, job);
    }
  }

  /** The `scssify`/`sassify` filters (synchronous, inside Liquid): no map. */
  compileFilter(text: string, syntax: 'scss' | 'sass'): string {
    const job: SassJob = { text, syntax, file: '(scssify filter)', outputName: '' };
    try {
      return this.finish(compileString(text, this.settings(job, false)), job, false).css;
    } catch (error) {
      throw this.located(error, job);
    }
  }

  async dispose(): Promise<void> {
    if (this.compiler) await (await this.compiler).dispose();
    this.compiler = undefined;
  }

  private finish(
    result: { css: string; sourceMap?: { file?: string; sources: string[] } },
    job: SassJob,
    wantsMap: boolean,
  ): SassResult {
    let css = result.css.replace(/^\uFEFF/, '');
    if (!wantsMap || !result.sourceMap) return { css: `${css}\n` };
    const map = result.sourceMap;
    map.file = job.outputName;
    map.sources = map.sources.map((source: string) =>
      source.startsWith('file://') ? path.relative(this.options.source, new URL(source).pathname) : source,
    );
    css += `\n\n/*# sourceMappingURL=${encodeURI(`${job.outputName}.map`)} */`;
    return { css, map: JSON.stringify(map, null, '\t') };
  }

  private located(error: unknown, job: SassJob): SiteError {
    const e = error as { message: string; span?: { start: { line: number; column: number }; url?: URL } };
    const own = path.join(this.options.source, job.file);
    const inOther = e.span?.url && e.span.url.pathname !== own;
    return new SiteError({
      message: `Sass: ${String(e.message).split('\n')[0]}`,
      file: inOther ? path.relative(this.options.source, e.span!.url!.pathname) : job.file,
      line: e.span ? e.span.start.line + 1 + (inOther ? 0 : (job.lineOffset ?? 0)) : undefined,
      column: e.span ? e.span.start.column + 1 : undefined,
      hint: 'Fix the stylesheet at this line; partials are looked up in _sass/.',
    });
  }
}
