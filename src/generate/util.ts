/**
 * What several plugins share: whether a plugin is listed, the environment. (Jekyll's
 * `PageWithoutAFile` is site/page-without-a-file.ts; `absolute_url`/`relative_url`, which plugins
 * call too, live in site/site-urls.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/index.ts';
import { Page, type StaticFile } from '../site/document.ts';
import type { Site } from '../site/site.ts';

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
  return site.settings.markdownExts.has(path.posix.extname(name).slice(1).toLowerCase());
}

/** A plugin's own settings (`relative_links: { enabled: false }`): one key of them. */
export function pluginOption(site: Site, plugin: string, key: string): unknown {
  const settings = site.config[plugin];
  return settings && typeof settings === 'object' ? (settings as Config)[key] : undefined;
}

/**
 * `transform` applied to a page's body only, when it has one (what jemoji and jekyll-mentions do:
 * `<body …>` and the whitespace after it, and `</body>` on, are kept as they are).
 */
export function inBody(output: string, transform: (html: string) => string): string {
  const open = output.includes('<body') ? /<body(.*?)>\s*/s.exec(output) : null;
  if (!open) return transform(output);
  const head = output.slice(0, open.index + open[0].length);
  const tail = output.slice(open.index + open[0].length);
  const end = tail.indexOf('</body>');
  if (end < 0) return head + transform(tail);
  return head + transform(tail.slice(0, end)) + tail.slice(end);
}

/** A comment, a script or style element with its content, a tag, or a declaration. */
const HTML_TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<\/?([a-zA-Z][^\s/>]*)[^>]*>|<![^>]*>/g;

/**
 * `transform` applied to the text of an HTML fragment: not to tags, comments, scripts and
 * styles, nor to text inside the `ignored` elements (as jemoji and jekyll-mentions skip `<a>`,
 * `<code>`, `<pre>`…).
 */
export function mapHtmlText(html: string, ignored: Set<string>, transform: (text: string) => string): string {
  let out = '';
  let ignoredDepth = 0;
  let last = 0;
  const token = new RegExp(HTML_TOKEN);
  for (let m = token.exec(html); m; m = token.exec(html)) {
    const text = html.slice(last, m.index);
    out += ignoredDepth > 0 ? text : transform(text);
    out += m[0];
    const tag = m[2]?.toLowerCase();
    if (tag && ignored.has(tag) && !m[0].endsWith('/>'))
      ignoredDepth = Math.max(0, ignoredDepth + (m[0].startsWith('</') ? -1 : 1));
    last = token.lastIndex;
  }
  const rest = html.slice(last);
  return out + (ignoredDepth > 0 ? rest : transform(rest));
}
