/**
 * jekyll-relative-links 0.7: in Markdown pages (and, with `collections: true`, written
 * documents), a link to a file of the site by its path (`[text](other.md)`, `[ref]: ../a.md`)
 * is rewritten to that file's url before the page is converted.
 */
import path from 'node:path';
import type { Renderable } from '../site/document.ts';
import type { Site } from '../site/site.ts';
import { isAbsoluteUrl, relativeUrl } from '../site/site-urls.ts';
import type { Plugin } from './index.ts';
import { pluginOption } from './util.ts';

const CONFIG_KEY = 'relative_links';

// The gem's patterns, group for group. (Its second title form opens with `"` and closes with `'`.)
const FRAGMENT = '(#.+?|)?';
const TITLE = String.raw`(\s+"(?:\\"|[^"])*(?<!\\)"|\s+"(?:\\'|[^'])*(?<!\\)')?`;
const INLINE = String.raw`\[(.*?)\]\(([^)]+?)${FRAGMENT}${TITLE}\)`;
const REFERENCE = String.raw`^\s*?\[(.*?)\]: (.+?)${FRAGMENT}${TITLE}\s*?$`;
const LINK = new RegExp(`(${INLINE}|${REFERENCE})`, 'gm');

/** Where the site is, standing in for Ruby's working folder in `File.expand_path`. */
const ROOT = '/.site-root';

export const relativeLinks: Plugin = {
  name: 'jekyll-relative-links',
  priority: 'lowest',
  generate(site: Site): void {
    if (pluginOption(site, CONFIG_KEY, 'enabled') === false) return;
    const written = site.documents.filter((doc) => doc.write && site.publishable(doc.data, doc.date));
    const items: Renderable[] = [...site.pages];
    if (pluginOption(site, CONFIG_KEY, 'collections') === true) items.push(...written);
    // `potential_targets`, by path from the site's folder.
    const targets = new Map<string, string>();
    const collectionsDir = site.collectionsDir;
    for (const doc of [...written].reverse())
      targets.set(path.posix.join(collectionsDir, doc.relativePath), doc.url);
    for (const file of [...site.staticFiles].reverse()) targets.set(file.relativePath, file.url);
    for (const page of [...site.pages].reverse()) targets.set(page.relativePath, page.url);
    const exclude = pluginOption(site, CONFIG_KEY, 'exclude');
    for (const item of items) {
      if (!item.isMarkdown || excluded(exclude, item.relativePath)) continue;
      const base = path.posix.dirname(item.relativePath);
      const content = item.content.replace(LINK, (original, ...groups: (string | undefined)[]) => {
        const inline = groups[1] !== undefined;
        const [text, linkPath, fragment, title] = inline ? groups.slice(1, 5) : groups.slice(5, 9);
        if (!linkPath || linkPath.startsWith('#') || isAbsoluteUrl(linkPath)) return original;
        const url = targets.get(fromRoot(linkPath, base));
        if (url === undefined) return original;
        const target = (relativeUrl(site.config, url) ?? url) + (fragment ?? '');
        return inline ? `[${text}](${target}${title ?? ''})` : `\n[${text}]: ${target}${title ?? ''}`;
      });
      if (content !== item.content) item.content = item.rawContent = content;
    }
  },
};

/** `path_from_root` then `CGI.unescape`: the linked file's path from the site's folder. */
function fromRoot(linkPath: string, base: string): string {
  const absolute = path.posix.resolve(
    ROOT,
    linkPath.startsWith('/') ? '' : base,
    linkPath.replace(/^\//, ''),
  );
  const relative = absolute.startsWith(`${ROOT}/`) ? absolute.slice(ROOT.length + 1) : absolute;
  try {
    return decodeURIComponent(relative.replaceAll('+', ' '));
  } catch {
    return relative;
  }
}

/** The `exclude` option: paths (globs allowed) whose pages keep their links. */
function excluded(patterns: unknown, relative: string): boolean {
  if (!Array.isArray(patterns)) return false;
  return patterns.some((pattern) => {
    const text = String(pattern).replace(/^\//, '');
    if (!text.includes('*')) return relative.startsWith(text);
    const regex = text
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*?/g, (star) => (star === '**' ? '.*' : '[^/]*'));
    return new RegExp(`^${regex}`).test(relative);
  });
}
