/**
 * Sass/SCSS pages as jekyll-sass-converter writes them: `_sass` (sass_dir) on the load path,
 * `style` from config, and a source map beside the CSS unless `sourcemap: never`.
 * Compilation runs in Dart Sass's own process (`dart-sass.ts`), which starts early and works
 * while the site is read and rendered.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { siteSettings } from '../config/index.ts';
import { SiteError } from '../errors.ts';
import type { Renderable } from '../site/document.ts';
import { keepCacheFile } from '../write/cache-file.ts';
import { type CompileFailure, type CompileRequest, type CompileResponse, DartSass } from './dart-sass.ts';

export interface SassOptions {
  source: string;
  config: Record<string, unknown>;
  /** Folder for compiled stylesheets kept between builds; none: no disk cache. */
  cacheDir?: string;
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
  /** The whole file, for a code frame. */
  fileSource?: string;
}

/** The compile job of a stylesheet page, whose body (after Liquid) is `text`. */
export function stylesheetJob(item: Renderable, text: string): SassJob {
  return {
    text,
    syntax: item.ext.toLowerCase() === '.sass' ? 'sass' : 'scss',
    file: item.sourceFile,
    outputName: path.posix.basename(item.destinationPath),
    lineOffset: item.bodyLine - 1,
    fileSource: item.sourceText || undefined,
  };
}

export class SassCompiler {
  private readonly loadPaths: string[];
  private readonly style: 'expanded' | 'compressed';
  private readonly sourcemap: string;
  private compiler: DartSass | undefined;

  constructor(private readonly options: SassOptions) {
    const { sass } = siteSettings(options.config);
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

  private request(job: SassJob, wantsMap: boolean): CompileRequest {
    return {
      source: job.text,
      url: pathToFileURL(path.join(this.options.source, job.file)).href,
      syntax: job.syntax === 'sass' ? 'indented' : 'scss',
      style: this.style,
      loadPaths: this.loadPaths,
      sourceMap: wantsMap,
    };
  }

  hasCache(): boolean {
    return this.options.cacheDir !== undefined && existsSync(this.options.cacheDir);
  }

  /** Start Dart Sass now (it takes a moment to boot), before any stylesheet is due. */
  warmUp(): void {
    this.compiler ??= new DartSass();
  }

  /**
   * The cache key of a stylesheet: its text and settings, and the name, size and time of every
   * file on the load paths (an edited partial changes it).
   */
  private cacheKey(job: SassJob, wantsMap: boolean): string {
    const hash = createHash('sha256');
    hash.update(JSON.stringify([job, wantsMap, this.style, this.loadPaths]));
    for (const dir of this.loadPaths) {
      for (const file of listFiles(dir)) {
        const stat = statSync(file);
        hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
      }
    }
    return hash.digest('hex');
  }

  /** Compilations started before their stylesheet's turn (`prefetch`), by job. */
  private readonly started = new Map<string, Promise<SassResult>>();

  /**
   * Start compiling a stylesheet now, so that Dart Sass works while the site is read and
   * rendered; `compile` of the same job takes the result.
   */
  prefetch(job: SassJob): void {
    const key = jobKey(job);
    if (this.started.has(key)) return;
    const pending = this.compileNow(job);
    pending.catch(() => {}); // reported when its turn comes
    this.started.set(key, pending);
  }

  /** Compile a stylesheet page in Dart Sass's process (or take it from the disk cache). */
  compile(job: SassJob): Promise<SassResult> {
    const key = jobKey(job);
    const started = this.started.get(key);
    if (!started) return this.compileNow(job);
    this.started.delete(key);
    return started;
  }

  private async compileNow(job: SassJob): Promise<SassResult> {
    const wantsMap = this.wantsMap && job.outputName !== '';
    const cacheFile = this.options.cacheDir
      ? path.join(this.options.cacheDir, `${this.cacheKey(job, wantsMap)}.json`)
      : undefined;
    if (cacheFile && existsSync(cacheFile)) {
      try {
        return JSON.parse(readFileSync(cacheFile, 'utf8')) as SassResult;
      } catch {
        // a damaged cache entry is compiled again
      }
    }
    const result = await this.compileFresh(job, wantsMap);
    if (cacheFile) keepCacheFile(cacheFile, JSON.stringify(result));
    return result;
  }

  private async compileFresh(job: SassJob, wantsMap: boolean): Promise<SassResult> {
    this.compiler ??= new DartSass();
    let response: CompileResponse;
    try {
      response = await this.compiler.compile(this.request(job, wantsMap));
    } catch (error) {
      this.compiler = undefined; // a compiler that failed is not asked again (serve's next build starts one)
      throw new SiteError({
        message: `Sass: ${(error as Error).message}`,
        file: job.file,
        hint: 'Dart Sass comes with scholarsite (the sass-embedded package): run `npm install` again.',
      });
    }
    return this.finish(response, job, wantsMap);
  }

  /**
   * The `scssify`/`sassify` filters (synchronous, inside Liquid), through sass-embedded's own
   * synchronous compiler: the embedded protocol has no one-shot mode, and the filter is rare
   * enough to pay the ~0.13 s that library takes to load.
   */
  compileFilter(text: string, syntax: 'scss' | 'sass'): string {
    const job: SassJob = { text, syntax, file: '(scssify filter)', outputName: '' };
    const request = this.request(job, false);
    const sass = createRequire(import.meta.url)('sass-embedded') as typeof import('sass-embedded');
    try {
      const { css } = sass.compileString(text, {
        syntax: request.syntax,
        style: request.style,
        loadPaths: request.loadPaths,
        url: new URL(request.url),
        quietDeps: true,
        logger: sass.Logger.silent,
      });
      return this.finish({ css }, job, false).css;
    } catch (error) {
      const e = error as {
        sassMessage?: string;
        message: string;
        span?: { start: { line: number; column: number }; url?: URL };
      };
      const span = e.span && { line: e.span.start.line, column: e.span.start.column, url: e.span.url?.href };
      throw this.located({ message: e.sassMessage ?? e.message, span }, job);
    }
  }

  async dispose(): Promise<void> {
    this.compiler?.dispose();
    this.compiler = undefined;
  }

  private finish(result: CompileResponse, job: SassJob, wantsMap: boolean): SassResult {
    if ('failure' in result) throw this.located(result.failure, job);
    let css = result.css.replace(/^\uFEFF/, '');
    if (!wantsMap || !result.sourceMap) return { css: `${css}\n` };
    const map = JSON.parse(result.sourceMap) as { file?: string; sources: string[] };
    map.file = job.outputName;
    map.sources = map.sources.map((source: string) =>
      source.startsWith('file:') ? path.relative(this.options.source, fileURLToPath(source)) : source,
    );
    css += `\n\n/*# sourceMappingURL=${encodeURI(`${job.outputName}.map`)} */`;
    return { css, map: JSON.stringify(map, null, '\t') };
  }

  private located(failure: CompileFailure, job: SassJob): SiteError {
    const { span } = failure;
    const own = path.join(this.options.source, job.file);
    const other = span?.url?.startsWith('file:') ? fileURLToPath(span.url) : undefined;
    const inOther = other !== undefined && other !== own;
    return new SiteError({
      message: `Sass: ${failure.message.split('\n')[0]}`,
      source: inOther ? undefined : job.fileSource,
      file: inOther ? path.relative(this.options.source, other) : job.file,
      line: span ? span.line + 1 + (inOther ? 0 : (job.lineOffset ?? 0)) : undefined,
      column: span ? span.column + 1 : undefined,
      hint: 'Fix the stylesheet at this line; partials are looked up in _sass/.',
    });
  }
}

const jobKey = (job: SassJob) => JSON.stringify([job.file, job.outputName, job.syntax, job.text]);

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
  } catch {
    return [];
  }
}
