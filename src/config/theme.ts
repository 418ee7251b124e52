/**
 * Jekyll's gem themes (`Jekyll::Theme`): scholarsite's own, shipped inside the package
 * (`theme: scholarsite`), or one fetched from GitHub (`remote_theme:`, or a theme GitHub Pages
 * supports by name; see remote-theme/). The site's own `_layouts`, `_includes`, `_sass`, `assets`
 * and `_data` files win over the theme's, file by file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostics } from '../errors.ts';
import { posixRelative } from '../relative-path.ts';
import {
  invalidRemoteTheme,
  type ThemeDownload,
  themeCacheRoot,
  themeDownload,
  themeFolder,
} from '../remote-theme/index.ts';
import { parseYaml } from '../yaml/parse.ts';
import type { Config } from './index.ts';

/** `src/site/` and the bundle in `dist/cli/` are both two folders below the package, beside `theme/`. */
export const BUILT_IN_THEME_ROOT = fileURLToPath(new URL('../../theme', import.meta.url));
export const BUILT_IN_THEME_NAME = 'scholarsite';
/** Plugins the theme needs, like a gem theme's runtime dependencies. */
const THEME_PLUGINS = ['jekyll-seo-tag', 'jekyll-feed', 'jekyll-sitemap'];

/** A file as messages name it: relative to the site, or `(scholarsite theme) _includes/x.html`. */
export function describeFile(source: string, absolute: string): string {
  if (absolute === BUILT_IN_THEME_ROOT || absolute.startsWith(BUILT_IN_THEME_ROOT + path.sep)) {
    return `(${BUILT_IN_THEME_NAME} theme) ${posixRelative(BUILT_IN_THEME_ROOT, absolute)}`;
  }
  const cache = themeCacheRoot();
  if (absolute.startsWith(cache + path.sep)) {
    const [owner, repo, ...rest] = posixRelative(cache, absolute).split('/');
    return `(theme ${owner}/${repo}) ${rest.join('/')}`;
  }
  return posixRelative(source, absolute);
}

export interface Theme {
  name: string;
  root: string;
  /** Fetched from GitHub (`remote_theme:` or a GitHub Pages theme), not the built-in one. */
  download?: ThemeDownload;
  /** Plugins it needs, as a gem theme's runtime dependencies are loaded. */
  plugins: string[];
  includesPath: string | undefined;
  layoutsPath: string | undefined;
  sassPath: string | undefined;
  assetsPath: string | undefined;
  dataPath: string | undefined;
}

function folder(root: string, name: string): string | undefined {
  const absolute = path.join(root, name);
  try {
    return statSync(absolute).isDirectory() ? absolute : undefined;
  } catch {
    return undefined;
  }
}

/** The built-in theme's folders, looked up once (they are part of the package). */
let builtIn: Theme | undefined;

/**
 * `Site#configure_theme`: the theme the config names, when it is scholarsite's or one fetched
 * from GitHub already (remote-theme/ fetches it before the config is read for the build).
 */
export function configuredTheme(config: Config): Theme | undefined {
  const download = themeDownload(config);
  if (download) {
    const root = themeFolder(download);
    if (!existsSync(root)) return undefined;
    return { ...themeFolders(download.repo, root), download, plugins: gemDependencies(root) };
  }
  const name = config.theme;
  if (typeof name !== 'string' || name.trim().toLowerCase() !== BUILT_IN_THEME_NAME) return undefined;
  builtIn ??= { ...themeFolders(BUILT_IN_THEME_NAME, BUILT_IN_THEME_ROOT), plugins: THEME_PLUGINS };
  return builtIn;
}

function themeFolders(name: string, root: string) {
  return {
    name,
    root,
    includesPath: folder(root, '_includes'),
    layoutsPath: folder(root, '_layouts'),
    sassPath: folder(root, '_sass'),
    assetsPath: folder(root, 'assets'),
    dataPath: folder(root, '_data'),
  };
}

/** The runtime dependencies its gemspec names (jekyll-remote-theme's `MockGemspec`). */
function gemDependencies(root: string): string[] {
  let names: string[];
  try {
    names = readdirSync(root).filter((name) => name.endsWith('.gemspec'));
  } catch {
    return [];
  }
  const text = names.length ? readFileSync(path.join(root, names[0]), 'utf8') : '';
  const dependency = /^\s*[a-z]+\.add_(?:runtime_)?dependency\(?\s*["']([a-z_-]+)["']/gm;
  return [...text.matchAll(dependency)].map((m) => m[1]).filter((name) => name !== 'jekyll');
}

/** Whether the site uses scholarsite's own theme (whose search and bibliography are on by default). */
export function usesBuiltInTheme(config: Config): boolean {
  return (
    typeof config.theme === 'string' &&
    config.theme.trim().toLowerCase() === BUILT_IN_THEME_NAME &&
    !themeDownload(config)
  );
}

/** Warn about a `theme:` that names something scholarsite does not have. */
export function checkTheme(config: Config, diagnostics: Diagnostics): void {
  const invalid = invalidRemoteTheme(config);
  if (invalid) {
    diagnostics.warn({
      message: `${invalid} is not a valid remote theme; the site is built without it`,
      file: '_config.yml',
      hint: 'Write it as `remote_theme: owner/repository` or `owner/repository@ref`, as on GitHub.',
    });
  }
  const name = config.theme;
  if (name == null || configuredTheme(config) || themeDownload(config)) return;
  diagnostics.warn(
    typeof name === 'string'
      ? {
          message: `the theme '${name}' is a Ruby gem, which scholarsite cannot load; its layouts and includes are missing`,
          file: '_config.yml',
          hint: `Copy the theme's _layouts, _includes and _sass into the site, or switch to the built-in theme with \`theme: ${BUILT_IN_THEME_NAME}\`.`,
        }
      : {
          message: `the value of 'theme' should be a theme's name, but it is ${JSON.stringify(name)}`,
          file: '_config.yml',
          hint: `Write \`theme: ${BUILT_IN_THEME_NAME}\` for the built-in theme, or remove the line.`,
        },
  );
}

/** The theme's `_config.yml`, if it has one. */
export function readThemeConfig(theme: Theme): Config | undefined {
  const file = path.join(theme.root, '_config.yml');
  if (!existsSync(file)) return undefined;
  const data = parseYaml(readFileSync(file, 'utf8'), { file: `${theme.name} theme: _config.yml` });
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Config) : undefined;
}
