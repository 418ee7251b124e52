/**
 * BibTeX as a source: each entry of the `.bib` files in `_bibliography/` becomes a document of
 * the publications collection (its own page, permalink and place in `site.publications`), with
 * the fields academicpages' pages and the theme read, and a `.bib` file to download beside it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type BibliographySettings,
  bibFileNames,
  bibliographyConfigured,
  bibliographySettings,
} from '../../config/bibliography.ts';
import { type Config, siteFolders } from '../../config/index.ts';
import { BUILT_IN_THEME_ROOT } from '../../config/theme.ts';
import { type Diagnostics, SiteError } from '../../errors.ts';
import { xmlEscape } from '../../ruby/text.ts';
import { parseRubyTime } from '../../ruby/time.ts';
import { type Collection, Document, Page } from '../../site/document.ts';
import { someIncludeFile } from '../../site/include-files.ts';
import type { Site } from '../../site/site.ts';
import { codeStamp } from '../../version.ts';
import { keepCacheFile } from '../../write/cache-file.ts';
import { displayName, familyName, ownerMatcher } from './names.ts';
import { type BibEntry, type BibFile, bibtexParserLoaded, parseBibFile } from './parse.ts';

/** `category` in academicpages' words, from the BibTeX type. */
const CATEGORY: Record<string, string> = {
  article: 'manuscripts',
  inproceedings: 'conferences',
  conference: 'conferences',
  proceedings: 'conferences',
  book: 'books',
  inbook: 'books',
  incollection: 'books',
  phdthesis: 'theses',
  mastersthesis: 'theses',
  thesis: 'theses',
};

/** Link fields → the front matter names the theme and academicpages pages use. */
const LINKS: Record<string, string> = {
  pdf: 'paperurl',
  code: 'codeurl',
  slides: 'slidesurl',
  video: 'videourl',
  poster: 'posterurl',
  project: 'projecturl',
  website: 'projecturl',
  html: 'htmlurl',
  url: 'htmlurl',
};

/**
 * Whether the site asks for its `.bib` files in its config and has some (then the BibTeX parser
 * is loaded before reading).
 */
export function hasBibFiles(config: Config): boolean {
  const settings = bibliographySettings(config);
  return (
    settings !== undefined &&
    bibliographyConfigured(config) &&
    bibFileNames(path.join(siteFolders(config).source, settings.source)).length > 0
  );
}

/**
 * Whether the site has `.bib` files and asks for them: in its config, or by a bibliography tag
 * in a page, document or layout.
 */
export function bibliographyWanted(site: Site): boolean {
  const settings = bibliographySettings(site.config);
  if (!settings || bibFileNames(path.join(site.source, settings.source)).length === 0) return false;
  return bibliographyConfigured(site.config) || usesBibliographyTags(site);
}

/** Whether the `.bib` files can be read now: the parser is loaded, or their entries are known. */
export function bibliographyReadable(site: Site, cacheDir: string | undefined): boolean {
  return bibtexParserLoaded() || bibFilesKnown(site, cacheDir);
}

/** A bibliography tag: jekyll-scholar's users have no setting to find. */
const BIBLIOGRAPHY_TAG = /\{%-?\s*(?:bibliography|bibliography_count|cite|reference)\s/;

/** Whether a page, document or layout (or, with `includes`, an include file) uses a bibliography tag. */
export function usesBibliographyTags(site: Site, options: { includes?: boolean } = {}): boolean {
  const items = [...site.pages, ...site.documents, ...site.layouts.values()];
  if (items.some((item) => BIBLIOGRAPHY_TAG.test(item.content ?? ''))) return true;
  if (!options.includes) return false;
  // The site's own includes only: the built-in theme's hold bibliography tags for every site.
  return someIncludeFile(site.includeDirs.slice(0, 1), (text) => BIBLIOGRAPHY_TAG.test(text));
}

/** The built-in layout of publication pages on sites with no layout for them. */
export const STANDALONE_LAYOUT = 'scholarsite-publication';

/**
 * The layout a publication page asks for, else the first the site has of `single`, `page` and
 * `default`; a site with none of them gets a plain page that shows the entry as lists do.
 */
function publicationLayout(site: Site, wanted: string): string {
  const own = [wanted, 'single', 'page', 'default'].find((name) => site.layouts.has(name));
  if (own) return own;
  const file = path.join(BUILT_IN_THEME_ROOT, 'standalone', 'publication.html');
  const content = readFileSync(file, 'utf8');
  site.layouts.set(STANDALONE_LAYOUT, {
    name: STANDALONE_LAYOUT,
    relativePath: site.relative(file),
    data: {},
    content,
    bodyLine: 1,
    sourceText: content,
  });
  return STANDALONE_LAYOUT;
}

/**
 * Read the `.bib` files into their collection, which is returned (undefined: no bibliography).
 * Only for a site that wants them (`bibliographyWanted`).
 */
export function readBibliography(
  site: Site,
  files: {
    isUnsafeLink(absolute: string): boolean;
    readText(absolute: string): string;
    /** Where parsed `.bib` files are kept between builds (unset: nowhere). */
    cacheDir: string | undefined;
    diagnostics: Diagnostics;
  },
): Collection | undefined {
  const settings = bibliographySettings(site.config);
  if (!settings) return undefined;
  const folder = path.join(site.source, settings.source);
  const names = bibFileNames(folder);
  if (names.length === 0) return undefined;
  const collection =
    site.collections.get(settings.collection) ??
    site.declareCollection(settings.collection, { output: true, permalink: '/:collection/:path/' });
  const layout = publicationLayout(site, settings.layout);
  const isMe = ownerMatcher(settings.me);
  for (const name of names) {
    const absolute = path.join(folder, name);
    if (files.isUnsafeLink(absolute)) continue;
    const file = site.relative(absolute);
    const { entries, problems } = parsedBibFile(files.readText(absolute), file, files.cacheDir);
    for (const problem of problems) files.diagnostics.warn(problem);
    // A proceedings entry that only lends its fields to papers (`crossref`) is not a publication.
    const parents = new Set(entries.map((entry) => entry.fields.crossref).filter(Boolean));
    for (const entry of entries) {
      if (entry.type === 'proceedings' && parents.has(entry.key)) continue;
      const doc = documentFor(site, collection, entry, absolute, { ...settings, layout }, isMe);
      doc.data.bibfile = name;
      collection.docs.push(doc);
      site.pages.push(bibFileFor(site, doc, entry));
    }
  }
  return collection;
}

function documentFor(
  site: Site,
  collection: Collection,
  entry: BibEntry,
  bibFile: string,
  settings: BibliographySettings,
  isMe: ReturnType<typeof ownerMatcher>,
): Document {
  const key = safeKey(entry.key);
  const relative = `${collection.relativeDirectory}/${key}.html`;
  const doc = new Document(site, collection, bibFile, relative, false);
  doc.data = {
    layout: settings.layout,
    ...site.frontMatterDefaults.all(relative, collection.label),
    ...publicationData(entry, settings, isMe),
    bibtex_url: `/${collection.label}/${key}.bib`,
    render_with_liquid: false,
  };
  doc.content = entry.fields.abstract ? `<p>${entry.fields.abstract}</p>\n` : '';
  doc.rawContent = doc.content;
  doc.sourceText = entry.source;
  doc.bodyLine = entry.line;
  doc.hasFrontMatter = true;
  doc.finishReading();
  return doc;
}

/**
 * Parsing BibTeX is slow (10–30 ms an entry: LaTeX is parsed properly, and the parser takes
 * ~0.2 s to load), so a file's entries are kept while its text stays the same: in memory for
 * `serve`'s rebuilds, and in the cache folder, by the text's hash, for the next build.
 */
const parsed = new Map<string, { text: string; result: BibFile }>();
function parsedBibFile(text: string, file: string, cacheDir: string | undefined): BibFile {
  const known = parsed.get(file);
  if (known?.text === text) return known.result;
  let result = cacheDir ? readCached(cacheDir, text) : undefined;
  if (!result) {
    if (!bibtexParserLoaded()) {
      throw new SiteError({
        message: 'this file changed while the site was being read',
        file,
        hint: 'Build again.',
      });
    }
    result = parseBibFile(text, file);
    // Entries with problems are parsed again next time, so the warnings are given again.
    if (cacheDir && result.problems.length === 0) writeCached(cacheDir, text, result);
  }
  parsed.set(file, { text, result });
  return result;
}

const cacheFile = (cacheDir: string, text: string) =>
  path.join(
    cacheDir,
    'bibtex',
    `${createHash('sha256').update(`${codeStamp()}\0${text}`).digest('hex')}.json`,
  );

function readCached(cacheDir: string, text: string): BibFile | undefined {
  try {
    return {
      entries: JSON.parse(readFileSync(cacheFile(cacheDir, text), 'utf8')) as BibEntry[],
      problems: [],
    };
  } catch {
    return undefined; // not there yet, or damaged: parsed again
  }
}

function writeCached(cacheDir: string, text: string, result: BibFile): void {
  keepCacheFile(cacheFile(cacheDir, text), JSON.stringify(result.entries));
}

/** Whether every `.bib` file of the site is known already, so the parser need not be loaded. */
export function bibFilesKnown(site: Site, cacheDir: string | undefined): boolean {
  const settings = bibliographySettings(site.config);
  if (!settings) return true;
  const folder = path.join(site.source, settings.source);
  return bibFileNames(folder).every((name) => {
    const file = site.relative(path.join(folder, name));
    const text = readFileSync(path.join(folder, name), 'utf8');
    return (
      parsed.get(file)?.text === text || (cacheDir !== undefined && existsSync(cacheFile(cacheDir, text)))
    );
  });
}

/** A BibTeX key as a file name. */
const safeKey = (key: string) => key.replace(/[^\w.-]+/g, '-');

/** An entry's fields in the front matter names academicpages and the theme use (HTML values). */
export function publicationData(
  entry: BibEntry,
  settings: Pick<BibliographySettings, 'marks'>,
  isMe: ReturnType<typeof ownerMatcher>,
): Config {
  const f = entry.fields;
  const markers = marksByAuthor(entry, settings.marks, isMe);
  const authorList = entry.authors.map((person, i) => ({
    name: xmlEscape(displayName(person)),
    family: xmlEscape(familyName(person)),
    me: isMe(person),
    marks: markers[i] ?? '',
  }));
  const year = /\d{4}/.exec(f.year ?? f.date ?? '')?.[0];
  const month = Number(f.month) || Number(/^\d{4}-(\d{1,2})/.exec(f.date ?? '')?.[1]) || 1;
  const day = Number(f.day) || Number(/^\d{4}-\d{1,2}-(\d{1,2})/.exec(f.date ?? '')?.[1]) || 1;
  const arxiv = f.arxiv ?? (/arxiv/i.test(f.archiveprefix ?? f.eprinttype ?? '') ? f.eprint : undefined);
  const data: Config = {
    title: f.title ?? entry.key,
    authors: authorList.map((a) => a.name),
    author_list: authorList,
    bibkey: entry.key,
    bibtype: entry.type,
    category: CATEGORY[entry.type] ?? 'manuscripts',
    venue: venueOf(entry, arxiv),
    year,
    volume: f.volume,
    issue: f.number ?? f.issue,
    pages: f.pages,
    publisher: f.publisher,
    doi: f.doi,
    arxiv,
    abbr: f.abbr,
    abstract: f.abstract,
    keywords: entry.keywords,
    selected:
      /^(true|yes|1)$/i.test(f.selected ?? '') || entry.keywords.some((k) => k.toLowerCase() === 'selected'),
    bibtex: entry.bibtex,
  };
  if (year) data.date = parseRubyTime(`${year}-${month}-${day}`);
  for (const [field, name] of Object.entries(LINKS)) {
    if (f[field] && data[name] === undefined) data[name] = linkTarget(f[field]);
  }
  if (f.doi) data.doiurl = `https://doi.org/${f.doi.replace(/^https?:\/\/(dx\.)?doi\.org\//, '')}`;
  if (arxiv) data.arxivurl = `https://arxiv.org/abs/${arxiv}`;
  data.citation = citationOf(authorList, data);
  for (const name of Object.keys(data)) if (data[name] === undefined) delete data[name];
  return data;
}

/** The `.bib` file of one entry, beside its page. */
function bibFileFor(site: Site, doc: Document, entry: BibEntry): Page {
  const url = String(doc.data.bibtex_url);
  const page = new Page(site, path.posix.dirname(url), path.posix.basename(url));
  page.data = { layout: 'none', sitemap: false, render_with_liquid: false };
  page.content = entry.bibtex;
  page.rawContent = entry.bibtex;
  page.hasFrontMatter = true;
  return page;
}

function venueOf(entry: BibEntry, arxiv: string | undefined): string | undefined {
  const f = entry.fields;
  const venue =
    f.journal ??
    f.journaltitle ??
    f.booktitle ??
    (entry.type === 'phdthesis' || entry.type === 'mastersthesis' ? f.school : undefined) ??
    (entry.type === 'techreport' ? f.institution : undefined) ??
    f.howpublished ??
    (entry.type === 'book' ? f.publisher : undefined);
  return venue ?? (arxiv ? `arXiv preprint arXiv:${arxiv}` : undefined);
}

/** A value without `://` names a file of the site: `paper.pdf` is `/files/paper.pdf`. */
function linkTarget(value: string): string {
  const text = value.replace(/&amp;/g, '&');
  if (text.includes('://') || text.startsWith('/')) return text;
  return `/files/${text}`;
}

/** Which marks each author gets: `equal = {Li, Zexi and Lin, Tao}` or `equal = {1, 2}`. */
function marksByAuthor(
  entry: BibEntry,
  marks: Record<string, string>,
  isMe: ReturnType<typeof ownerMatcher>,
): string[] {
  const out: string[] = entry.authors.map(() => '');
  for (const [field, mark] of Object.entries(marks)) {
    const value = entry.fields[field];
    if (!value) continue;
    const named = value.split(/\s+and\s+|\s*[,;]\s*(?=\d)/).map((v) => v.trim());
    for (const item of named) {
      if (/^\d+$/.test(item)) {
        const index = Number(item) - 1;
        if (index >= 0 && index < out.length) out[index] += mark;
      } else if (/^me$/i.test(item)) {
        entry.authors.forEach((person, i) => {
          if (isMe(person)) out[i] += mark;
        });
      } else {
        const matches = ownerMatcher([item.replace(/&amp;/g, '&')]);
        entry.authors.forEach((person, i) => {
          if (matches(person)) out[i] += mark;
        });
      }
    }
  }
  return out;
}

/** "A. Author, B. Author. Title. Venue, 12(3):101–120, 2024." as HTML. */
function citationOf(authors: { name: string }[], data: Config): string {
  const parts = [authors.map((a) => a.name).join(', '), String(data.title ?? '')];
  let venue = data.venue ? `<i>${data.venue}</i>` : '';
  if (data.volume) venue += `, ${data.volume}${data.issue ? `(${data.issue})` : ''}`;
  if (data.pages) venue += `${data.volume ? ':' : ', '}${data.pages}`;
  if (venue) parts.push(venue.replace(/^, /, ''));
  const text = parts.filter(Boolean).join('. ');
  return data.year ? `${text}, ${data.year}.` : `${text}.`;
}
