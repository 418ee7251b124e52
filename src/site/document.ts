/**
 * The units that flow through the build, as Jekyll has them: a Page (a file with front
 * matter outside collections), a Document (an item of a collection, posts included) and a
 * StaticFile (copied as is). Each stage writes only its own fields.
 */
import path from 'node:path';
import type { Config, SiteSettings } from '../config/index.ts';
import { posixRelative } from '../relative-path.ts';
import { slugify } from '../ruby/slugify.ts';
import { strftime } from '../ruby/strftime.ts';
import { parseRubyTime, RubyTime } from '../ruby/time.ts';
import { addPermalinkSuffix, buildUrl } from './url.ts';

export interface Collection {
  label: string;
  /** `_label`, relative to collections_dir. */
  relativeDirectory: string;
  /** Absolute folder. */
  directory: string;
  metadata: Config;
  docs: Document[];
  files: StaticFile[];
  output: boolean;
  urlTemplate: string;
}

/** What a document needs to know of its site while it is read and given a url. */
export interface SiteContext {
  source: string;
  config: Config;
  time: RubyTime;
  settings: SiteSettings;
}

export const HTML_EXTENSIONS = new Set(['.html', '.xhtml', '.htm']);

/** The converters' output extension for a source extension (`Renderer#output_ext`). */
export function converterOutputExt(ext: string, site: SiteContext): string {
  const lower = ext.toLowerCase();
  if (site.settings.markdownExts.has(lower.slice(1))) return '.html';
  if (lower === '.scss' || lower === '.sass') return '.css';
  return ext;
}

export type Renderable = Page | Document;

abstract class Convertible {
  data: Config = {};
  /** The body below the front matter; after rendering, the converted body (no layout). */
  content = '';
  /** The body as read, before rendering (excerpts are cut from it). */
  rawContent = '';
  /** The final text to write. */
  output: string | undefined;
  /** Lines taken by the front matter, so errors can point at the real line. */
  bodyLine = 1;
  /** The original file text, for code frames. */
  sourceText = '';
  hasFrontMatter = false;
  /**
   * What plugins made of it from the rest of the site (links rewritten to other pages' urls, a
   * layout chosen among the site's): with its file, what it is made from, for a later build.
   */
  madeFromSite = '';
  /** Output already set (a Sass source map): rendering leaves it alone. */
  prerendered = false;
  private cachedUrl: string | undefined;

  abstract readonly relativePath: string;
  abstract readonly sourcePath: string | undefined;
  abstract readonly ext: string;
  abstract urlTemplate(): string;
  abstract urlPlaceholders(): Record<string, string | undefined> | ((key: string) => string | undefined);

  constructor(protected readonly site: SiteContext) {}

  /** The file as the user knows it, relative to the site folder, for messages. */
  get sourceFile(): string {
    this.cachedSourceFile ??= this.sourcePath
      ? posixRelative(this.site.source, this.sourcePath)
      : this.relativePath;
    return this.cachedSourceFile;
  }

  private cachedSourceFile: string | undefined;

  get permalink(): string | undefined {
    const permalink = this.data.permalink;
    return typeof permalink === 'string' ? permalink : undefined;
  }

  get url(): string {
    this.cachedUrl ??= buildUrl(this.urlTemplate(), this.urlPlaceholders(), this.permalink);
    return this.cachedUrl;
  }

  /** The url an earlier build worked out from the very same file and config (`serve`). */
  knownUrl(url: string): void {
    this.cachedUrl ??= url;
  }

  /** Forget the url (a generator changed the permalink). */
  resetUrl(): void {
    this.cachedUrl = undefined;
  }

  get outputExt(): string {
    const permalink = this.permalink;
    if (permalink && !permalink.endsWith('/')) {
      const ext = path.posix.extname(permalink);
      if (ext) return ext;
    }
    return converterOutputExt(this.ext, this.site);
  }

  get isSass(): boolean {
    return /^\.s[ac]ss$/i.test(this.ext);
  }

  get isMarkdown(): boolean {
    return this.site.settings.markdownExts.has(this.ext.slice(1).toLowerCase());
  }

  get renderWithLiquid(): boolean {
    if (this.data.render_with_liquid === false) return false;
    if (/^\.ya?ml$/i.test(this.ext) || this.ext === '.coffee') return false;
    return this.content.includes('{%') || this.content.includes('{{');
  }

  get placeInLayout(): boolean {
    return !(
      this.isSass ||
      this.ext === '.coffee' ||
      /^\.ya?ml$/i.test(this.ext) ||
      this.data.layout === 'none'
    );
  }

  /** Where the output goes, relative to the destination (`destination` minus the folder). */
  get destinationPath(): string {
    let target = decodeUrlPath(this.url);
    // Page#destination: `index` + the output extension (a page without extension gets a bare
    // `index`); Document#destination: `index.html`.
    if (target.endsWith('/')) target += this.kind === 'page' ? 'index' : 'index.html';
    if (!target.endsWith(this.outputExt) && !(this.kind === 'document' && target.endsWith('/index.html')))
      target += this.outputExt;
    return target.replace(/^\/+/, '');
  }

  abstract readonly kind: 'page' | 'document';

  get excerptSeparator(): string {
    const separator = this.data.excerpt_separator ?? this.site.config.excerpt_separator;
    return separator == null ? '' : String(separator);
  }
}

function decodeUrlPath(url: string): string {
  if (!url.includes('%')) return url;
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

export class Page extends Convertible {
  readonly kind = 'page' as const;
  /** Folder relative to the source, `''` or `/about`. */
  readonly dir: string;
  readonly name: string;
  readonly ext: string;
  readonly basename: string;
  readonly relativePath: string;
  /** Absolute source path, or undefined for generated pages. */
  readonly sourcePath: string | undefined;
  pager: unknown;

  constructor(site: SiteContext, dir: string, name: string, sourcePath?: string) {
    super(site);
    this.dir = dir;
    this.name = name;
    this.ext = path.posix.extname(name);
    this.basename = name.slice(0, name.length - this.ext.length).replace(/\.*$/, '');
    this.relativePath = path.posix.join(dir, name).replace(/^\/+/, '');
    this.sourcePath = sourcePath;
  }

  get isHtml(): boolean {
    return HTML_EXTENSIONS.has(this.outputExt);
  }

  urlTemplate(): string {
    if (!this.isHtml) return '/:path/:basename:output_ext';
    if (this.basename === 'index') return '/:path/';
    return addPermalinkSuffix('/:path/:basename', this.site.settings.permalink);
  }

  urlPlaceholders() {
    return { path: this.dir, basename: this.basename, output_ext: this.outputExt };
  }

  /** `page.dir`: the url's folder. */
  get urlDir(): string {
    const url = this.url;
    if (url.endsWith('/')) return url;
    const dir = path.posix.dirname(url);
    return dir.endsWith('/') ? dir : `${dir}/`;
  }

  get path(): string {
    const fromData = this.data.path;
    return typeof fromData === 'string' ? fromData : this.relativePath;
  }
}

const DATE_FILENAME = /^(?:.+\/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$/;
const DATELESS_FILENAME = /^(?:.+\/)*(.*)(\.[^.]+)$/;

export class Document extends Convertible {
  readonly kind = 'document' as const;
  readonly collection: Collection;
  /** Absolute source path. */
  readonly sourcePath: string;
  /** Relative to collections_dir (`_posts/2020-01-01-x.md`). */
  readonly relativePath: string;
  readonly ext: string;
  readonly basename: string;
  readonly basenameWithoutExt: string;
  readonly isDraft: boolean;
  /** Filled by the site once all documents are read. */
  previous: Document | undefined;
  next: Document | undefined;
  /**
   * Its front matter is not YAML Psych reads: Jekyll's `Document#read` stopped there, before
   * `read_post_data`, so the document has no title, slug or date from its name, and no excerpt.
   */
  frontMatterFailed = false;

  constructor(
    site: SiteContext,
    collection: Collection,
    sourcePath: string,
    relativePath: string,
    isDraft: boolean,
  ) {
    super(site);
    this.collection = collection;
    this.sourcePath = sourcePath;
    this.relativePath = relativePath;
    this.ext = path.posix.extname(relativePath);
    this.basename = path.posix.basename(relativePath);
    this.basenameWithoutExt = path.posix.basename(relativePath, this.ext);
    this.isDraft = isDraft;
  }

  /** A draft without a date takes its file's modification time. */
  mtime: Date | undefined;

  /** `Document#date`: its own, else (drafts) the file's time, else the build time. */
  get date(): RubyTime {
    const date = this.data.date;
    if (date instanceof RubyTime) return date;
    return this.isDraft && this.mtime ? new RubyTime(this.mtime) : this.site.time;
  }

  /**
   * `populate_title`, `populate_categories`, `populate_tags` after the front matter is in.
   * Returns the date in the file's name when Ruby cannot read it (`2020-13-45`): Jekyll stops there.
   */
  finishReading(): string | undefined {
    let invalidDate: string | undefined;
    const dated = DATE_FILENAME.exec(this.relativePath);
    let slug: string;
    let ext: string | undefined;
    if (dated) {
      slug = dated[2];
      ext = dated[3];
      const current = this.data.date;
      if (!(current instanceof Date) || current.getTime() === this.site.time.getTime()) {
        const date = parseRubyTime(dated[1], this.site.time);
        if (date) this.data.date = date;
        else invalidDate = dated[1];
      }
    } else {
      const m = DATELESS_FILENAME.exec(this.relativePath);
      slug = m ? m[1] : this.basenameWithoutExt;
      ext = m?.[2];
    }
    slug = slug.replace(/\.*$/, '');
    // Ruby's `||=`: nil and false are both replaced.
    const unset = (key: string) => this.data[key] == null || this.data[key] === false;
    if (unset('title')) this.data.title = slug.split('-').map(capitalize).join(' ');
    if (unset('slug')) this.data.slug = slug;
    if (unset('ext')) this.data.ext = ext;

    const categories = [...toArray(this.data.categories), ...pluralized(this.data, 'category', 'categories')];
    // Ruby's `to_s`: a nil category is "".
    this.data.categories = [...new Set(categories.flat().map((c) => (c == null ? '' : String(c))))];
    this.data.tags = pluralized(this.data, 'tag', 'tags');
    return invalidDate;
  }

  urlTemplate(): string {
    return this.collection.urlTemplate;
  }

  urlPlaceholders() {
    return (key: string): string | undefined => {
      const date = this.date;
      switch (key) {
        case 'collection':
          return this.collection.label;
        case 'path':
          return this.cleanedRelativePath;
        case 'name':
          return slugify(this.basenameWithoutExt);
        case 'title':
          return (
            slugify(this.data.slug ?? undefined, 'pretty', true) ??
            slugify(this.basenameWithoutExt, 'pretty', true)
          );
        case 'slug':
          return slugify(this.data.slug ?? undefined) ?? slugify(this.basenameWithoutExt);
        case 'categories':
          return [...new Set(toArray(this.data.categories).map((c) => String(c).toLowerCase()))].join('/');
        case 'slugified_categories':
          return [...new Set(toArray(this.data.categories).map((c) => slugify(String(c)) ?? ''))].join('/');
        case 'output_ext':
          return this.outputExt;
        default: {
          const format = DATE_PLACEHOLDERS[key];
          return format ? strftime(date, format) : undefined;
        }
      }
    };
  }

  /** `cleaned_relative_path`: path inside the collection folder without extension. */
  get cleanedRelativePath(): string {
    const withoutExt = this.relativePath.slice(0, this.relativePath.length - this.ext.length);
    return withoutExt.replace(this.collection.relativeDirectory, '').replace(/\.*$/, '');
  }

  /** `Document#id`. */
  get id(): string {
    return path.posix.join(path.posix.dirname(this.url), String(this.data.slug ?? this.basenameWithoutExt));
  }

  get published(): boolean {
    return this.data.published !== false;
  }

  get write(): boolean {
    return this.collection.output;
  }
}

/** The date placeholders of `Drops::UrlDrop`, each a `strftime` of the document's date. */
const DATE_PLACEHOLDERS: Record<string, string> = {
  year: '%Y',
  month: '%m',
  day: '%d',
  hour: '%H',
  minute: '%M',
  second: '%S',
  i_day: '%-d',
  i_month: '%-m',
  short_month: '%b',
  long_month: '%B',
  short_year: '%y',
  w_year: '%G',
  week: '%V',
  w_day: '%u',
  short_day: '%a',
  long_day: '%A',
  y_day: '%j',
};

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

export function toArray(value: unknown): unknown[] {
  if (value == null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * `Utils.pluralized_array_from_hash`: the singular key's value unless nil or false, else the
 * plural's (`tags: a b` splits on spaces; a list loses its nils), flattened, without nils.
 */
function pluralized(data: Config, singular: string, plural: string): unknown[] {
  let value: unknown = data[singular];
  if (value == null || value === false) {
    const many = data[plural];
    if (typeof many === 'string') value = many.split(/\s+/).filter(Boolean);
    else if (Array.isArray(many)) value = many.filter((item) => item != null);
    else value = undefined;
  }
  return [value].flat(Number.POSITIVE_INFINITY).filter((item) => item != null);
}

export class StaticFile {
  readonly kind = 'static' as const;
  /** Relative to the source, `/assets/x.png` style without the leading slash. */
  readonly relativePath: string;
  readonly sourcePath: string;
  readonly collection: Collection | undefined;
  readonly mtime: Date;
  /** Front matter defaults for static files (`site.static_files` exposes them). */
  data: Config = {};

  constructor(relativePath: string, sourcePath: string, mtime: Date, collection?: Collection) {
    this.relativePath = relativePath;
    this.sourcePath = sourcePath;
    this.mtime = mtime;
    this.collection = collection;
  }

  get name(): string {
    return path.posix.basename(this.relativePath);
  }

  get extname(): string {
    return path.posix.extname(this.relativePath);
  }

  get basename(): string {
    return path.posix.basename(this.relativePath, this.extname);
  }

  /** Site url of the file; for collection files, through the collection's permalink. */
  get url(): string {
    if (!this.collection) return `/${this.relativePath}`;
    const inside = this.relativePath.slice(this.collection.relativeDirectory.length + 1);
    const cleaned = `/${inside.slice(0, inside.length - this.extname.length)}`;
    const base = buildUrl(this.collection.urlTemplate, {
      collection: this.collection.label,
      path: cleaned,
      output_ext: '',
      name: this.basename,
      title: '',
    });
    return base.replace(/\/$/, '') + this.extname;
  }

  get destinationPath(): string {
    return decodeUrlPath(this.url).replace(/^\/+/, '');
  }

  get write(): boolean {
    return this.collection ? this.collection.output : true;
  }
}
