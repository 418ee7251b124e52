/**
 * jekyll-relative-links: in Markdown pages (and, with `collections: true`, written documents), a
 * link to a file of the site by its path (`[text](other.md)`, `[ref]: ../a.md`) is rewritten to
 * that file's url before the page is converted. GitHub Pages runs 0.6.1, which knows no link
 * titles, decodes no `%20` and reads `/a.md` from the page's folder; elsewhere 0.7.0, the version
 * a site installs today (and Debian ships).
 */
import path from 'node:path';
import type { Renderable } from '../site/document.ts';
import type { Site } from '../site/site.ts';
import { isAbsoluteUrl, relativeUrl } from '../site/site-urls.ts';
import type { Plugin } from './index.ts';
import { pluginOption } from './util.ts';

const CONFIG_KEY = 'relative_links';

/** What differs between the two versions. */
interface Version {
  /** `LINK_REGEX`: an inline link's groups (text, path, fragment, title), then a reference's. */
  link: RegExp;
  groups: number;
  /** `/a.md` is from the site's folder (0.7), not the page's (0.6). */
  absoluteFromRoot: boolean;
  /** `CGI.unescape` of the path (0.7). */
  unescape: boolean;
}

function linkRegex(fragment: string, title: string): RegExp {
  const inline = String.raw`\[(.*?)\]\(([^)]+?)${fragment}${title}\)`;
  const reference = String.raw`^\s*?\[(.*?)\]: (.+?)${fragment}${title}\s*?$`;
  return new RegExp(`(${inline}|${reference})`, 'gm');
}

// The gems' patterns, group for group. (0.7's second title form opens with `"`, closes with `'`.)
const TITLE = String.raw`(\s+"(?:\\"|[^"])*(?<!\\)"|\s+"(?:\\'|[^'])*(?<!\\)')?`;
const GITHUB_PAGES: Version = {
  link: linkRegex('(#.+?)?', ''),
  groups: 3,
  absoluteFromRoot: false,
  unescape: false,
};
const CURRENT: Version = {
  link: linkRegex('(#.+?|)?', TITLE),
  groups: 4,
  absoluteFromRoot: true,
  unescape: true,
};

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
    const version = site.githubPages ? GITHUB_PAGES : CURRENT;
    for (const item of items) {
      if (!item.isMarkdown || excluded(exclude, item.relativePath)) continue;
      const base = path.posix.dirname(item.relativePath);
      const content = item.content.replace(version.link, (original, ...groups: (string | undefined)[]) => {
        const inline = groups[1] !== undefined;
        const first = inline ? 1 : 1 + version.groups;
        const [text, linkPath, fragment, title] = groups.slice(first, first + version.groups);
        if (!linkPath || linkPath.startsWith('#') || isAbsoluteUrl(linkPath)) return original;
        const url = targets.get(fromRoot(linkPath, base, version));
        if (url === undefined) return original;
        const target = (relativeUrl(site.config, url) ?? url) + (fragment ?? '') + (title ?? '');
        return inline ? `[${text}](${target})` : `\n[${text}]: ${target}`;
      });
      if (content === item.content) continue;
      item.content = item.rawContent = content;
      item.madeFromSite += `links:${content}`;
    }
  },
};

/** `path_from_root` (then, in 0.7, `CGI.unescape`): the linked file's path from the site's folder. */
function fromRoot(linkPath: string, base: string, version: Version): string {
  const fromSite = version.absoluteFromRoot && linkPath.startsWith('/');
  const absolute = path.posix.resolve(ROOT, fromSite ? '' : base, linkPath.replace(/^\//, ''));
  const relative = absolute.startsWith(`${ROOT}/`) ? absolute.slice(ROOT.length + 1) : absolute;
  if (!version.unescape) return relative;
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
