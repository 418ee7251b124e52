/**
 * The config's settings that the build itself reads, typed, with Jekyll's defaults (defaults.ts)
 * for the keys a config loaded elsewhere (a test, `check` of a bare folder) may lack, resolved
 * once. `Config` stays the raw record templates see as `site.*` and plugins read for their own
 * keys; the folders are in folders.ts.
 */
import { isHash } from '../ruby/values.ts';
import { type Config, JEKYLL_DEFAULTS } from './defaults.ts';

export class SiteSettings {
  /** `include`, `exclude` and `keep_files`: lists of paths (loadConfig makes them lists of text). */
  readonly include: string[];
  readonly exclude: string[];
  readonly keepFiles: string[];
  /** `plugins`, with the pre-3.5 `gems:` and the theme's (see loadConfig). */
  readonly plugins: string[];
  /** `markdown` as written (`kramdown`; GitHub Pages sites may say `GFM`). */
  readonly markdown: string;
  /** `markdown_ext`: the extensions (lower case, no dot) read as Markdown. */
  readonly markdownExts: Set<string>;
  /** `kramdown:`, `liquid:` and `sass:` settings. */
  readonly kramdown: Config;
  readonly liquid: Config;
  readonly sass: Config;
  /** `permalink`: a named style (`date`, `pretty`…) or a template. */
  readonly permalink: string;
  /** jekyll-paginate's `paginate_path` (`/page:num`). */
  readonly paginatePath: string;
  /** `timezone` (unset: the machine's). */
  readonly timezone: string | undefined;
  /** `collections`, as loadConfig declared them (posts always among them). */
  readonly collections: Record<string, Config>;
  /** `show_drafts`, `future`, `unpublished`: what is published (`--drafts`, `--future`, `--unpublished`). */
  readonly showDrafts: boolean;
  readonly future: boolean;
  readonly unpublished: boolean;
  /** `safe` (GitHub Pages): no symlinks out, no custom plugins. */
  readonly safe: boolean;
  /** `strict_front_matter` (`--strict`): a front matter error stops the build. */
  readonly strictFrontMatter: boolean;
  /** Ours: where the search box leads (`/search/`). */
  readonly searchPage: string;

  constructor(private readonly config: Config) {
    // A key the config has, even set to nothing, is the site's; only a missing one takes the default.
    const setting = <T>(key: string): T => (key in config ? config[key] : JEKYLL_DEFAULTS[key]) as T;
    const paths = (key: string) => {
      const value = setting<unknown>(key);
      return Array.isArray(value) ? value.map(String) : [];
    };
    const hash = (key: string) => {
      const value = setting<unknown>(key);
      return isHash(value) ? value : {};
    };
    this.include = paths('include');
    this.exclude = paths('exclude');
    this.keepFiles = paths('keep_files');
    this.plugins = paths('plugins');
    this.markdown = String(setting('markdown') ?? 'kramdown');
    this.markdownExts = new Set(
      String(setting('markdown_ext') ?? '')
        .split(',')
        .map((ext) => ext.trim().toLowerCase()),
    );
    this.kramdown = hash('kramdown');
    this.liquid = hash('liquid');
    this.sass = hash('sass');
    this.permalink = String(setting('permalink') ?? 'date');
    this.paginatePath = String(setting('paginate_path') ?? '/page:num');
    this.timezone = config.timezone ? String(config.timezone) : undefined;
    this.collections = hash('collections') as Record<string, Config>;
    this.showDrafts = Boolean(config.show_drafts);
    this.future = Boolean(config.future);
    this.unpublished = Boolean(config.unpublished);
    this.safe = config.safe === true;
    this.strictFrontMatter = Boolean(config.strict_front_matter);
    this.searchPage = String(config.search_page ?? '/search/');
  }

  /**
   * `baseurl` ('' when unset), read when asked: jekyll-github-metadata may set it while the site
   * generates, as it does `url`.
   */
  get baseurl(): string {
    return String(this.config.baseurl ?? '');
  }
}

/** The settings of a config, resolved once (a Site holds them: `site.settings`). */
export function siteSettings(config: Config): SiteSettings {
  return new SiteSettings(config);
}
