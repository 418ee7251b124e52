/**
 * academicpages' spreadsheets (`markdown_generator/publications.tsv` and `talks.tsv`) as the
 * Markdown its Python scripts write: `_publications/DATE-SLUG.md` and `_talks/DATE-SLUG.md`.
 */
import { SiteError } from '../errors.ts';
import { yamlString } from './generated-files.ts';

export interface ImportedFile {
  /** Relative to the site: `_publications/2009-10-01-paper-title-number-1.md`. */
  path: string;
  frontMatter: string;
  body: string;
}

/** Rows of a tab-separated file with a header line; a value in double quotes loses them. */
export function parseTsv(text: string, file: string): Record<string, string>[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines.shift() ?? '').split('\t').map((name) => name.trim());
  const rows: Record<string, string>[] = [];
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    const cells = line.split('\t');
    if (cells.length > header.length) {
      throw new SiteError({
        message: `this row has ${cells.length} columns, but the header has ${header.length}`,
        file,
        line: index + 2,
        source: text,
        hint: 'A tab inside a value splits it in two; replace it with a space.',
      });
    }
    const row: Record<string, string> = {};
    header.forEach((name, i) => {
      const cell = (cells[i] ?? '').trim().replace(/^"([\s\S]*)"$/, '$1');
      if (cell && cell.toLowerCase() !== 'nan') row[name] = cell;
    });
    rows.push(row);
  });
  return rows;
}

/** academicpages' `html_escape`: `&`, `"` and `'` as entities. */
const htmlEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

function required(row: Record<string, string>, names: string[], file: string, line: number): void {
  const missing = names.filter((name) => !row[name]);
  if (missing.length) {
    throw new SiteError({
      message: `row ${line - 1} has no ${missing.join(', ')}`,
      file,
      line,
      hint: `Every row needs ${names.join(', ')}.`,
    });
  }
}

export function publicationsFromTsv(rows: Record<string, string>[], file: string): ImportedFile[] {
  return rows.map((row, index) => {
    required(row, ['pub_date', 'title', 'url_slug'], file, index + 2);
    const name = `${row.pub_date}-${row.url_slug}`;
    let fm = `title: ${yamlString(row.title)}\ncollection: publications\n`;
    fm += `category: ${row.category ?? 'manuscripts'}\n`;
    fm += `permalink: /publication/${name}\n`;
    if (row.excerpt) fm += `excerpt: ${yamlString(htmlEscape(row.excerpt))}\n`;
    fm += `date: ${row.pub_date}\n`;
    if (row.venue) fm += `venue: ${yamlString(htmlEscape(row.venue))}\n`;
    if (row.slides_url) fm += `slidesurl: ${yamlString(row.slides_url)}\n`;
    if (row.paper_url) fm += `paperurl: ${yamlString(row.paper_url)}\n`;
    if (row.citation) fm += `citation: ${yamlString(htmlEscape(row.citation))}\n`;
    const body = row.excerpt ? `${htmlEscape(row.excerpt)}\n` : '';
    return { path: `_publications/${name}.md`, frontMatter: fm, body };
  });
}

export function talksFromTsv(rows: Record<string, string>[], file: string): ImportedFile[] {
  return rows.map((row, index) => {
    required(row, ['date', 'title', 'url_slug'], file, index + 2);
    const name = `${row.date}-${row.url_slug}`;
    let fm = `title: ${yamlString(row.title)}\ncollection: talks\n`;
    fm += `type: ${yamlString(row.type ?? 'Talk')}\n`;
    fm += `permalink: /talks/${name}\n`;
    if (row.venue) fm += `venue: ${yamlString(row.venue)}\n`;
    fm += `date: ${row.date}\n`;
    if (row.location) fm += `location: ${yamlString(row.location)}\n`;
    let body = '';
    if (row.talk_url) body += `\n[More information here](${row.talk_url})\n`;
    if (row.description) body += `\n${htmlEscape(row.description)}\n`;
    return { path: `_talks/${name}.md`, frontMatter: fm, body };
  });
}

/** Which spreadsheet this is, from its columns. */
export function tsvKind(
  rows: Record<string, string>[],
  header: string,
): 'publications' | 'talks' | undefined {
  if (/\bpub_date\b/.test(header)) return 'publications';
  if (/\btalk_url\b|\blocation\b/.test(header) || rows.some((row) => row.location)) return 'talks';
  return undefined;
}
