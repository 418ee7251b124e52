/**
 * What several plugins share: `PageWithoutAFile`, whether a plugin is listed, the environment.
 * (Jekyll's `absolute_url`/`relative_url`, which plugins call too, live in site/site-urls.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/index.ts';
import { Page, type StaticFile } from '../site/document.ts';
import type { Site } from '../site/site.ts';

/** Is the plugin listed under `plugins:` (or the old `gems:`)? */
export function pluginEnabled(site: Site, name: string): boolean {
  const list = site.config.plugins;
  return Array.isArray(list) && list.map(String).includes(name);
}

/**
 * `PageWithoutAFile.new(site, base, dir, name)`: a page with no file behind it. Front matter
 * defaults fill keys the plugin left unset, as Jekyll's `data.default_proc` does on lookup.
 */
export function pageWithoutAFile(site: Site, dir: string, name: string, data: Config, content = ''): Page {
  const page = new Page(site, dir, name);
  const defaults = site.frontMatterDefaults.all(page.relativePath, 'pages');
  page.data = { ...defaults, ...data };
  page.content = content;
  page.rawContent = content;
  page.hasFrontMatter = true;
  return page;
}

/** `File.exist?(site.in_source_dir(file))`. */
export function existsInSource(site: Site, file: string): boolean {
  return fs.existsSync(path.join(site.source, file.replace(/^\/+/, '')));
}

/** `JEKYLL_ENV`, `development` when unset. */
export function jekyllEnv(): string {
  return process.env.JEKYLL_ENV || 'development';
}

/** `Jekyll::Page.new(site, base, dir, name)` for a file read as static: a page with no front matter. */
export function pageFromStaticFile(site: Site, file: StaticFile): Page {
  const dir = path.posix.dirname(file.relativePath);
  const page = new Page(site, dir === '.' ? '' : `/${dir}`, file.name, file.sourcePath);
  const text = fs.readFileSync(file.sourcePath, 'utf8').replace(/^\uFEFF/, '');
  page.data = { ...site.frontMatterDefaults.all(page.relativePath, 'pages') };
  page.content = text;
  page.rawContent = text;
  page.sourceText = text;
  return page;
}

/** Whether a file's extension is one of the site's Markdown extensions (`markdown_ext`). */
export function isMarkdownFile(site: Site, name: string): boolean {
  return site.markdownExts.has(path.posix.extname(name).slice(1).toLowerCase());
}

/** A plugin's own settings (`relative_links: { enabled: false }`): one key of them. */
export function pluginOption(site: Site, plugin: string, key: string): unknown {
  const settings = site.config[plugin];
  return settings && typeof settings === 'object' ? (settings as Config)[key] : undefined;
}
