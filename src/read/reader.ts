/**
 * Jekyll's `Reader#read`: layouts, then the source walk (pages, static files, posts and drafts
 * in any folder), files named in `include`, collections, and `_data`.
 */

import { isUtf8 } from 'node:buffer';
import {
  closeSync,
  type Dirent,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { deepMerge } from '../config/load.ts';
import { type Diagnostics, type ProblemInit, SiteError } from '../errors.ts';
import { posixRelative } from '../relative-path.ts';
import { parseRubyTime, RubyTime } from '../ruby/time.ts';
import { rubyInspect, unwrapFloat } from '../ruby/values.ts';
import type { ReadServices } from '../site/build-services.ts';
import { type Collection, Document, Page, StaticFile } from '../site/document.ts';
import type { Layout, Site } from '../site/site.ts';
import { folderLoopProblem, folderToEnter, isFile } from '../stat.ts';
import { keyLine } from '../yaml/key-line.ts';
import { bibliographyReadable, bibliographyWanted, readBibliography } from './bibliography/index.ts';
import { readData } from './data.ts';
import { EntryFilter } from './entry-filter.ts';
import { hasFrontMatter, readFrontMatter, splitFrontMatter } from './front-matter.ts';

const DATE_FILENAME = /^(?:.+\/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$/;
const DATELESS_FILENAME = /^(?:.+\/)*(.*)(\.[^.]+)$/;

/** What reading leaves to the build: the `.bib` files, when they wait for the BibTeX parser. */
export interface SiteRead {
  /** Reads the `.bib` files once the parser is loaded (a page's tag asked for them). */
  unreadBibliography?: () => void;
}

/** `services`: what the build lends (where problems go; caches and serve's texts, when it has them). */
export function readSite(site: Site, services: ReadServices): SiteRead {
  return new Reader(site, services).read();
}

class Reader {
  private readonly filter: EntryFilter;
  private readonly realSource: string;

  constructor(
    private readonly site: Site,
    private readonly services: ReadServices,
  ) {
    this.filter = new EntryFilter(site.source, site.settings.include, site.settings.exclude);
    this.realSource = realpathSync(site.source);
  }

  read(): SiteRead {
    const { site } = this;
    const result: SiteRead = {};
    this.readLayouts();
    this.readDirectory('');
    this.readIncludedFiles();
    for (const collection of site.collections.values()) sortDocs(collection, site, this.services.diagnostics);
    site.pages.sort((a, b) => compareStrings(a.name, b.name));
    site.staticFiles.sort((a, b) => compareStrings(a.relativePath, b.relativePath));
    for (const collection of site.collections.values()) {
      if (collection.label !== 'posts') this.readCollection(collection);
    }
    const readPublications = () => {
      const publications = readBibliography(site, {
        isUnsafeLink: (absolute) => this.isUnsafeLink(absolute),
        readText: (absolute) => this.readText(absolute),
        cacheDir: this.services.cacheDir,
        diagnostics: this.services.diagnostics,
      });
      if (publications) sortDocs(publications, site, this.services.diagnostics);
      return publications;
    };
    // A site that asks for its .bib files only through a page's tag is known to once it is read:
    // the build loads the BibTeX parser then, and reads them (see build.ts).
    if (bibliographyWanted(site)) {
      if (bibliographyReadable(site, this.services.cacheDir)) readPublications();
      else
        result.unreadBibliography = () => {
          const publications = readPublications();
          if (publications) linkNeighbours(publications.docs);
        };
    }
    this.readThemeAssets();
    // `StaticFile#data`: the front matter defaults of its path (and collection), such as `sitemap: false`.
    for (const file of site.staticFiles)
      file.data = site.frontMatterDefaults.all(file.relativePath, file.collection?.label ?? '');
    site.data = readData(
      site.folders.dataDir,
      site.source,
      (absolute) => this.isUnsafeLink(absolute),
      this.warn,
      (problem) => this.services.diagnostics.error(problem),
    );
    // Jekyll 4.3 reads a theme's _data; GitHub Pages' Jekyll 3.10 does not.
    if (site.theme?.dataPath && !site.githubPages) {
      // Site data wins over the theme's, merged key by key (`Reader#read_data`).
      site.data = deepMerge(
        readData(site.theme.dataPath, site.theme.root, () => false),
        site.data,
      );
    }
    for (const collection of site.collections.values()) linkNeighbours(collection.docs);
    return result;
  }

  /** Warnings and errors so far (a file read without any is kept for serve's next build). */
  private problemCount(): number {
    return this.services.diagnostics.warnings.length + this.services.diagnostics.errors.length;
  }

  private readonly warn = (problem: ProblemInit) => this.services.diagnostics.warn(problem);

  /** A file's text; `serve` keeps the texts of files not saved since the last build. */
  private readText(absolute: string): string {
    const cache = this.services.fileTexts;
    let text = cache?.get(absolute);
    if (text === undefined) {
      const bytes = readFileSync(absolute);
      text = bytes.toString('utf8').replace(/^\uFEFF/, '');
      if (!isUtf8(bytes) && !text.includes('\0')) this.warnNotUtf8(absolute, text);
      cache?.set(absolute, text);
    }
    return text;
  }

  /** Bytes that are not UTF-8 come out as U+FFFD; say where the first one is (as Jekyll, build on). */
  private warnNotUtf8(absolute: string, text: string): void {
    const at = text.indexOf('\uFFFD');
    const before = text.slice(0, Math.max(at, 0));
    this.services.diagnostics.warn({
      message: 'this file is not UTF-8 text: bytes that are not UTF-8 were replaced by "\uFFFD"',
      file: this.site.relative(absolute),
      line: before.split('\n').length,
      column: before.length - before.lastIndexOf('\n'),
      source: text,
      hint: 'Save the file as UTF-8 in your editor (it was probably saved as Latin-1 or Windows-1252).',
    });
  }

  private readHead(absolute: string): string {
    return this.services.fileTexts?.get(absolute)?.slice(0, 512) ?? readHead(absolute);
  }

  /** A symlink that leads outside the source is never read (the user's other files stay private). */
  private isUnsafeLink(absolute: string): boolean {
    try {
      if (!lstatSync(absolute).isSymbolicLink()) return false;
      const real = realpathSync(absolute);
      if (real === this.realSource || real.startsWith(this.realSource + path.sep)) return false;
    } catch {
      return true;
    }
    this.services.diagnostics.warn({
      message: 'this symbolic link points outside the site folder and is skipped',
      file: this.site.relative(absolute),
      hint: 'Copy the file into the site instead of linking to it.',
      // In safe mode (GitHub Pages) Jekyll skips it without a word; else Jekyll would copy it.
      note: this.site.settings.safe ? 'check' : undefined,
    });
    return true;
  }

  private list(dirAbsolute: string, dirRelative: string): { dirs: string[]; files: string[] } {
    const dirs: string[] = [];
    const files: string[] = [];
    let entries: string[];
    try {
      entries = readdirSync(dirAbsolute).sort(compareStrings);
    } catch {
      return { dirs, files };
    }
    for (const entry of entries) {
      const absolute = path.join(dirAbsolute, entry);
      let isDirectory: boolean;
      try {
        isDirectory = statSync(absolute).isDirectory();
      } catch {
        continue; // a dangling link
      }
      if (!this.filter.keeps(dirRelative, entry, isDirectory)) continue;
      if (this.isUnsafeLink(absolute)) continue;
      (isDirectory ? dirs : files).push(entry);
    }
    return { dirs, files };
  }

  /** `read_directories`; `ancestors` are the real paths of the folders the walk is inside. */
  private readDirectory(dir: string, ancestors: string[] = [this.realSource]): void {
    const { site } = this;
    const absolute = path.join(site.source, dir);
    if (absolute === site.destination) return;
    const { dirs, files } = this.list(absolute, dir);
    this.readPosts(dir);
    for (const entry of dirs) {
      const child = path.join(absolute, entry);
      if (child === site.destination) continue;
      const folder = folderToEnter(child, ancestors);
      if (!folder) continue;
      if (folder.loops) {
        this.services.diagnostics.error(
          folderLoopProblem(site.relative(child), posixRelative(this.realSource, folder.real)),
        );
        continue;
      }
      this.readDirectory(path.posix.join(dir, entry), [...ancestors, folder.real]);
    }
    for (const entry of files) this.readFile(dir, entry);
  }

  private readFile(dir: string, name: string): void {
    const { site } = this;
    const absolute = path.join(site.source, dir, name);
    const head = this.readHead(absolute);
    if (hasFrontMatter(head)) {
      const page = new Page(site, dir ? `/${dir}` : '', name, absolute);
      if (this.load(page, absolute, 'pages') && site.publishable(page.data, undefined)) {
        site.pages.push(page);
        this.services.pageRead?.(page);
      }
    } else {
      site.staticFiles.push(new StaticFile(path.posix.join(dir, name), absolute, statSync(absolute).mtime));
    }
  }

  /** `read_included_excludes`: files named in `include` that the walk skipped. */
  private readIncludedFiles(): void {
    const { site } = this;
    for (const entry of site.settings.include) {
      const absolute = path.join(site.source, entry);
      let stat: ReturnType<typeof statSync>;
      try {
        stat = statSync(absolute);
      } catch {
        continue;
      }
      if (!stat.isFile() || this.isUnsafeLink(absolute)) continue;
      const relative = site.relative(absolute);
      if (
        site.pages.some((p) => p.relativePath === relative) ||
        site.staticFiles.some((f) => f.relativePath === relative)
      )
        continue;
      const dir = path.posix.dirname(relative);
      this.readFile(dir === '.' ? '' : dir, path.posix.basename(relative));
    }
  }

  /** `LayoutReader#read`: the site's layouts, then the theme's that the site does not have. */
  private readLayouts(): void {
    const { site } = this;
    this.readLayoutsIn(site.folders.layoutsDir, false);
    if (site.theme?.layoutsPath) this.readLayoutsIn(site.theme.layoutsPath, true);
  }

  /**
   * `ThemeAssetsReader`: the theme's `assets/` files, as pages (with front matter) or static
   * files, except where the site has a file at the same path.
   */
  private readThemeAssets(): void {
    const { site } = this;
    const assets = site.theme?.assetsPath;
    if (!assets) return;
    const pages = new Set(site.pages.map((page) => page.relativePath));
    const statics = new Set(site.staticFiles.map((file) => file.relativePath));
    const entries = walkFiles(assets);
    for (const entry of entries) {
      if (entries.links.has(entry)) continue; // Jekyll ignores a theme's symlinked assets
      const relative = `assets/${entry}`;
      const absolute = path.join(assets, entry);
      const dir = path.posix.dirname(relative);
      const name = path.posix.basename(relative);
      if (hasFrontMatter(readHead(absolute))) {
        if (pages.has(relative)) continue;
        const page = new Page(site, `/${dir}`, name, absolute);
        if (this.load(page, absolute, 'pages')) {
          site.pages.push(page);
          this.services.pageRead?.(page);
        }
      } else if (!statics.has(relative)) {
        site.staticFiles.push(new StaticFile(relative, absolute, statSync(absolute).mtime));
      }
    }
  }

  private readLayoutsIn(layoutsDir: string, fromTheme: boolean): void {
    const { site } = this;
    for (const relative of walkFiles(layoutsDir)) {
      const base = path.posix.basename(relative);
      if (!base.includes('.') || !this.filter.keeps('', relative, false)) continue;
      const absolute = path.join(layoutsDir, relative);
      const text = this.readText(absolute);
      const file = site.relative(absolute);
      let data: Record<string, unknown> = {};
      let body = text;
      let bodyLine = 1;
      try {
        ({ data, body, bodyLine } = readFrontMatter(text, file, this.warn));
      } catch (error) {
        this.frontMatterProblem(error);
        const split = splitFrontMatter(text);
        body = split ? split.body : text;
        bodyLine = split ? split.bodyLine : 1;
      }
      const name = relative.split('.').slice(0, -1).join('.');
      if (fromTheme && site.layouts.has(name)) continue;
      const layout: Layout = { name, relativePath: file, data, content: body, bodyLine, sourceText: text };
      site.layouts.set(name, layout);
    }
  }

  private readPosts(dir: string): void {
    const { site } = this;
    const collectionsDir = site.collectionsDir;
    if (collectionsDir && !`/${dir}`.startsWith(`/${collectionsDir}`)) return;
    const posts = site.posts;
    this.readPublishable(dir, '_posts', DATE_FILENAME, posts, false);
    if (site.showDrafts) this.readPublishable(dir, '_drafts', DATELESS_FILENAME, posts, true);
  }

  private readPublishable(
    dir: string,
    magicDir: string,
    matcher: RegExp,
    posts: Collection,
    draft: boolean,
  ): void {
    const { site } = this;
    const base = path.join(site.source, dir, magicDir);
    const collectionsRoot = path.join(site.source, site.collectionsDir);
    for (const entry of this.entriesUnder(base, path.posix.join(dir, magicDir))) {
      if (!matcher.test(entry)) continue;
      const absolute = path.join(base, entry);
      const relative = posixRelative(collectionsRoot, absolute);
      const doc = new Document(site, posts, absolute, relative, draft);
      doc.data.draft = draft;
      // Categories from the folders above `_posts` (`categories_from_path`).
      const above = relative
        .slice(0, Math.max(0, relative.indexOf(magicDir)))
        .split('/')
        .filter(Boolean);
      doc.data.categories = above;
      if (!this.load(doc, absolute, 'posts')) continue;
      if (draft) doc.mtime = statSync(absolute).mtime;
      // `Publisher#hidden_in_the_future?` asks a post its date when `future` is off, and
      // `Document#date` keeps its answer (`data["date"] ||= site.time`): a post whose front
      // matter failed sorts by it from then on, not by its path.
      if (!site.settings.future && (doc.data.published !== false || site.settings.unpublished))
        doc.data.date ??= doc.date;
      if (site.publishable(doc.data, doc.date)) posts.docs.push(doc);
      else if (doc.data.published !== false || site.settings.unpublished) {
        this.services.diagnostics.warn({
          message: 'skipped: this post has a future date',
          file: doc.sourceFile,
          hint: 'Build with --future (or `future: true` in _config.yml) to publish it now.',
        });
      }
    }
  }

  /** `Reader#get_entries`: every file below a folder, filtered as whole relative paths. */
  private entriesUnder(base: string, relativeBase: string): string[] {
    const files = walkFiles(base);
    return files.filter(
      (entry) =>
        this.filter.keeps(relativeBase, entry, false) &&
        !(files.links.has(entry) && this.isUnsafeLink(path.join(base, entry))),
    );
  }

  private readCollection(collection: Collection): void {
    const { site } = this;
    const filter = new EntryFilter(site.source, site.settings.include, site.settings.exclude);
    const entries = walkFiles(collection.directory);
    for (const entry of entries) {
      if (!filter.keeps(collection.relativeDirectory, entry, false)) continue;
      const absolute = path.join(collection.directory, entry);
      if (entries.links.has(entry) && this.isUnsafeLink(absolute)) continue;
      const relative = `${collection.relativeDirectory}/${entry}`;
      if (hasFrontMatter(this.readHead(absolute))) {
        const doc = new Document(site, collection, absolute, relative, false);
        if (!this.load(doc, absolute, collection.label)) continue;
        if (site.settings.unpublished || doc.published) collection.docs.push(doc);
      } else {
        const file = new StaticFile(
          path.posix.join(site.collectionsDir, relative),
          absolute,
          statSync(absolute).mtime,
          collection,
        );
        collection.files.push(file);
      }
    }
    site.staticFiles.push(...collection.files);
    sortDocs(collection, site, this.services.diagnostics);
  }

  /** A page's or document's text, or undefined (said why) when it cannot be read as one. */
  private readUsableText(absolute: string, file: string): string | undefined {
    let text: string;
    try {
      text = this.readText(absolute);
    } catch (error) {
      this.services.diagnostics.warn({
        message: `could not read the file: ${(error as Error).message}`,
        file,
      });
      return undefined;
    }
    if (text.length > MAX_PAGE_CHARACTERS) {
      this.services.diagnostics.error({
        message: `this file is ${Math.round(text.length / 1e6)} million characters long; pages and documents may have at most ${MAX_PAGE_CHARACTERS / 1e6} million`,
        file,
        hint: 'Split it into several pages. A file that should be copied as it is must not start with --- (then any size is fine).',
      });
      return undefined;
    }
    if (text.includes('\0')) {
      this.services.diagnostics.warn({
        message: 'this file starts with a front matter line (---) but holds binary data; it was skipped',
        file,
        line: text.slice(0, text.indexOf('\0')).split('\n').length,
        hint: 'A file to copy as it is must not start with ---; a page must be saved as text (UTF-8).',
      });
      return undefined;
    }
    return text;
  }

  /**
   * Read a page's or document's text and front matter, with defaults merged under it. Returns
   * false when the file cannot be used at all.
   */
  private load(item: Page | Document, absolute: string, type: string): boolean {
    const { site } = this;
    const file = site.relative(absolute);
    const text = this.readUsableText(absolute, file);
    if (text === undefined) return false;
    item.sourceText = text;
    // `serve`: the same file, unchanged since the last build, reads the same (config edits start afresh).
    const known = this.services.loadedFiles?.get(absolute);
    if (known && known.text === text && known.type === type) {
      item.data = copyData(known.data) as Record<string, unknown>;
      item.content = known.content;
      item.rawContent = known.content;
      item.bodyLine = known.bodyLine;
      item.hasFrontMatter = true;
      return true;
    }
    const problems = this.problemCount();
    const defaults = site.frontMatterDefaults.all(item.relativePath, type);
    let data: Record<string, unknown> = {};
    try {
      const fm = readFrontMatter(text, file, this.warn);
      data = fm.data;
      item.content = fm.body;
      item.bodyLine = fm.bodyLine;
      item.hasFrontMatter = true;
    } catch (error) {
      // Jekyll logs the YAML error, keeps the file with no front matter data and goes on.
      this.frontMatterProblem(error);
      const split = splitFrontMatter(text);
      item.content = split ? split.body : text;
      item.bodyLine = split ? split.bodyLine : 1;
      item.hasFrontMatter = true;
      if (item.kind === 'document') item.frontMatterFailed = true;
    }
    const merged: Record<string, unknown> = { ...defaults };
    for (const [key, value] of Object.entries(data)) {
      merged[key] = value;
    }
    if (item.kind === 'document') {
      const categories = item.data.categories;
      let own = merged.categories;
      if (typeof own === 'string') own = own.split(/\s+/).filter(Boolean);
      if (Array.isArray(categories) && Array.isArray(own))
        merged.categories = [...new Set([...categories, ...own])];
      else if (own == null) merged.categories = categories;
      else merged.categories = own;
      merged.draft ??= item.data.draft;
    }
    // Jekyll reads the date of documents only (`Document#merge_date!`); a page keeps what YAML gave.
    if (item.kind === 'document' && 'date' in merged) {
      const date = documentDate(merged.date, site.time);
      if (!date) {
        const own = 'date' in data;
        this.services.diagnostics.error({
          message: `Invalid date '${rubyToS(merged.date)}': this document's date ${own ? 'in its front matter' : 'from the front matter defaults in _config.yml'} is not one Ruby's Time.parse can read, and Jekyll stops the build on it`,
          file: own ? file : '_config.yml',
          // The front matter's YAML starts with its `---` line: line 1 of the file.
          line: own ? keyLine(splitFrontMatter(text)?.yaml ?? '', 'date') : undefined,
          hint: 'Write the date as YYYY-MM-DD, or YYYY-MM-DD HH:MM:SS +/-TTTT with a time; leave the key out when there is no date.',
        });
        return false;
      }
      merged.date = date;
    }
    item.data = merged;
    item.rawContent = item.content;
    const invalidDate =
      item.kind === 'document' && !item.frontMatterFailed ? item.finishReading() : undefined;
    if (invalidDate !== undefined) {
      this.services.diagnostics.error({
        message: `Invalid date '${invalidDate}': the date in this file's name is not a real date, and Jekyll stops the build on it`,
        file,
        hint: 'Name the file YYYY-MM-DD-title.md with a real month (01–12) and day.',
      });
      return false;
    }
    const { loadedFiles } = this.services;
    if (loadedFiles && this.problemCount() === problems) {
      const data = copyData(item.data) as Record<string, unknown>;
      loadedFiles.set(absolute, { text, type, data, content: item.content, bodyLine: item.bodyLine });
    }
    return true;
  }

  private frontMatterProblem(error: unknown): void {
    if (!(error instanceof SiteError)) throw error;
    if (this.site.settings.strictFrontMatter) this.services.diagnostics.error(error);
    else this.services.diagnostics.warn(error);
  }
}

/**
 * `Utils.parse_date(date.to_s)`: a document's date as Jekyll reads it, in the site's zone, its
 * missing parts taken from the build time. A YAML date is local midnight.
 */
function documentDate(value: unknown, now: Date): RubyTime | undefined {
  if (value instanceof RubyTime && value.dateOnly) {
    return new RubyTime(new Date(value.getFullYear(), value.getMonth(), value.getDate()));
  }
  if (value instanceof Date) return new RubyTime(value);
  return parseRubyTime(rubyToS(value), now);
}

/** Ruby's `to_s` of a front matter value: nil is '', a string itself, anything else its inspect. */
function rubyToS(value: unknown): string {
  if (value == null) return '';
  return typeof value === 'string' ? value : rubyInspect(value);
}

/** `Document#<=>` then `sort_by`/`order` from the collection's metadata. */
function sortDocs(collection: Collection, site: Site, diagnostics: Diagnostics): void {
  const { metadata } = collection;
  // `data["date"] <=> other.data["date"]`, falling back to the path: a document without a date
  // of its own (a draft, an undated collection item) is compared by path alone.
  const byDate = (a: Document, b: Document) => {
    const x = a.data.date;
    const y = b.data.date;
    const byTime = x instanceof Date && y instanceof Date ? x.getTime() - y.getTime() : 0;
    return (
      byTime || compareStrings(a.sourcePath, b.sourcePath) || compareStrings(a.relativePath, b.relativePath)
    );
  };
  if (Array.isArray(metadata.order)) {
    const sorted = [...collection.docs].sort(byDate);
    const order = metadata.order.map((entry) => path.posix.join(collection.relativeDirectory, String(entry)));
    const listed = order
      .map((rel) => sorted.find((d) => d.relativePath === rel))
      .filter((d): d is Document => !!d);
    collection.docs = [...listed, ...sorted.filter((d) => !listed.includes(d))];
  } else if (typeof metadata.sort_by === 'string') {
    const key = metadata.sort_by;
    collection.docs.sort((a, b) => {
      const x = a.data[key];
      const y = b.data[key];
      if (x == null && y != null) return warnSort(site, diagnostics, key, a, 1);
      if (x != null && y == null) return warnSort(site, diagnostics, key, b, -1);
      const order = compareValues(x, y);
      return order || byDate(a, b);
    });
  } else {
    collection.docs.sort(byDate);
  }
}

const warnedSorts = new WeakSet<Document>();

function warnSort(site: Site, diagnostics: Diagnostics, key: string, doc: Document, order: number): number {
  if (warnedSorts.has(doc)) return order;
  warnedSorts.add(doc);
  diagnostics.warn({
    message: `'${key}' is not defined, so it sorts last`,
    file: site.relative(doc.sourcePath),
  });
  return order;
}

export function compareValues(first: unknown, second: unknown): number {
  const x = unwrapFloat(first);
  const y = unwrapFloat(second);
  if (x instanceof Date && y instanceof Date) return x.getTime() - y.getTime();
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'string' && typeof y === 'string') return compareStrings(x, y);
  return 0;
}

/** Ruby compares strings by bytes, not by locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function linkNeighbours(docs: Document[]): void {
  docs.forEach((doc, i) => {
    doc.previous = docs[i - 1];
    doc.next = docs[i + 1];
  });
}

/** Plain objects and arrays copied; dates and times (never changed in place) shared. */
function copyData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyData);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) copy[key] = copyData(inner);
    return copy;
  }
  return value;
}

/**
 * Rendering takes memory many times a page's size: a 50 MB page would take gigabytes. No real
 * page comes near this; a file this big with front matter is a mistake (a data dump, a log).
 */
const MAX_PAGE_CHARACTERS = 10_000_000;

/** The first line is enough to tell a page from a static file. */
function readHead(absolute: string): string {
  const buffer = Buffer.alloc(512);
  const fd = openSync(absolute, 'r');
  try {
    const bytes = readSync(fd, buffer, 0, 512, 0);
    return buffer
      .subarray(0, bytes)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    closeSync(fd);
  }
}

/**
 * Every file below a folder, relative, sorted, as Ruby's recursive `Dir` glob finds them (Jekyll's
 * collections, posts, layouts and theme assets): folders are entered but not listed, and a
 * symbolic link to a folder is neither (Ruby's `**` does not follow those, so a link back to a
 * parent cannot loop). `links` names the files that are symlinks (only those need checking).
 */
export function walkFiles(root: string): string[] & { links: Set<string> } {
  const out = Object.assign([] as string[], { links: new Set<string>() });
  const walk = (dir: string, prefix: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => compareStrings(a.name, b.name));
    for (const entry of entries) {
      const absolute = path.join(dir, entry.name);
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(absolute, relative);
      else if (entry.isSymbolicLink()) {
        if (isFile(absolute)) {
          out.push(relative);
          out.links.add(relative);
        }
      } else out.push(relative);
    }
  };
  walk(root, '');
  return out;
}
