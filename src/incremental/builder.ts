/**
 * Incremental builds (`serve`'s rebuilds, and builds from a saved state, see `saved.ts`): the
 * site is read again (cheap), but a page or document is rendered again
 * only when something it read while rendering changed. Each render records what it read (see
 * `DependencyRecorder`): layouts, includes, `site.data` keys, lists of documents, Sass, `site.github`, and
 * what it showed of the build time. A changed body re-renders that item and every item that read
 * a list it is in (archives, indexes, feed…). Generated pages (pagination, feed, sitemap,
 * redirects) always render. Either the whole site is written anew (a plain build), or only the
 * outputs whose text changed, each by an atomic rename (write/in-place.ts), so the server never sends a torn file.
 */
import crypto from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { IncrementalBuild, ReusedRender } from '../build.ts';
import { showTime } from '../render/liquid/filters/date.ts';
import type { LoadedFile } from '../site/build-services.ts';
import { Dependency, parseDependency } from '../site/dependency.ts';
import type { Renderable } from '../site/document.ts';
import type { Site } from '../site/site.ts';
import { writeInPlace } from '../write/in-place.ts';
import { type OutputFile, SiteWriter } from '../write/writer.ts';

interface RenderRecord {
  /**
   * The file as read (any edit shows here); for a generated page, its data and template. A state
   * read from disk has its digest (`digestOf`).
   */
  input: string;
  /** In a state read from disk: the digest of the input's front matter (`frontMatterOf`). */
  frontMatter?: string;
  result: ReusedRender;
  dependencies: Set<Dependency>;
  /** Its url, worked out again only when its file changes (config edits start afresh). */
  url: string;
}

export interface Snapshot {
  records: Map<string, RenderRecord>;
  /** What each destination file holds: its text, or the stamp of the file it copies. */
  outputs: Map<string, string>;
  layouts: Map<string, string>;
  staticFiles: string;
  /**
   * The config as templates saw it, once the plugins added to it (`site.github`, a title taken
   * from the repository): another one renders everything again. `site.github` is apart (its
   * `build_revision` changes with each commit): only the pages that read it render again.
   */
  config: string;
  github: string;
}

const EMPTY: Snapshot = {
  records: new Map(),
  outputs: new Map(),
  layouts: new Map(),
  staticFiles: '',
  config: '',
  github: '',
};

export class IncrementalBuilder implements IncrementalBuild {
  /**
   * Whether pages made by plugins (feed, sitemap, redirects) are reused when their data and
   * template are the same. `serve` does; builds from a saved state render them afresh, as
   * Jekyll's `-I` does.
   */
  private readonly reuseGenerated: boolean;
  /** Whether each build replaces the whole destination (a plain build) instead of writing what changed. */
  private readonly wholeSite: boolean;

  constructor(options: { reuseGenerated?: boolean; wholeSite?: boolean } = {}) {
    this.reuseGenerated = options.reuseGenerated ?? true;
    this.wholeSite = options.wholeSite ?? false;
  }

  /** The last build that succeeded: what the destination holds. */
  private last: Snapshot = EMPTY;
  private next: Snapshot = EMPTY;
  /** Source files changed since the last good build (a failed build keeps them pending). */
  private readonly changed = new Set<string>();
  /** Destination files the last write touched (written or deleted), relative with `/`. */
  written: string[] = [];
  /** How many items the last build rendered, and how many it reused. */
  counts = { rendered: 0, reused: 0 };
  /** The first build's search index, kept while serving (see README: search while serving). */
  searchIndex: OutputFile[] | undefined;

  /** Texts of the source files, kept until they are saved (the watcher says which). */
  readonly fileTexts = new Map<string, string>();
  /** Pages and documents as read, data and all; used again while their text is the same. */
  readonly loadedFiles = new Map<string, LoadedFile>();

  /** Files saved since the last build (absolute paths). */
  noteChanges(paths: Iterable<string>): void {
    for (const file of paths) {
      this.changed.add(file);
      this.fileTexts.delete(file);
    }
  }

  /** Start from a saved build: what it wrote, and the files changed since (absolute paths). */
  restore(snapshot: Snapshot, changed: Iterable<string>): void {
    this.last = snapshot;
    this.noteChanges(changed);
  }

  /** What the destination holds now, to save for the next build. */
  snapshot(): Snapshot {
    return this.last;
  }

  /** Forget everything: the next build renders every item and rewrites the destination. */
  reset(): void {
    this.last = EMPTY;
    this.changed.clear();
    this.fileTexts.clear();
    this.loadedFiles.clear();
    this.searchIndex = undefined;
  }

  plan(site: Site): (item: Renderable) => ReusedRender | undefined {
    // How much a build prints changes no page.
    const { github, quiet: _, verbose: __, ...config } = site.config;
    this.next = {
      records: new Map(),
      outputs: new Map(),
      layouts: new Map(),
      staticFiles: '',
      config: JSON.stringify(config),
      github: JSON.stringify(github ?? null),
    };
    this.counts = { rendered: 0, reused: 0 };
    this.digests = new Map();
    const records =
      this.next.config === this.last.config ? this.last.records : new Map<string, RenderRecord>();
    for (const [name, layout] of site.layouts) this.next.layouts.set(name, layout.sourceText);
    this.next.staticFiles = site.staticFiles.map((file) => `${file.relativePath}\0${+file.mtime}`).join('\n');

    // Grows while rendering: a body that comes out different is stale for later readers.
    this.stale = this.staleDependencies(site);
    const { keys, anyList, anyData } = this.stale;
    // A page that showed the build time is stale when it would show it differently now; a
    // page that used it otherwise always is.
    const timeStale = new Map<Dependency, boolean>();
    const isStale = (dependency: Dependency) => {
      if (keys.has(dependency)) return true;
      if (dependency === Dependency.anyList) return anyList;
      if (dependency === Dependency.anyData) return anyData;
      let stale = timeStale.get(dependency);
      if (stale === undefined) {
        const parsed = parseDependency(dependency);
        stale =
          parsed?.kind === 'time' ||
          (parsed?.kind === 'time-shown' && showTime(parsed.how, site.time) !== parsed.text);
        timeStale.set(dependency, stale);
      }
      return stale;
    };
    this.inputs = new Map();
    for (const item of [...site.documents, ...site.pages]) {
      const key = item.sourcePath ? keyOf(item) : undefined;
      const record = key === undefined ? undefined : records.get(key);
      // A document without a date has the build's: its url may hold the day.
      const datedByBuild = item.kind === 'document' && item.date === site.time;
      if (record && this.keptIs(record.input, inputOf(item)) && !datedByBuild) item.knownUrl(record.url);
    }
    return (item) => {
      const key = keyOf(item);
      if (key === undefined || (!this.reuseGenerated && !item.sourcePath)) return undefined;
      // Taken now, before rendering replaces a generated page's template with its output.
      const input = inputOf(item);
      this.inputs.set(item, input);
      const record = records.get(key);
      if (!record || !this.keptIs(record.input, input)) return undefined;
      for (const dependency of record.dependencies) if (isStale(dependency)) return undefined;
      this.next.records.set(key, record);
      this.counts.reused++;
      return record.result;
    };
  }

  private inputs = new Map<Renderable, string>();
  /** This build's digests of texts, each made once (a state read from disk keeps digests). */
  private digests = new Map<string, string>();

  /** Whether `kept` (a text a build kept, or its digest) stands for `text`. */
  private keptIs(kept: string | undefined, text: string | undefined): boolean {
    if (kept === text) return true;
    if (kept === undefined || text === undefined || !kept.startsWith(DIGEST)) return false;
    let digest = this.digests.get(text);
    if (digest === undefined) {
      digest = digestOf(text);
      this.digests.set(text, digest);
    }
    return kept === digest;
  }
  private stale = { keys: new Set<Dependency>(), anyList: false, anyData: false };

  rendered(item: Renderable, result: ReusedRender, dependencies: Set<Dependency>): void {
    this.counts.rendered++;
    const key = keyOf(item);
    const input = this.inputs.get(item);
    if (key === undefined || input === undefined) return;
    // A body that came out different (its include changed, say) is news for whatever reads it
    // later in this build: the feed rendering this post, an index showing its excerpt.
    const previous = this.last.records.get(key)?.result;
    if (previous && (previous.content !== result.content || previous.output !== result.output))
      this.stale.keys.add(Dependency.content(item.sourceFile));
    this.next.records.set(key, { input, result, dependencies, url: item.url });
  }

  replacesSite(site: Site): boolean {
    return this.wholeSite || this.last.outputs.size === 0 || !existsSync(site.destination);
  }

  async write(site: Site, files: OutputFile[], writer?: SiteWriter): Promise<void> {
    const outputs = this.next.outputs;
    for (const file of files) outputs.set(file.destination, stamp(file));
    const root = site.destination;
    if (this.replacesSite(site)) {
      // First build: the whole destination is replaced, stale files and all.
      await (writer ?? new SiteWriter(root)).finish(files, site.settings.keepFiles);
      this.written = files.map((file) => file.destination);
    } else {
      await this.writeChanged(root, files);
    }
    // Written: this is now what the destination holds.
    this.last = this.next;
    this.changed.clear();
    const current = new Set([...site.documents, ...site.pages].map((item) => item.sourceText));
    for (const [file, loaded] of this.loadedFiles)
      if (!current.has(loaded.text)) this.loadedFiles.delete(file);
  }

  /** Only the outputs whose content changed, written in place; gone ones are deleted. */
  private async writeChanged(root: string, files: OutputFile[]): Promise<void> {
    const outputs = this.next.outputs;
    const changed = files.filter(
      (file) => !this.keptIs(this.last.outputs.get(file.destination), outputs.get(file.destination)),
    );
    const gone = [...this.last.outputs.keys()].filter((destination) => !outputs.has(destination));
    await writeInPlace(root, changed, gone);
    this.written = [...changed.map((file) => file.destination), ...gone];
  }

  /** What the saved files made stale: dependency keys, and whether any list or data changed. */
  private staleDependencies(site: Site): { keys: Set<Dependency>; anyList: boolean; anyData: boolean } {
    const keys = new Set<Dependency>();
    let anyList = false;
    let anyData = false;
    const dataDir = site.folders.dataDir;
    for (const file of this.changed) {
      keys.add(Dependency.file(file));
      if (/\.s[ac]ss$/i.test(file)) keys.add(Dependency.sass);
      for (const dir of site.includeDirs) {
        if (file.startsWith(dir + path.sep)) keys.add(Dependency.include(toPosix(path.relative(dir, file))));
      }
      if (file.startsWith(dataDir + path.sep)) {
        // `_data/news.yml` is `site.data.news`; `_data/people/a.yml` is under `site.data.people`.
        const [top, ...rest] = toPosix(path.relative(dataDir, file)).split('/');
        keys.add(Dependency.data(rest.length ? top : top.replace(/\.[^.]*$/, '')));
        anyData = true;
      }
    }
    for (const name of new Set([...this.last.layouts.keys(), ...this.next.layouts.keys()])) {
      if (this.last.layouts.get(name) !== this.next.layouts.get(name)) keys.add(Dependency.layout(name));
    }
    if (this.last.github !== this.next.github) keys.add(Dependency.github);
    if (this.last.staticFiles !== this.next.staticFiles) {
      keys.add(Dependency.list('static'));
      anyList = true;
    }
    // An edited body changes what reads that body (`content:`); a document added, removed or
    // with new front matter changes the lists it is in.
    const seen = new Set<string>();
    const listOf = (item: Renderable) =>
      Dependency.list(item.kind === 'page' ? 'pages' : item.collection.label);
    for (const item of [...site.documents, ...site.pages]) {
      const key = keyOf(item);
      if (key === undefined || !item.sourcePath) continue;
      seen.add(key);
      const previous = this.last.records.get(key);
      if (previous && this.keptIs(previous.input, inputOf(item))) continue;
      keys.add(Dependency.content(item.sourceFile));
      // A document without front matter text (a BibTeX entry) is all data: any edit moves its lists.
      const data = frontMatterOf(item.sourceText);
      const sameData =
        previous?.frontMatter !== undefined
          ? previous.frontMatter === digestOf(data)
          : previous !== undefined && frontMatterOf(previous.input) === data;
      if (!data || !sameData) {
        keys.add(listOf(item));
        anyList = true;
      }
    }
    for (const key of this.last.records.keys()) {
      if (seen.has(key)) continue;
      const [kind, label, sourceFile] = key.split('\0');
      if (kind === 'generated') continue;
      keys.add(Dependency.content(sourceFile));
      keys.add(Dependency.list(kind === 'page' ? 'pages' : label));
      anyList = true;
    }
    return { keys, anyList, anyData };
  }
}

/**
 * How an item is known from one build to the next: `kind\0collection\0file`, and a document's
 * path too (the entries of one .bib file share their file). Pages made by plugins (feed, sitemap,
 * redirects) are known by their url and compared by their template;
 * pagers are always rendered (their posts come from the paginator, not from a recorded read),
 * and Sass source maps come with their stylesheet.
 */
function keyOf(item: Renderable): string | undefined {
  if (item.kind === 'document')
    return `document\0${item.collection.label}\0${item.sourceFile}\0${item.relativePath}`;
  if (item.pager !== undefined || item.prerendered) return undefined;
  if (!item.sourcePath) return `generated\0\0${item.url}`;
  return `page\0\0${item.sourceFile}`;
}

/**
 * What an item is made from: its file (and what plugins made of it from the rest of the site),
 * or for a generated page, its data and template.
 */
function inputOf(item: Renderable): string {
  if (item.sourcePath)
    return item.madeFromSite ? `${item.sourceText}\0${item.madeFromSite}` : item.sourceText;
  return `${JSON.stringify(item.data)}\0${item.content}`;
}

const DIGEST = '\0sha1:';

/** What a saved state keeps of a long text (a source, an output): a digest, not the text. */
export function digestOf(text: string): string {
  // crypto.hash (Node 20.12+) is twice as fast as a Hash object for texts of a page's size.
  const digest = crypto.hash
    ? crypto.hash('sha1', text, 'base64')
    : crypto.createHash('sha1').update(text).digest('base64');
  return `${DIGEST}${digest}`;
}

/** The front matter of a file's text (up to its closing `---`), or '' without one. */
export function frontMatterOf(text: string): string {
  return /^(?:\uFEFF)?---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text)?.[0] ?? '';
}

/** A written text stands for itself (a reused page is the very same string); a copy, by its stamp. */
function stamp(file: OutputFile): string {
  if (file.bytes) return `\0bytes:${crypto.createHash('sha1').update(file.bytes).digest('hex')}`;
  if (!file.copyFrom) return file.text ?? '';
  try {
    const stats = statSync(file.copyFrom);
    return `\0copy:${file.copyFrom}:${stats.mtimeMs}:${stats.size}`;
  } catch {
    return `\0copy:${file.copyFrom}`;
  }
}

function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}
