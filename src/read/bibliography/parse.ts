/**
 * BibTeX files read with @retorquere/bibtex-parser (the parser of Better BibTeX for Zotero):
 * `@string`s, `crossref`, month macros, nested braces and LaTeX accents and commands become
 * Unicode text. A malformed entry is reported with its file and line, and the others are kept.
 */
import type { Creator } from '@retorquere/bibtex-parser';
import { SiteError } from '../../errors.ts';
import { importPackage } from '../../import-package.ts';
import { xmlEscape } from '../../ruby/text.ts';
import { cleanEntry, type RawEntry, splitEntry } from './clean.ts';

export interface BibEntry {
  key: string;
  /** `article`, `inproceedings`… in lower case. */
  type: string;
  /** Field values as HTML: text escaped, LaTeX emphasis as `<i>`, `<b>`, `<sup>`, `<sub>`. */
  fields: Record<string, string>;
  authors: Creator[];
  editors: Creator[];
  keywords: string[];
  /** The entry as written in the file. */
  source: string;
  /** The entry to download or copy: standing alone, without the site's own fields. */
  bibtex: string;
  /** Line of the `@type{key,` in its file. */
  line: number;
}

export interface BibFile {
  entries: BibEntry[];
  problems: SiteError[];
}

/** Markup the parser writes for LaTeX commands (`\emph`, `\textbf`, `\textsc`, `\url`…). */
const PARSER_TAG =
  /^<(?:\/?(?:i|b|sup|sub|span)|\/a|span (?:class="nocase"|style="font-variant:small-caps;")|a href="https?:\/\/[^"<>]*")>$/;

/** Unicode as a reader expects it: composed, and `{\'\i}` (a dotless i with an accent) an í. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u0131\u0301/g, 'í')
    .replace(/\u0131\u0300/g, 'ì')
    .replace(/\u0131\u0308/g, 'ï');
}

/** A parsed value as safe HTML: the parser's own tags kept, everything else escaped as text. */
function valueHtml(value: string): string {
  return normalizeText(value)
    .split(/(<[^<>]*>)/)
    .map((part) =>
      PARSER_TAG.test(part) ? part.replace('<span class="nocase">', '<span>') : xmlEscape(part),
    )
    .join('');
}

function standalone(
  input: string,
  raw: Map<string, RawEntry | undefined>,
  strings: Record<string, string>,
  crossref: string | undefined,
  inherited: string[] | undefined,
): string {
  const own = splitEntry(input);
  if (!own) return `${input}\n`;
  const parent = crossref ? raw.get(crossref) : undefined;
  return cleanEntry(own, { strings, parent, inherited });
}

let parserModule: typeof import('@retorquere/bibtex-parser') | undefined;

/** The parser takes ~0.2 s to load, so only sites with a bibliography load it, before reading. */
export async function loadBibtexParser(): Promise<void> {
  parserModule ??=
    await importPackage<typeof import('@retorquere/bibtex-parser')>('@retorquere/bibtex-parser');
}

export function bibtexParserLoaded(): boolean {
  return parserModule !== undefined;
}

function bibtexParser(): typeof import('@retorquere/bibtex-parser') {
  if (!parserModule) throw new Error('the BibTeX parser was used before loadBibtexParser()');
  return parserModule;
}

const lineAt = (text: string, index: number) => (index < 0 ? 1 : text.slice(0, index).split('\n').length);

export function parseBibFile(text: string, file: string): BibFile {
  const library = bibtexParser().parse(text, {
    applyCrossRef: true,
    sentenceCase: false,
    english: false,
    unsupported: 'ignore',
  });
  const problems: SiteError[] = [];
  const broken = new Set<string>();
  let searchFrom = 0;
  for (const error of library.errors) {
    const at = error.input ? text.indexOf(error.input.trimEnd()) : -1;
    const key = /^@\w+\s*[{(]\s*([^,\s]+)/.exec(error.input ?? '')?.[1];
    if (key) broken.add(key);
    const line = lineAt(text, at);
    problems.push(
      new SiteError({
        message: `this BibTeX entry${key ? ` (${key})` : ''} is malformed and was skipped: ${error.error.replace(/ at line \d+, column \d+/, '').replace(/\\n|\s+/g, ' ')}`,
        file,
        line,
        source: text,
        hint: 'Check that every { has its }, that fields are separated by commas, and that text values are in braces or quotes.',
      }),
    );
  }
  const raw = new Map(library.entries.map((entry) => [entry.key, splitEntry(entry.input.trim())]));
  const entries: BibEntry[] = [];
  for (const entry of library.entries) {
    if (broken.has(entry.key)) continue;
    const at = text.indexOf(entry.input.trim(), searchFrom);
    if (at >= 0) searchFrom = at;
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(entry.fields)) {
      if (typeof value === 'string') fields[name] = valueHtml(value);
      else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
        fields[name] = valueHtml((value as string[]).join(', '));
      }
    }
    entries.push({
      key: entry.key,
      type: entry.type.toLowerCase(),
      fields,
      authors: entry.fields.author ?? [],
      editors: entry.fields.editor ?? [],
      keywords: (entry.fields.keywords ?? []).map((k) => k.trim()).filter(Boolean),
      source: entry.input.trim(),
      bibtex: standalone(
        entry.input.trim(),
        raw,
        library.strings,
        entry.fields.crossref,
        entry.crossref?.inherited,
      ),
      line: lineAt(text, at),
    });
  }
  return { entries, problems };
}
