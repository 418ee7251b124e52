/**
 * The built site as the checks see it: every file in the output folder, each HTML page with the
 * source file that produced it, and where the site is served (`url` and `baseurl`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Site } from '../site/site.ts';
import { cssReferences } from './css.ts';
import { emptyPage, type ParsedPage, parsePage } from './parse.ts';
import { LineIndex } from './problem.ts';

export interface BuiltPage {
  /** Relative to the output folder, with `/` (`about/index.html`). */
  output: string;
  /** The path it is served at, below the site's folder (`/about-me/about/index.html`). */
  urlPath: string;
  /** The source file, relative to the site folder; the output path for pages a plugin made. */
  source: string;
  /** The source file's text, to find a problem's line in it. */
  sourceText: string | undefined;
  /** Rendered from a file with front matter, copied as is, or made by a plugin. */
  origin: 'rendered' | 'static' | 'generated';
  text: string;
  parsed: ParsedPage;
  /** The layouts and includes it was rendered with, as far as their text tells. */
  templates: Template[];
  /** The collection of the document it was rendered from (`publications`). */
  collection?: string;
}

/** A layout or include, where a problem shared by many pages usually comes from. */
export interface Template {
  /** Relative to the site folder (or naming the theme). */
  file: string;
  text: string;
  /** The layout it is placed in (`layout:` in its front matter). */
  layout?: string;
}

/** The site's layouts by name and includes by the name `{% include %}` gives. */
interface Templates {
  layouts: Map<string, Template>;
  includes: Map<string, Template>;
}

export interface BuiltSite {
  /** The output folder. */
  root: string;
  /** Every file in it, relative, with `/`. */
  files: Set<string>;
  pages: BuiltPage[];
  /** The `.css` files, read as pages whose only elements are their `url()`s (see css.ts). */
  stylesheets: BuiltPage[];
  pageByOutput: Map<string, BuiltPage>;
  /** The folder the site is served from (`''` or `/about-me`): `baseurl`, else the folder in `url`. */
  basePath: string;
  /** `basePath` is the folder in `url`, `baseurl` being empty (academicpages' habit). */
  basePathFromUrl: boolean;
  /** `url` from the config, when it is a valid http(s) address. */
  siteUrl: URL | undefined;
}

const HTML_FILE = /\.html?$/i;

/** Read the output folder of a build whose `Site` is `site`. */
export function readBuiltSite(site: Site, root: string): BuiltSite {
  const sources = sourcesOf(site);
  const files = new Set<string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files.add(path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  }
  const siteUrl = parseSiteUrl(site.config.url);
  const basePath = sitePath(site.config.baseurl, siteUrl);
  const templates = templatesOf(site);
  const all = [...templates.layouts.values(), ...templates.includes.values()];
  const pages: BuiltPage[] = [];
  const stylesheets: BuiltPage[] = [];
  let partials: Template[] | undefined;
  for (const output of [...files].sort()) {
    const isStylesheet = CSS_FILE.test(output);
    if (!isStylesheet && !HTML_FILE.test(output)) continue;
    const text = readFileSync(path.join(root, output), 'utf8');
    const source = sources.get(output);
    const file = {
      output,
      urlPath: `${basePath}/${output}`,
      source: source?.file ?? output,
      // A static file is copied as it is: its text is the source's.
      sourceText: source ? (source.text ?? text) : undefined,
      origin: source ? (source.text === undefined ? 'static' : 'rendered') : 'generated',
      text,
    } as const;
    if (isStylesheet) {
      const lines = new LineIndex(text);
      if (source?.text !== undefined) partials ??= sassPartials(site);
      stylesheets.push({
        ...file,
        parsed: emptyPage(cssReferences(text, (offset) => lines.at(offset).line)),
        // A compiled stylesheet's addresses are usually written in its partials.
        templates: source?.text === undefined ? [] : (partials ?? []),
      });
    } else {
      pages.push({
        ...file,
        parsed: parsePage(text),
        templates: source?.text ? usedTemplates(templates, source.text, source.layout) : all,
        collection: source?.collection,
      });
    }
  }
  return {
    root,
    files,
    pages,
    stylesheets,
    pageByOutput: new Map(pages.map((page) => [page.output, page])),
    basePath,
    basePathFromUrl: basePath !== '' && !site.config.baseurl,
    siteUrl,
  };
}

const CSS_FILE = /\.css$/i;

/** The Sass partials a stylesheet may import: the site's sass folder, then its theme's. */
function sassPartials(site: Site): Template[] {
  const folders = [site.folders.sassDir];
  if (site.theme?.sassPath) folders.push(site.theme.sassPath);
  const partials: Template[] = [];
  for (const folder of folders) {
    for (const { name, template } of templatesIn(site, folder)) {
      if (/\.(?:scss|sass|css)$/i.test(name)) partials.push(template);
    }
  }
  return partials;
}

/** Every readable file under a folder (none when there is no such folder), by name with `/`. */
function templatesIn(site: Site, folder: string): { name: string; template: Template }[] {
  let entries: string[];
  try {
    entries = readdirSync(folder, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  const found: { name: string; template: Template }[] = [];
  for (const entry of entries.sort()) {
    const absolute = path.join(folder, entry);
    try {
      const template = { file: site.relative(absolute), text: readFileSync(absolute, 'utf8') };
      found.push({ name: entry.split(path.sep).join('/'), template });
    } catch {
      // A folder, or a file that cannot be read: nothing to search in.
    }
  }
  return found;
}

interface Source {
  file: string;
  /** Undefined for a static file. */
  text?: string;
  layout?: string;
  collection?: string;
}

/** Which source file each output comes from, as the build collected them (the last one wins). */
function sourcesOf(site: Site): Map<string, Source> {
  const sources = new Map<string, Source>();
  const layoutOf = (data: Record<string, unknown>) =>
    typeof data.layout === 'string' ? data.layout : undefined;
  for (const page of site.pages) {
    if (page.sourcePath)
      sources.set(page.destinationPath, {
        file: site.relative(page.sourcePath),
        text: page.sourceText,
        layout: layoutOf(page.data),
      });
  }
  for (const file of site.staticFiles) {
    if (file.write) sources.set(file.destinationPath, { file: site.relative(file.sourcePath) });
  }
  for (const doc of site.documents) {
    if (doc.write && site.publishable(doc.data, doc.date))
      sources.set(doc.destinationPath, {
        file: site.relative(doc.sourcePath),
        text: doc.sourceText,
        layout: layoutOf(doc.data),
        collection: doc.collection.label,
      });
  }
  return sources;
}

function parseSiteUrl(url: unknown): URL | undefined {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * Where the site lives on its host. academicpages sites often leave `baseurl` empty and put a
 * project site's folder in `url` (`https://me.github.io/my-site`); the site is served there all
 * the same, so a link to `/cv/` misses it.
 */
function sitePath(baseurl: unknown, siteUrl: URL | undefined): string {
  const base = typeof baseurl === 'string' ? baseurl : '';
  const folder = base || (siteUrl ? siteUrl.pathname : '');
  const trimmed = folder.replace(/\/+$/, '');
  return trimmed === '' ? '' : `/${trimmed.replace(/^\/+/, '')}`;
}

/** The site's layouts and includes (its own first, then its theme's), read once. */
function templatesOf(site: Site): Templates {
  const layouts = new Map<string, Template>();
  for (const layout of site.layouts.values()) {
    const parent = layout.data.layout;
    layouts.set(layout.name, {
      file: layout.relativePath,
      text: layout.sourceText,
      layout: typeof parent === 'string' ? parent : undefined,
    });
  }
  const includes = new Map<string, Template>();
  for (const dir of site.includeDirs) {
    // The site's own include wins over its theme's of the same name.
    for (const { name, template } of templatesIn(site, dir))
      if (!includes.has(name)) includes.set(name, template);
  }
  return { layouts, includes };
}

const INCLUDE_TAG = /\{%-?\s*include\s+['"]?([^\s'"%{}]+)/g;

/**
 * The templates a page is rendered with: the includes it names, its layout and the layout's own
 * layouts, and the includes those name, in that order (what `{{ }}` builds is not followed).
 */
function usedTemplates(templates: Templates, text: string, layout: string | undefined): Template[] {
  const used: Template[] = [];
  const seen = new Set<Template>();
  const visit = (template: Template | undefined) => {
    if (!template || seen.has(template)) return;
    seen.add(template);
    used.push(template);
    for (const name of includesIn(template.text)) visit(templates.includes.get(name));
    if (template.layout) visit(templates.layouts.get(template.layout));
  };
  for (const name of includesIn(text)) visit(templates.includes.get(name));
  if (layout) visit(templates.layouts.get(layout));
  return used;
}

function includesIn(text: string): string[] {
  return [...text.matchAll(INCLUDE_TAG)].map((match) => match[1].replace(/^\/+/, ''));
}
