/**
 * Google Scholar's `citation_*` tags and a ScholarlyArticle for publication pages of sites with a
 * theme of their own, written into each page's `<head>` after rendering (the built-in theme's
 * head.html writes them itself). The tags are the built-in theme's `scholar-meta.html`, the one
 * list of them.
 *
 * Pages made from BibTeX always get them; an academicpages `_publications/*.md` page gets them
 * when `scholar_meta: true` is set, and no other byte of the site changes.
 */
import { Context, type Liquid, type Template } from 'liquidjs';
import { BUILT_IN_INCLUDES } from '../render/liquid/tags/bibliography.ts';
import type { Document } from '../site/document.ts';
import type { Site } from '../site/site.ts';
import { usesBuiltInTheme } from '../site/theme.ts';
import type { Plugin } from './index.ts';

/** The Liquid engine of each site's build, to render the tags with. */
const engines = new WeakMap<Site, { liquid: Liquid; templates: Template[] }>();

/** Whether a document is a publication whose page gets the tags. */
function wantsTags(site: Site, doc: Document): boolean {
  if (doc.collection.label !== 'publications' && doc.data.bibfile === undefined) return false;
  if (doc.outputExt !== '.html' || !doc.write || !site.publishable(doc.data, doc.date)) return false;
  return doc.data.bibfile !== undefined || site.config.scholar_meta === true;
}

/** The front matter the tags read, with authors taken from the citation when none are given. */
function pageFor(doc: Document): Record<string, unknown> {
  const data = doc.data;
  const authors = Array.isArray(data.authors)
    ? data.authors
    : typeof data.authors === 'string'
      ? data.authors.split(/\s*(?:,|;|\band\b)\s*/).filter(Boolean)
      : typeof data.citation === 'string'
        ? citationAuthors(data.citation)
        : [];
  return { ...data, authors, url: doc.url, date: doc.date, collection: doc.collection.label };
}

/**
 * The authors of an academicpages `citation:` ("Li, Z., Lin, T., & Wu, C. (2023). "Title."
 * <i>Venue</i>."): the names before the year or the quoted title, "Last, F." kept together.
 */
export function citationAuthors(citation: string): string[] {
  const plain = citation.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&');
  const end = plain.search(/\(\d{4}[a-z]?\)|["“]/);
  if (end <= 0) return [];
  const names = plain
    .slice(0, end)
    .trim()
    .replace(/[.,\s]+$/, (tail) => (tail.startsWith('.') ? '.' : ''))
    .replace(/,?\s*(?:&|\band\b)\s*/g, ', ')
    .split(/\s*,\s*/)
    .filter(Boolean);
  const initials = (name: string) => /^(?:\p{Lu}\p{Ll}{0,2}\.\s?-?)+$/u.test(name);
  const paired = names.length % 2 === 0 && names.every((name, i) => i % 2 === 0 || initials(name));
  if (!paired) return names.map((name) => name.replace(/\.$/, ''));
  const authors: string[] = [];
  for (let i = 0; i < names.length; i += 2) authors.push(`${names[i]}, ${names[i + 1]}`);
  return authors;
}

/**
 * On lines of their own before the head's end, or first when the page has no head (a browser
 * puts them in its head).
 */
function inject(output: string, tags: string): string {
  const end = output.search(/<\/head\s*>/i);
  if (end < 0) return `${tags}\n${output}`;
  const lineStart = output.lastIndexOf('\n', end - 1) + 1;
  const at = /^[ \t]*$/.test(output.slice(lineStart, end)) ? lineStart : end;
  return `${output.slice(0, at)}${tags}\n${output.slice(at)}`;
}

export const scholarMeta: Plugin = {
  name: 'scholarsite-scholar-meta',
  active: (site) => !usesBuiltInTheme(site.config),
  liquid(liquid, site) {
    engines.set(site, { liquid, templates: liquid.parse('{% include scholar-meta.html %}') });
  },
  postRender(site) {
    const engine = engines.get(site);
    if (!engine) return;
    for (const doc of site.documents) {
      if (doc.output === undefined || !wantsTags(site, doc) || doc.output.includes('name="citation_title"'))
        continue;
      const scope = { page: pageFor(doc), site: site.config };
      const ctx = new Context(scope, engine.liquid.options, { sync: true }, { liquid: engine.liquid });
      ctx.setRegister(BUILT_IN_INCLUDES, true);
      const tags = engine.liquid.renderSync(engine.templates, ctx) as string;
      doc.output = inject(doc.output, tags.trim());
    }
  },
};
