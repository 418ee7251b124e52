/**
 * A `.bib` file as academicpages publications (what its `pubsFromBib.py` does): one
 * `_publications/DATE-SLUG.md` per entry, with the fields the theme and Google Scholar read.
 */

import type { SiteError } from '../errors.ts';
import { publicationData } from '../read/bibliography/index.ts';
import { displayName } from '../read/bibliography/names.ts';
import { parseBibFile } from '../read/bibliography/parse.ts';
import { yamlString } from './generated-files.ts';
import type { ImportedFile } from './tsv.ts';

/** HTML from the parser (`<i>`, entities) as the text a Markdown file holds. */
const text = (html: unknown) =>
  String(html ?? '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

const slug = (title: string) =>
  title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .split('-')
    .slice(0, 8)
    .join('-');

export function publicationsFromBibtex(
  source: string,
  file: string,
): { files: ImportedFile[]; problems: SiteError[] } {
  const { entries, problems } = parseBibFile(source, file);
  const files = entries
    .filter((entry) => entry.type !== 'proceedings')
    .map((entry) => {
      const data = publicationData(entry, { marks: {} }, () => false);
      const date = data.date instanceof Date ? data.date : undefined;
      const day = date
        ? `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
        : '1900-01-01';
      const title = text(data.title);
      let fm = `title: ${yamlString(title)}\ncollection: publications\ncategory: ${data.category}\n`;
      fm += `date: ${day}\n`;
      if (data.venue) fm += `venue: ${yamlString(text(data.venue))}\n`;
      fm += `authors:\n${entry.authors.map((person) => `  - ${yamlString(displayName(person))}\n`).join('')}`;
      for (const name of [
        'paperurl',
        'slidesurl',
        'codeurl',
        'doi',
        'arxiv',
        'volume',
        'issue',
        'pages',
        'publisher',
      ]) {
        if (data[name]) fm += `${name}: ${yamlString(text(data[name]))}\n`;
      }
      if (data.abstract) fm += `excerpt: ${yamlString(text(data.abstract).split(/(?<=\.)\s/)[0])}\n`;
      fm += `citation: ${yamlString(text(data.citation))}\n`;
      fm += `bibtex: ${yamlString(entry.bibtex)}\n`;
      const body = data.abstract ? `${text(data.abstract)}\n` : '';
      return { path: `_publications/${day}-${slug(title) || slug(entry.key)}.md`, frontMatter: fm, body };
    });
  return { files, problems };
}
