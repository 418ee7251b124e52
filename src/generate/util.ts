/**
 * What several plugins share: `PageWithoutAFile`, whether a plugin is listed, the environment.
 * (Jekyll's `absolute_url`/`relative_url`, which plugins call too, live in site/site-urls.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/index.ts';
import { Page } from '../site/document.ts';
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
