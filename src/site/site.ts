/** The Site: configuration and everything read from the source, shared by every stage. */
import path from 'node:path';
import { bibliographyConfigured, bibliographySettings } from '../config/bibliography.ts';
import type { Config } from '../config/index.ts';
import {
  FrontMatterDefaults,
  permalinkStyle,
  type SiteFolders,
  type SiteSettings,
  siteFolders,
  siteSettings,
} from '../config/index.ts';
import { checkTheme, configuredTheme, describeFile, type Theme } from '../config/theme.ts';
import type { Diagnostics } from '../errors.ts';
import { isDirectory } from '../stat.ts';
import { BuildTime } from './build-time.ts';
import type { Collection, Document, Page, SiteContext, StaticFile } from './document.ts';
import { addPermalinkSuffix } from './url.ts';

export interface Layout {
  name: string;
  /** Site-relative path, for messages. */
  relativePath: string;
  data: Config;
  content: string;
  bodyLine: number;
  sourceText: string;
}

export class Site implements SiteContext {
  readonly source: string;
  readonly destination: string;
  readonly config: Config;
  readonly time: BuildTime;
  /** The settings the build reads, typed, with their defaults resolved once. */
  readonly settings: SiteSettings;
  readonly frontMatterDefaults: FrontMatterDefaults;
  /** The folders `_config.yml` names, with their defaults, resolved once. */
  readonly folders: SiteFolders;
  /** The built-in theme, when `_config.yml` names it. */
  readonly theme: Theme | undefined;

  layouts = new Map<string, Layout>();
  pages: Page[] = [];
  staticFiles: StaticFile[] = [];
  collections = new Map<string, Collection>();
  data: Record<string, unknown> = {};
  /** Absolute include folders, searched in order. */
  includeDirs: string[] = [];
  /** Built as GitHub Pages builds it (config/github-pages): Jekyll 3.10's ways where they differ. */
  githubPages = false;
  /**
   * `site.static_files` as Jekyll lists it (to templates and jekyll-sitemap): in GitHub Pages mode,
   * as Jekyll 3.10, without the files of collections, which 4.x added to that list (they are
   * written all the same).
   */
  get listedStaticFiles(): StaticFile[] {
    return this.githubPages ? this.staticFiles.filter((file) => !file.collection) : this.staticFiles;
  }

  /**
   * `diagnostics` hears what is wrong in the config (a `defaults` entry, the theme); the site
   * keeps no hold on it. `time`: the build's time (tests pin it; else now); a build passes its
   * BuildTime, which tells the build's DependencyRecorder of each use.
   */
  constructor(config: Config, diagnostics: Diagnostics, time: number | Date = Date.now()) {
    this.config = config;
    this.folders = siteFolders(config);
    this.source = this.folders.source;
    this.destination = this.folders.destination;
    this.time =
      time instanceof BuildTime
        ? time
        : new BuildTime(time instanceof Date ? time.getTime() : time, () => {});
    this.settings = siteSettings(config);
    this.frontMatterDefaults = new FrontMatterDefaults(config.defaults, this.folders.collectionsDir, (m) =>
      diagnostics.warn({
        message: m,
        file: '_config.yml',
        hint: 'Each entry of defaults needs `scope` and `values`.',
      }),
    );
    this.theme = configuredTheme(config);
    checkTheme(config, diagnostics);
    this.includeDirs = [this.folders.includesDir];
    if (this.theme?.includesPath) this.includeDirs.push(this.theme.includesPath);
    this.setUpCollections();
  }

  get posts(): Collection {
    return this.collections.get('posts')!;
  }

  get showDrafts(): boolean {
    return this.settings.showDrafts;
  }

  get collectionsDir(): string {
    return this.folders.collectionsDir;
  }

  private setUpCollections(): void {
    const declared = { ...this.settings.collections };
    // `.bib` files in `_bibliography/` make a publications collection, declared or not (on
    // other sites, once a page asks for them: see readBibliography).
    const bibliography = bibliographySettings(this.config);
    if (
      bibliography &&
      bibliographyConfigured(this.config) &&
      !(bibliography.collection in declared) &&
      isDirectory(path.join(this.source, bibliography.source))
    ) {
      declared[bibliography.collection] = { output: true, permalink: '/:collection/:path/' };
    }
    for (const rawLabel of Object.keys(declared)) {
      const label = rawLabel.replace(/[^a-z0-9_\-.]/gi, '');
      // Jekyll looks the metadata up by the cleaned label: `reading list:` gets none.
      this.declareCollection(label, (declared[label] ?? {}) as Config);
    }
  }

  /** A collection of this label, with its metadata from _config.yml. */
  declareCollection(label: string, metadata: Config): Collection {
    const relativeDirectory = `_${label}`;
    const urlTemplate =
      typeof metadata.permalink === 'string'
        ? metadata.permalink
        : addPermalinkSuffix(
            '/:collection/:path',
            this.permalinkStyleName(permalinkStyle(this.settings.permalink)),
          );
    const collection: Collection = {
      label,
      relativeDirectory,
      directory: path.join(this.source, this.collectionsDir, relativeDirectory),
      metadata,
      docs: [],
      files: [],
      output: Boolean(metadata.output),
      urlTemplate,
    };
    this.collections.set(label, collection);
    return collection;
  }

  /** `site.permalink_style` is a symbol for named styles, the template otherwise. */
  private permalinkStyleName(template: string): string {
    const { permalink } = this.settings;
    return permalink in { date: 1, pretty: 1, ordinal: 1, none: 1, weekdate: 1 } ? permalink : template;
  }

  /** Every collection document, in collection order. */
  get documents(): Document[] {
    return [...this.collections.values()].flatMap((collection) => collection.docs);
  }

  /** A site-relative path for messages. */
  relative(absolute: string): string {
    return describeFile(this.source, absolute);
  }

  /** Jekyll's `Publisher#publish?`. */
  publishable(data: Config, date: Date | undefined): boolean {
    const published = data.published !== false || this.settings.unpublished;
    const hidden = date !== undefined && !this.settings.future && date.getTime() > this.time.getTime();
    return published && !hidden;
  }
}
