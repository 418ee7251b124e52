/**
 * A DOI's record: from Crossref's REST API (`/works/{doi}`, JSON), or, for a DOI Crossref does
 * not hold (DataCite's, mEDRA's…), from doi.org by content negotiation (`Accept:
 * application/x-bibtex`), which every registration agency answers.
 */
import { splitEntry } from '../../read/bibliography/clean.ts';
import type { ScholarlyClient, Service } from './http.ts';
import {
  authorField,
  definedFields,
  monthMacro,
  normalArxiv,
  type PublicationRecord,
  plainText,
} from './record.ts';

/** Crossref's work types as BibTeX's. */
const TYPES: Record<string, string> = {
  'journal-article': 'article',
  'proceedings-article': 'inproceedings',
  'book-chapter': 'incollection',
  'book-section': 'incollection',
  'book-part': 'incollection',
  book: 'book',
  monograph: 'book',
  'edited-book': 'book',
  'reference-book': 'book',
  dissertation: 'phdthesis',
  report: 'techreport',
  'posted-content': 'misc',
  dataset: 'misc',
};

interface CrossrefWork {
  DOI: string;
  type?: string;
  title?: string[];
  subtitle?: string[];
  author?: { given?: string; family?: string; name?: string }[];
  'container-title'?: string[];
  volume?: string;
  issue?: string;
  page?: string;
  'article-number'?: string;
  publisher?: string;
  abstract?: string;
  issued?: { 'date-parts'?: (number | null)[][] };
  published?: { 'date-parts'?: (number | null)[][] };
  institution?: { name?: string }[];
}

/** Crossref's `message` as a record. */
function crossrefRecord(work: CrossrefWork): PublicationRecord {
  const type = TYPES[work.type ?? ''] ?? 'misc';
  const [year, month] = (work.published ?? work.issued)?.['date-parts']?.[0] ?? [];
  const title = [work.title?.[0], work.subtitle?.[0]].filter(Boolean).join(': ');
  const container = plainText(work['container-title']?.[0]);
  return {
    type,
    from: 'Crossref',
    fields: definedFields({
      title: plainText(title),
      author: authorField(
        (work.author ?? []).map((person) =>
          person.family ? [person.family, person.given].filter(Boolean).join(', ') : `{${person.name ?? ''}}`,
        ),
      ),
      journal: type === 'article' ? container : undefined,
      booktitle: type === 'inproceedings' || type === 'incollection' ? container : undefined,
      school: type === 'phdthesis' ? work.institution?.[0]?.name : undefined,
      year: year ? String(year) : undefined,
      month: monthMacro(month ?? undefined),
      volume: work.volume,
      number: work.issue,
      pages: (work.page ?? work['article-number'])?.replace(/-/g, '--'),
      publisher: work.publisher,
      doi: work.DOI.toLowerCase(),
      abstract: plainText(work.abstract),
    }),
  };
}

/** A DOI in a URL's path: its `/` kept, as the services write it. */
const doiPath = (doi: string) => doi.split('/').map(encodeURIComponent).join('/');

/** The record of `doi` from Crossref, else doi.org; undefined when neither knows it. */
export async function recordForDoi(
  client: ScholarlyClient,
  apis: { crossref: Service; doi: Service },
  doi: string,
): Promise<PublicationRecord | undefined> {
  const mailto = client.mailto ? `?mailto=${encodeURIComponent(client.mailto)}` : '';
  const answer = await client.request(apis.crossref, `${apis.crossref.base}/works/${doiPath(doi)}${mailto}`, {
    accept: 'application/json',
  });
  if (answer.status === 200) {
    return crossrefRecord((JSON.parse(answer.text) as { message: CrossrefWork }).message);
  }
  // Not Crossref's DOI (404), or refused: doi.org asks the DOI's own registration agency.
  const bibtex = await client.request(apis.doi, `${apis.doi.base}/${doiPath(doi)}`, {
    accept: 'application/x-bibtex',
  });
  if (bibtex.status !== 200 || !bibtex.text.trim().startsWith('@')) return undefined;
  return bibtexRecord(bibtex.text.trim(), doi);
}

/** An entry as doi.org writes it (one line, Unicode, braces) as a record. */
function bibtexRecord(text: string, doi: string): PublicationRecord | undefined {
  const entry = splitEntry(text);
  if (!entry) return undefined;
  const fields: Record<string, string> = {};
  for (const [name, raw] of entry.fields) {
    const value = bibtexText(raw);
    if (value && !['url', 'copyright', 'keywords', 'issn', 'isbn'].includes(name)) fields[name] = value;
  }
  if (/^\d+$/.test(fields.month ?? '')) fields.month = monthMacro(fields.month) ?? fields.month;
  fields.doi = doi;
  const arxiv = normalArxiv(doi);
  if (arxiv) {
    fields.eprint = arxiv;
    fields.archiveprefix = 'arXiv';
    delete fields.doi;
  }
  return { type: entry.type, fields: definedFields(fields), from: 'doi.org' };
}

/** A BibTeX value as text: braces and quotes off, `\&` and the like undone. */
export function bibtexText(raw: string): string {
  return raw
    .replace(/^\s*[{"]|[}"]\s*$/g, '')
    .replace(/\\([&%$#_{}])/g, '$1')
    .replace(/(?<!\\)[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
