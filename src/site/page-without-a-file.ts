import type { Config } from '../config/index.ts';
import { Page } from './document.ts';
import type { Site } from './site.ts';

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
