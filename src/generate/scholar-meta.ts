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
import { usesBuiltInTheme } from '../config/theme.ts';
import { BUILT_IN_INCLUDES } from '../render/liquid/tags/bibliography.ts';
import type { Document } from '../site/document.ts';
import type { Site } from '../site/site.ts';
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
  const given = data.authors ?? (typeof data.author === 'string' ? data.author : undefined);
  const authors = Array.isArray(given)
    ? given
    : typeof given === 'string'
      ? authorNames(given)
      : typeof data.citation === 'string'
        ? citationAuthors(data.citation)
        : [];
  return { ...data, authors, url: doc.url, date: doc.date, collection: doc.collection.label };
}

/** Names as people list them: "A; B", "Last, F., Last, F., & Last, F.", "First Last and First Last". */
export function authorNames(list: string): string[] {
  const names = splitNames(list.replace(/\[[^\]]*\]/g, '').trim());
  // A "name" of many words is a title or a venue: the text is in a style not known here.
  return names.some((name) => name.split(/\s+/).length > 5) ? [] : names;
}

function splitNames(text: string): string[] {
  if (text.includes(';'))
    return text
      .split(/\s*;\s*/)
      .map(withoutFinalStop)
      .filter(Boolean);
  // "Wang, Junkai": one person, family name first.
  if (/^[^,]+,[^,]+$/.test(text) && !/\s(?:and|&)\s/.test(text)) return [withoutFinalStop(text)];
  const names = text
    .replace(/,?\s*(?:&|\band\b)\s*/g, ', ')
    .split(/\s*,\s*/)
    .map((name) => name.trim())
    .filter(Boolean);
  const paired = names.length % 2 === 0 && names.every((name, i) => i % 2 === 0 || isInitials(name));
  if (!paired) return names.map(withoutFinalStop);
  const authors: string[] = [];
  for (let i = 0; i < names.length; i += 2) authors.push(`${names[i]}, ${names[i + 1]}`);
  return authors;
}

const isInitials = (name: string) => /^(?:\p{Lu}\p{Ll}{0,2}\.\s?-?)+$/u.test(name);
/** "Basu." is "Basu"; "Lin, T." keeps its initial's stop. */
const withoutFinalStop = (name: string) => {
  const trimmed = name.trim();
  return isInitials(trimmed.split(/[\s,]+/).at(-1) ?? '') ? trimmed : trimmed.replace(/\.$/, '');
};

/**
 * The authors of an academicpages `citation:`, the names before the year or the quoted title in
 * the styles people paste: APA ("Li, Z., Lin, T., & Wu, C. (2023). "Title.""), Harvard ("Li, Z.,
 * Lin, T., 2023. Title."), ACM ("Zexi Li and Tao Lin. 2023. Title."), IEEE-like ("Zexi Li, Tao
 * Lin, "Title."") and Vancouver ("Li Z, Lin T. Title."); "Last, F." is kept together.
 */
export function citationAuthors(citation: string): string[] {
  const plain = citation
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
  const ends = [/\(\d{4}[a-z]?\)/, /["“”]/, /[.,]\s+\d{4}[a-z]?\.(?:\s|$)/]
    .map((pattern) => plain.search(pattern))
    .filter((at) => at > 0);
  const vancouver =
    /^\s*((?:[\p{L}'’-]+(?: [\p{L}'’-]+)* \p{Lu}{1,3}, )*[\p{L}'’-]+(?: [\p{L}'’-]+)* \p{Lu}{1,3})\. /u.exec(
      plain,
    );
  const end = ends.length
    ? Math.min(...ends)
    : vancouver
      ? vancouver[1].length + plain.indexOf(vancouver[1])
      : -1;
  return end > 0 ? authorNames(plain.slice(0, end)) : [];
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
