/**
 * jekyll-readme-index 0.3: a README (Markdown, no front matter) becomes its folder's index page
 * when the folder has none; its static copy is still written, unless `remove_originals`.
 */
import path from 'node:path';
import type { Site } from '../site/site.ts';
import type { Plugin } from './index.ts';
import { isMarkdownFile, pageFromStaticFile, pluginOption } from './util.ts';

const CONFIG_KEY = 'readme_index';

export const readmeIndex: Plugin = {
  name: 'jekyll-readme-index',
  priority: 'low',
  generate(site: Site): void {
    if (pluginOption(site, CONFIG_KEY, 'enabled') === false) return;
    const readmes = site.staticFiles.filter(
      (file) => !file.collection && /^readme$/i.test(file.basename) && isMarkdownFile(site, file.name),
    );
    for (const readme of readmes) {
      const folder = path.posix.dirname(readme.url);
      if (hasIndex(site, folder)) continue;
      const page = pageFromStaticFile(site, readme);
      // `StaticFile#to_page`: the folder's url, as Ruby's `File.dirname(url) + "/"` writes it.
      page.data.permalink = `${folder}/`;
      site.pages.push(page);
      if (pluginOption(site, CONFIG_KEY, 'remove_originals') === true)
        site.staticFiles = site.staticFiles.filter((file) => file !== readme);
    }
    if (pluginOption(site, CONFIG_KEY, 'with_frontmatter') === true) {
      for (const page of site.pages) {
        if (!page.hasFrontMatter || !/^readme$/i.test(page.basename) || !isMarkdownFile(site, page.name))
          continue;
        const folder = path.posix.dirname(page.url);
        if (hasIndex(site, folder)) continue;
        page.data.permalink = `${folder}/`;
        page.resetUrl();
      }
    }
  },
};

/**
 * `dir_has_index?`: a page or file at the folder's url, or at `index.html` (.htm, .xhtml, .xml)
 * in it. The gem writes `^DIR/` + `INDEX_REGEX`; Ruby puts a Regexp into another as a group
 * (`(?i-mx:$|index…)`), so its `|` stays inside and both alternatives start with the folder.
 */
function hasIndex(site: Site, folder: string): boolean {
  const dir = (folder.endsWith('/') ? folder : `${folder}/`).toLowerCase();
  return [...site.pages, ...site.staticFiles].some((file) => {
    const url = file.url.toLowerCase();
    return url.startsWith(dir) && /^(?:|index\.(?:html?|xhtml|xml))$/.test(url.slice(dir.length));
  });
}
