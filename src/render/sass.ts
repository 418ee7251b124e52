/**
 * Sass/SCSS pages as jekyll-sass-converter writes them: `_sass` (sass_dir) on the load path,
 * `style` from config, and a source map beside the CSS unless `sourcemap: never`.
 * Compilation runs in Dart Sass's own process, driven from a worker thread (`sass-worker.ts`), so
 * it starts early and overlaps reading and rendering.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { StringOptions } from 'sass-embedded';
import { SiteError } from '../errors.ts';
import { startWorker } from '../worker-thread.ts';
import { keepCacheFile } from '../write/cache-file.ts';
import type { SassReply, SassRequest } from './sass-worker.ts';

/** Dart Sass's host library takes ~0.2 s to load: only sites with stylesheets to compile pay it. */
let sassModule: typeof import('sass-embedded') | undefined;
function sassEmbedded(): typeof import('sass-embedded') {
  sassModule ??= createRequire(import.meta.url)('sass-embedded') as typeof import('sass-embedded');
  return sassModule;
}

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

export class SassCompiler {
  private readonly loadPaths: string[];
  private readonly style: 'expanded' | 'compressed';
  private readonly sourcemap: string;
  private worker: SassWorker | undefined;

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

  hasCache(): boolean {
    return this.options.cacheDir !== undefined && existsSync(this.options.cacheDir);
  }

  /** Start Dart Sass now (it takes a moment to boot), before any stylesheet is due. */
  warmUp(): void {
    this.worker ??= new SassWorker();
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

  /** Compile a stylesheet page in Dart Sass's process (or take it from the disk cache). */
  async compile(job: SassJob): Promise<SassResult> {
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
    this.worker ??= new SassWorker();
    const { logger: _, url, ...settings } = this.settings(job, wantsMap);
    const reply = await this.worker.compile({ text: job.text, options: { ...settings, url: url!.href } });
    if ('error' in reply) {
      const { message, span } = reply.error;
      throw this.located(
        { message, span: span && { start: span, url: span.url ? new URL(span.url) : undefined } },
        job,
      );
    }
    return this.finish(reply, job, wantsMap);
  }

  /** The `scssify`/`sassify` filters (synchronous, inside Liquid): no map. */
  compileFilter(text: string, syntax: 'scss' | 'sass'): string {
    const job: SassJob = { text, syntax, file: '(scssify filter)', outputName: '' };
    try {
      return this.finish(sassEmbedded().compileString(text, this.settings(job, false)), job, false).css;
    } catch (error) {
      throw this.located(error, job);
    }
  }

  async dispose(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
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
      message: `Sass: ${String(e.message)
        .split('\n')[0]
        .replace(/^Error: /, '')}`,
      source: inOther ? undefined : job.fileSource,
      file: inOther ? path.relative(this.options.source, e.span!.url!.pathname) : job.file,
      line: e.span ? e.span.start.line + 1 + (inOther ? 0 : (job.lineOffset ?? 0)) : undefined,
      column: e.span ? e.span.start.column + 1 : undefined,
      hint: 'Fix the stylesheet at this line; partials are looked up in _sass/.',
    });
  }
}

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

/** The main thread's end of `sass-worker.ts`: one request at a time per id, answered in any order. */
class SassWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, (reply: SassReply) => void>();
  private nextId = 0;

  constructor() {
    this.worker = startWorker(import.meta.url, 'sass-worker');
    this.worker.on('message', (reply: SassReply) => {
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
    });
    this.worker.on('error', (error) => {
      for (const [id, answer] of this.waiting) answer({ id, error: { message: error.message } });
      this.waiting.clear();
    });
  }

  compile(request: Omit<SassRequest, 'id'>): Promise<SassReply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ ...request, id } satisfies SassRequest);
    });
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.postMessage('close');
    await exited;
  }
}
