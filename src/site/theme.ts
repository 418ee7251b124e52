/**
 * Jekyll's gem themes (`Jekyll::Theme`), with one theme to choose from: scholarsite's own,
 * shipped inside the package. `theme: scholarsite` in `_config.yml` turns it on; the site's own
 * `_layouts`, `_includes`, `_sass`, `assets` and `_data` files then win over the theme's, file by file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/index.ts';
import type { Diagnostics } from '../errors.ts';
import { parseYaml } from '../read/yaml.ts';
import { posixRelative } from './relative-path.ts';

/** `src/site/` and the bundle in `dist/cli/` are both two folders below the package, beside `theme/`. */
export const BUILT_IN_THEME_ROOT = fileURLToPath(new URL('../../theme', import.meta.url));
export const BUILT_IN_THEME_NAME = 'scholarsite';
/** Plugins the theme needs, like a gem theme's runtime dependencies. */
export const THEME_PLUGINS = ['jekyll-seo-tag', 'jekyll-feed', 'jekyll-sitemap'];

/** A file as messages name it: relative to the site, or `(scholarsite theme) _includes/x.html`. */
export function describeFile(source: string, absolute: string): string {
  if (absolute === BUILT_IN_THEME_ROOT || absolute.startsWith(BUILT_IN_THEME_ROOT + path.sep)) {
    return `(${BUILT_IN_THEME_NAME} theme) ${posixRelative(BUILT_IN_THEME_ROOT, absolute)}`;
  }
  return posixRelative(source, absolute);
}

export interface Theme {
  name: string;
  root: string;
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

/** `Site#configure_theme`: the theme the config names, when it is scholarsite's. */
export function configuredTheme(config: Config): Theme | undefined {
  const name = config.theme;
  if (typeof name !== 'string' || name.trim().toLowerCase() !== BUILT_IN_THEME_NAME) return undefined;
  builtIn ??= {
    name: BUILT_IN_THEME_NAME,
    root: BUILT_IN_THEME_ROOT,
    includesPath: folder(BUILT_IN_THEME_ROOT, '_includes'),
    layoutsPath: folder(BUILT_IN_THEME_ROOT, '_layouts'),
    sassPath: folder(BUILT_IN_THEME_ROOT, '_sass'),
    assetsPath: folder(BUILT_IN_THEME_ROOT, 'assets'),
    dataPath: folder(BUILT_IN_THEME_ROOT, '_data'),
  };
  return builtIn;
}

/** Warn about a `theme:` that names something scholarsite does not have. */
export function checkTheme(config: Config, diagnostics: Diagnostics): void {
  const name = config.theme;
  if (name == null || configuredTheme(config)) return;
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
