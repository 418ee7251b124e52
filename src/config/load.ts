import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type ProblemInit, SiteError } from '../errors.ts';
import { isHash } from '../ruby/values.ts';
import { keyLine } from '../yaml/key-line.ts';
import { parseYaml } from '../yaml/parse.ts';
import { type Config, DEFAULT_EXCLUDES, JEKYLL_DEFAULTS, PERMALINK_STYLES } from './defaults.ts';
import { githubPagesLayers, githubPagesPlugins } from './github-pages.ts';
import { configuredTheme, readThemeConfig } from './theme.ts';

export interface ConfigOptions {
  source: string;
  /** `--config a.yml,b.yml`: later files override earlier ones. Default `_config.yml` in the source. */
  configFiles?: string[];
  /** Command-line values (destination, baseurl, drafts…), applied over the files. */
  overrides?: Config;
  /** Told of what is worth a warning (a key set twice). */
  warn?: (problem: ProblemInit) => void;
  /** Build as GitHub Pages does: its defaults, overrides and always-on plugins (config/github-pages). */
  githubPages?: boolean;
}

export interface LoadedConfig {
  config: Config;
  /** Absolute paths of the files read, for the watcher and messages. */
  files: string[];
}

/** Jekyll's `Utils.deep_merge_hashes`: hashes merge, everything else is replaced. */
export function deepMerge(target: Config, overwrite: Config): Config {
  const merged: Config = { ...target };
  for (const [key, value] of Object.entries(overwrite)) {
    const old = merged[key];
    merged[key] = isHash(old) && isHash(value) ? deepMerge(old, value) : value;
  }
  return merged;
}

function readConfigFile(file: string, source: string, warn?: (problem: ProblemInit) => void): Config {
  const relative = path.relative(source, file) || file;
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  if (/\.toml$/i.test(file)) {
    throw new SiteError({
      message: 'TOML configuration is not supported',
      file: relative,
      hint: 'Use _config.yml.',
    });
  }
  const data = parseYaml(text, { file: relative, warn }) ?? {};
  if (!isHash(data)) {
    throw new SiteError({
      message: 'the configuration file is not a list of settings (a YAML mapping)',
      file: relative,
      line: 1,
      source: text,
      hint: 'Each line of _config.yml should look like `key: value`.',
    });
  }
  return data;
}

/** `Configuration#read_config_files` + `add_default_collections` + `add_default_excludes`. */
export function loadConfig(options: ConfigOptions): LoadedConfig {
  const source = path.resolve(options.source);
  let files: string[];
  if (options.configFiles?.length) {
    files = options.configFiles.map((file) => path.resolve(file));
    for (const file of files) {
      if (!existsSync(file)) {
        throw new SiteError({
          message: `the configuration file '${file}' could not be found`,
          file,
          hint: 'Check the path given to --config.',
        });
      }
    }
  } else {
    const found = ['yml', 'yaml']
      .map((ext) => path.join(source, `_config.${ext}`))
      .find((f) => existsSync(f));
    files = found ? [found] : [];
  }

  let own: Config = {};
  for (const file of files) own = deepMerge(own, readConfigFile(file, source, options.warn));
  own = deepMerge(own, options.overrides ?? {});
  const pages = options.githubPages
    ? githubPagesLayers(own, process.env.JEKYLL_ENV || 'development')
    : undefined;
  let config: Config = deepMerge({ ...JEKYLL_DEFAULTS, source }, pages?.defaults ?? {});
  config = deepMerge(config, own);
  if (pages) config = deepMerge(config, pages.overrides);
  config.source = source;
  config.destination = path.resolve(source, String(config.destination ?? '_site'));

  for (const key of ['include', 'exclude', 'keep_files']) {
    const value = config[key];
    if (value == null) config[key] = [];
    else if (!Array.isArray(value)) {
      throw new SiteError({
        message: `'${key}' should be set as a list, but was: ${JSON.stringify(value)}`,
        file: files[0] ? path.relative(source, files[0]) : '_config.yml',
        hint: `Write it as a YAML list:\n    ${key}:\n      - item`,
      });
    }
  }
  // Jekyll 4 always excludes its defaults (Gemfile, node_modules…); GitHub Pages' Jekyll 3.10
  // excludes only what the site lists, or CNAME when it lists nothing.
  const alwaysExcluded = options.githubPages ? [] : DEFAULT_EXCLUDES;
  config.exclude = [...new Set([...(config.exclude as string[]).map(String), ...alwaysExcluded])];
  config.include = (config.include as unknown[]).map(String);
  config.keep_files = (config.keep_files as unknown[]).map(String);

  checkPluginList(config.plugins, 'plugins' in own, files, source, Boolean(options.githubPages));
  // The pre-3.5 `gems:` key: GitHub Pages still loads those plugins, so we do too.
  const plugins = new Set<string>(Array.isArray(config.plugins) ? config.plugins.map(String) : []);
  if (Array.isArray(config.gems)) for (const gem of config.gems) plugins.add(String(gem));
  config.plugins = options.githubPages
    ? githubPagesPlugins({ ...config, plugins: [...plugins] })
    : [...plugins];

  config.collections = withDefaultCollections(config);
  return { config: withThemePlugins(withThemeConfig(config, Boolean(options.githubPages))), files };
}

/**
 * Jekyll's `check_plugins`: a `plugins:` that is not a list stops the build (GitHub Pages'
 * Jekyll 3.10 stops only on a string, and reads an empty `plugins:` as none).
 */
function checkPluginList(
  plugins: unknown,
  setBySite: boolean,
  files: string[],
  source: string,
  githubPages: boolean,
): void {
  if (Array.isArray(plugins) || !setBySite || (githubPages && typeof plugins !== 'string')) return;
  // The last file that sets it is the one read.
  const setting = files
    .map((file) => ({ file, line: keyLine(readFileSync(file, 'utf8'), 'plugins') }))
    .reverse()
    .find(({ line }) => line !== undefined);
  throw new SiteError({
    message: `'plugins' should be set as a list of plugin names, but was: ${JSON.stringify(plugins)}`,
    file: setting ? path.relative(source, setting.file) || setting.file : '_config.yml',
    line: setting?.line,
    hint:
      typeof plugins === 'string'
        ? `Write it as a YAML list:\n    plugins:\n      - ${plugins}`
        : 'List the plugins under it, one `- name` a line, or remove the line when there are none.',
  });
}

/**
 * `Site#load_theme_configuration`: the theme's `_config.yml` under the site's, without the keys
 * Jekyll has defaults for (so a theme cannot change `collections` or `defaults`). Jekyll 4 reads
 * it for a gem theme; GitHub Pages' Jekyll 3.10 never does, nor does jekyll-remote-theme.
 */
function withThemeConfig(config: Config, githubPages: boolean): Config {
  const theme = configuredTheme(config);
  if (!theme || config.ignore_theme_config === true) return config;
  if (theme.download && (githubPages || theme.download.remote)) return config;
  const themeConfig = readThemeConfig(theme);
  if (!themeConfig) return config;
  const own = Object.fromEntries(Object.entries(themeConfig).filter(([key]) => !(key in JEKYLL_DEFAULTS)));
  return deepMerge(own, config);
}

/**
 * The plugins the theme's pages call (`{% seo %}`, `{% feed_meta %}`), loaded as Jekyll loads a
 * gem theme's runtime dependencies (in safe mode, only those on GitHub Pages' whitelist).
 */
function withThemePlugins(config: Config): Config {
  const theme = configuredTheme(config);
  if (!theme) return config;
  const whitelist = config.safe === true && Array.isArray(config.whitelist) ? config.whitelist : undefined;
  const plugins = new Set(config.plugins as string[]);
  for (const plugin of theme.plugins) if (!whitelist || whitelist.includes(plugin)) plugins.add(plugin);
  return { ...config, plugins: [...plugins] };
}

function withDefaultCollections(config: Config): Record<string, Config> {
  let declared = config.collections;
  if (Array.isArray(declared)) declared = Object.fromEntries(declared.map((name) => [String(name), {}]));
  const collections: Record<string, Config> = { posts: {} };
  if (isHash(declared)) {
    for (const [name, meta] of Object.entries(declared)) collections[name] = isHash(meta) ? { ...meta } : {};
  }
  const posts = collections.posts;
  posts.output = true;
  if (config.permalink && !posts.permalink) posts.permalink = permalinkStyle(String(config.permalink));
  return collections;
}

/** A named style (`date`, `pretty`…) or the template itself. */
export function permalinkStyle(permalink: string): string {
  return PERMALINK_STYLES[permalink] ?? permalink;
}
