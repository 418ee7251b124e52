/**
 * One build, in Jekyll's words: reset → read → generate → render → cleanup → write.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Config, loadConfig, publishingMode, siteFolders, siteSettings } from './config/index.ts';
import { configuredTheme } from './config/theme.ts';
import { Diagnostics, type ProblemInit, SiteError } from './errors.ts';
import { registerPluginTags, runGenerators, runPostRender } from './generate/index.ts';
import {
  forgetIncremental,
  keptSearchIndex,
  restoreIncremental,
  saveIncremental,
} from './incremental/saved.ts';
import { Profiler } from './profile.ts';
import { bibFilesKnown, hasBibFiles } from './read/bibliography/index.ts';
import { loadBibtexParser } from './read/bibliography/parse.ts';
import { readSite } from './read/reader.ts';
import { fetchTheme } from './remote-theme/index.ts';
import { KRAMDOWN_IMPLEMENTATION } from './render/kramdown/index.ts';
import { MarkdownCache } from './render/markdown-cache.ts';
import { Renderer, startStylesheet } from './render/renderer.ts';
import { SassCompiler } from './render/sass.ts';
import { renderTools } from './render/tools.ts';
import { parseRubyTime, useTimezone } from './ruby/time.ts';
import { searchEnabled, searchIndex } from './search/index.ts';
import type { BuildServices, LoadedFile } from './site/build-services.ts';
import { BuildTime } from './site/build-time.ts';
import { type Dependency, DependencyRecorder } from './site/dependency.ts';
import type { Renderable } from './site/document.ts';
import { Site } from './site/site.ts';
import { collectOutputs, outputOf, staticOutputs, writes } from './write/outputs.ts';
import { type OutputFile, restoreInterruptedSwap, SiteWriter } from './write/writer.ts';

export interface BuildOptions {
  source: string;
  destination?: string;
  configFiles?: string[];
  /** Command-line settings applied over the config files. */
  overrides?: Config;
  /** Warnings become errors (`--strict`). */
  strict?: boolean;
  print?: (text: string) => void;
  /** What `-V/--verbose` shows: each file read, rendered and written. */
  log?: (text: string) => void;
  profile?: boolean;
  /** false: no cache between builds (`--disable-disk-cache`). */
  diskCache?: boolean;
  /** `serve`'s rebuilds: which items to render again, and how to write (see incremental/builder). */
  incremental?: IncrementalBuild;
  /**
   * `build -I`: write only the files that changed, in place, instead of replacing the whole
   * destination. (Every build with the disk cache starts from what the last one rendered.)
   */
  keepIncremental?: boolean;
  /**
   * Build as GitHub Pages publishes (its defaults, overrides and always-on plugins), as plain
   * Jekyll 4.3 (false), or as the site's repository says (unset: see `publishingMode`).
   */
  githubPages?: boolean;
  /** A Sass compiler kept alive between builds by `serve` (else one per build). */
  sass?: SassCompiler;
  /** `site.time` (tests pin it; else now). */
  time?: Date;
}

/** What `serve` plugs into a build to render only what a change can affect. */
export interface IncrementalBuild {
  /** Source texts kept from earlier builds (files saved since are not in it). */
  readonly fileTexts?: Map<string, string>;
  /** Pages and documents as the last build read them. */
  readonly loadedFiles?: Map<string, LoadedFile>;
  /** Called once the site is read and generated: the previous result of each unchanged item. */
  plan(site: Site): (item: Renderable) => ReusedRender | undefined;
  /** Each item rendered afresh, with what it read while rendering. */
  rendered(item: Renderable, result: ReusedRender, dependencies: Set<Dependency>): void;
  /**
   * Whether this build replaces the whole destination (the first one): its pages are then
   * written while it renders, by the `writer` handed to `write`.
   */
  replacesSite(site: Site): boolean;
  /** Write the outputs: only what changed, or everything through `writer`. */
  write(site: Site, files: OutputFile[], writer?: SiteWriter): Promise<void>;
  /** The search index of an earlier build, to keep instead of indexing again (it takes ~0.3 s). */
  searchIndex?: OutputFile[];
  /** How many items the last build rendered, and how many it reused. */
  readonly counts: { rendered: number; reused: number };
}

/** An item's render result, to reuse when nothing it depends on changed. */
export interface ReusedRender {
  content: string;
  output: string;
  sourceMap?: string;
  /** The warnings its render raised. */
  warnings?: ProblemInit[];
}

export interface BuildResult {
  site: Site;
  diagnostics: Diagnostics;
  files: number;
  profile?: Profiler;
}

/** One build's state: made once by `build()`, handed to each step. */
interface BuildContext {
  readonly site: Site;
  /** What the build lends the reader and the renderer beside the site (caches, serve's state, the recorder). */
  readonly services: BuildServices;
  readonly diagnostics: Diagnostics;
  readonly profiler: Profiler;
  readonly sass: SassCompiler;
  /** Whether serve keeps the Sass compiler (and its stylesheets) between builds. */
  readonly sassKept: boolean;
  /** Conversions kept between builds (none in serve, nor with --disable-disk-cache). */
  readonly markdownCache?: MarkdownCache;
  /** serve's rebuilds, or the state a cached build (and `-I`) starts from. */
  readonly incremental?: IncrementalBuild;
  /** Warnings fail the build (`--strict`). */
  readonly strict: boolean;
  readonly log: (text: string) => void;
}

/** A build's render pass: the renderer, what it may reuse, and where pages go as they render. */
interface RenderPass {
  readonly renderer: Renderer;
  readonly reuse: (item: Renderable) => ReusedRender | undefined;
  /** Set when this build replaces the whole destination. */
  readonly writer?: SiteWriter;
}

export class BuildFailed extends Error {
  constructor(readonly diagnostics: Diagnostics) {
    super(`${diagnostics.errors.length} error(s)`);
  }
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const diagnostics = new Diagnostics(options.print, options.log);
  const profiler = new Profiler(Boolean(options.profile));
  try {
    const recorder = new DependencyRecorder();
    const site = await resetSite(options, diagnostics, profiler, recorder);
    const cacheDir = options.diskCache === false ? undefined : site.folders.ownCacheDir;
    // A build with the disk cache starts from what the last one rendered and kept: it renders
    // again only what the files changed since can affect (incremental/saved). `-I` then writes
    // only the files that changed; a plain build writes the whole site anew. (serve keeps its
    // own state in memory.)
    const saved =
      cacheDir && !options.incremental
        ? profiler.time('restore', () =>
            restoreIncremental(site, { inPlace: Boolean(options.keepIncremental) }),
          )
        : undefined;
    const context = buildContext(site, options, { saved, diagnostics, profiler, recorder, cacheDir });
    try {
      const result = await buildSite(context);
      if (saved) saveIncremental(site, saved);
      return result;
    } finally {
      if (!context.sassKept) await context.sass.dispose();
    }
  } catch (error) {
    if (error instanceof SiteError) {
      diagnostics.error(error);
      throw new BuildFailed(diagnostics);
    }
    throw error;
  }
}

/** Jekyll's `Site#reset` and the config before it: the config read, the destination checked, a new Site. */
async function resetSite(
  options: BuildOptions,
  diagnostics: Diagnostics,
  profiler: Profiler,
  recorder: DependencyRecorder,
): Promise<Site> {
  const overrides: Config = { ...options.overrides };
  if (options.destination) overrides.destination = path.resolve(options.destination);
  const mode = publishingMode(path.resolve(options.source), options.githubPages);
  const readConfig = () =>
    loadConfig({
      source: options.source,
      configFiles: options.configFiles,
      overrides,
      warn: (problem) => diagnostics.warn(problem),
      githubPages: mode.githubPages,
    });
  let { config, files: configFiles } = profiler.time('config', readConfig);
  // A theme from GitHub not fetched yet: fetch it, then read the config again with it.
  if (await fetchTheme(config, diagnostics)) ({ config, files: configFiles } = readConfig());
  for (const file of configFiles) options.log?.(`Configuration file: ${file}`);
  if (options.strict) config.strict_front_matter = true;
  const { timezone } = siteSettings(config); // set before the config's `time:` is read
  if (timezone) useTimezone(timezone);
  const folders = siteFolders(config);
  checkDestination(folders.source, folders.destination);
  restoreInterruptedSwap(folders.destination);
  // Each use of the build's time is a read the recorder hears of (site/build-time.ts).
  const time = options.time?.getTime() ?? configuredTime(config, diagnostics) ?? Date.now();
  const site = new Site(config, diagnostics, new BuildTime(time, recorder.uses));
  site.githubPages = mode.githubPages;
  return site;
}

/**
 * The build's mode, chosen once: serve's rebuilds (`options.incremental`), a cached build or
 * `-I` (`saved`), or a fresh one (neither).
 */
function buildContext(
  site: Site,
  options: BuildOptions,
  made: {
    saved: IncrementalBuild | undefined;
    diagnostics: Diagnostics;
    profiler: Profiler;
    recorder: DependencyRecorder;
    /** `.jekyll-cache/scholarsite`; unset with --disable-disk-cache. */
    cacheDir: string | undefined;
  },
): BuildContext {
  const { saved, diagnostics, profiler, recorder, cacheDir } = made;
  const incremental = options.incremental ?? saved;
  const sass = options.sass ?? sassCompilerFor(site.source, site.config, options.diskCache);
  const sassKept = options.sass !== undefined;
  return {
    site,
    services: {
      diagnostics,
      cacheDir,
      fileTexts: incremental?.fileTexts,
      loadedFiles: incremental?.loadedFiles,
      // Nothing compiled yet (and no serve keeping its stylesheets): each stylesheet without
      // Liquid starts compiling as soon as it is read, while the rest of the site is read and rendered.
      pageRead: !sassKept && !sass.hasCache() ? (page) => startStylesheet(sass, page) : undefined,
      recorder,
    },
    diagnostics,
    profiler,
    sass,
    sassKept,
    // serve renders only what a save affects: its conversions would not fill the cache.
    markdownCache:
      cacheDir && !options.incremental
        ? new MarkdownCache(cacheDir, site.settings.kramdown, KRAMDOWN_IMPLEMENTATION)
        : undefined,
    incremental,
    strict: Boolean(options.strict),
    log: options.log ?? (() => {}),
  };
}

/**
 * The Sass compiler of a site. Compiled stylesheets are cached in the source, like Jekyll's
 * `.jekyll-cache` (never written out), unless `diskCache` is false (`--disable-disk-cache`).
 */
export function sassCompilerFor(source: string, config: Config, diskCache = true): SassCompiler {
  const cacheDir = path.join(siteFolders({ ...config, source }).ownCacheDir, 'sass');
  const themeSass = configuredTheme(config)?.sassPath;
  return new SassCompiler({
    source,
    config,
    cacheDir: diskCache ? cacheDir : undefined,
    themeSassDirs: themeSass ? [themeSass] : [],
  });
}

/** Jekyll's `Site#process` after reset: read → generate → render → write. */
async function buildSite(context: BuildContext): Promise<BuildResult> {
  const { site, services, diagnostics, profiler, sass, markdownCache, incremental, strict } = context;
  // Dart Sass boots while the source is read, unless a cache may spare it.
  if ((existsSync(site.folders.sassDir) || site.theme?.sassPath) && !sass.hasCache()) sass.warmUp();

  if (hasBibFiles(site.config) && !bibFilesKnown(site, services.cacheDir)) await loadBibtexParser();
  const { unreadBibliography } = profiler.time('read', () => readSite(site, services));
  if (unreadBibliography) {
    await loadBibtexParser();
    profiler.time('bibliography', unreadBibliography);
  }
  failOnErrors(diagnostics, strict);

  await profiler.timeAsync('generate', () => runGenerators(site, diagnostics));

  const reuse = profiler.time('plan', () => incremental?.plan(site)) ?? (() => undefined);
  const renderer = new Renderer(
    profiler.time('setup', () =>
      renderTools({
        site,
        diagnostics,
        recorder: services.recorder,
        sass,
        markdownCache,
        extend: (liquid) => registerPluginTags(liquid, site),
      }),
    ),
  );
  renderer.startStylesheets(site.pages.filter((page) => !reuse(page)));
  // A build that replaces the whole site writes each page while the next ones render; serve's
  // and -I's later builds write only what changed, at the end.
  const writer =
    !incremental || incremental.replacesSite(site)
      ? new SiteWriter(site.destination, site.pages.length + site.documents.length + site.staticFiles.length)
      : undefined;
  try {
    const result = await renderAndWrite(context, { renderer, reuse, writer });
    // A build that reused pages saw only some of the site's texts: it keeps the others too.
    markdownCache?.save({ whole: !incremental?.counts.reused });
    return result;
  } finally {
    await writer?.abandon(); // the build failed before its swap: no staging folder is left
  }
}

async function renderAndWrite(context: BuildContext, pass: RenderPass): Promise<BuildResult> {
  const { site, diagnostics, profiler, incremental, strict, log } = context;
  const { writer } = pass;
  if (writer) for (const file of staticOutputs(site)) writer.early(file);
  await profiler.timeAsync('render', () => renderAll(context, pass));
  failOnErrors(diagnostics, strict);
  await runPostRender(site); // plugins' :post_render hooks (jemoji, mentions)

  const files = profiler.time('collect', () => collectOutputs(site, diagnostics));
  failOnErrors(diagnostics, strict); // collecting warns of clashing and climbing permalinks
  if (searchEnabled(site)) {
    const kept = incremental && keptSearchIndex(incremental, files);
    const index =
      incremental?.searchIndex ??
      kept ??
      (await profiler.timeAsync('search', () => searchIndex(files, site.settings.baseurl)));
    if (incremental) incremental.searchIndex = index;
    files.push(...index);
  }
  log(`Writing: ${files.length} files to ${site.destination}`);
  forgetIncremental(site); // the state kept by the last build no longer matches the destination
  await profiler.timeAsync('write', () =>
    incremental ? incremental.write(site, files, writer) : writer!.finish(files, site.settings.keepFiles),
  );
  return { site, diagnostics, files: files.length, profile: profiler };
}

/** Documents, collection by collection, then pages, as `Site#render` does. */
async function renderAll(context: BuildContext, pass: RenderPass): Promise<void> {
  const { site, services, diagnostics, profiler, incremental, log } = context;
  const { renderer, reuse, writer } = pass;
  // Pages are read by index: rendering may append some (source maps), which are then rendered too.
  const pages = site.pages;
  const items = (function* (): Generator<Renderable> {
    yield* site.documents;
    for (let i = 0; i < pages.length; i++) yield pages[i];
  })();
  for (const item of items) {
    // Asked before rendering, so that comparing its date with the build time is not a use of it.
    const written = writer !== undefined && writes(site, item);
    const previous = reuse(item);
    if (previous) {
      renderer.reuse(item, previous);
      // What its render said then, it says again: a reused page warns as a rendered one does.
      for (const warning of previous.warnings ?? []) diagnostics.warn(warning);
      if (written) writer.early(outputOf(item));
      continue;
    }
    log(`Rendering: ${item.sourceFile}`);
    const dependencies = new Set<Dependency>();
    services.recorder.listen(incremental && ((dependency) => dependencies.add(dependency)));
    diagnostics.startRecording();
    let warnings: ProblemInit[];
    try {
      await profiler.timeAsync(item.sourceFile, () => renderer.render(item), 'template');
    } catch (error) {
      if (error instanceof SiteError) diagnostics.error(error);
      else throw error;
      continue;
    } finally {
      warnings = diagnostics.stopRecording();
      services.recorder.listen(undefined);
    }
    if (written) writer.early(outputOf(item));
    incremental?.rendered(
      item,
      {
        content: item.content,
        output: item.output ?? '',
        sourceMap: renderer.sourceMaps.get(item),
        warnings: warnings.length ? warnings : undefined,
      },
      dependencies,
    );
  }
}

/** `time:` in _config.yml (Jekyll's `Utils.parse_date(config["time"].to_s)`), else undefined (now). */
function configuredTime(config: Config, diagnostics: Diagnostics): number | undefined {
  const value = config.time;
  if (value == null) return undefined;
  const time = value instanceof Date ? value : parseRubyTime(String(value));
  if (time) return time.getTime();
  diagnostics.error({
    message: `Invalid time '${String(value)}' in _config.yml: Ruby's Time.parse cannot read it, and Jekyll stops the build on it`,
    file: '_config.yml',
    hint: 'Write it as YYYY-MM-DD HH:MM:SS +/-TTTT, or remove `time:` to use the time of the build.',
  });
  return undefined;
}

function failOnErrors(diagnostics: Diagnostics, strict = false): void {
  if (diagnostics.errors.length || (strict && diagnostics.warnings.length))
    throw new BuildFailed(diagnostics);
}

/** The destination may not be the source, nor contain it (a build would delete the user's files). */
function checkDestination(source: string, destination: string): void {
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep);
  if (inside(source, destination)) {
    throw new SiteError({
      message: `the destination ${destination} is the source folder or contains it`,
      file: '_config.yml',
      hint: 'Choose a destination inside the site folder, such as _site (the default).',
    });
  }
}
