/**
 * A publication as the services describe it, in BibTeX's terms (`type`, and plain-text fields
 * named as BibTeX names them), and the identities that say two records are one paper: its DOI,
 * its arXiv id, its title.
 */
import { MONTH_MACROS } from '../../read/bibliography/clean.ts';

export interface PublicationRecord {
  /** `article`, `inproceedings`, `misc`… */
  type: string;
  /** Plain text (no BibTeX escapes): `title`, `author` ("Family, Given and …"), `journal`… */
  fields: Record<string, string>;
  /** The service it came from, for the report. */
  from: string;
}

/** `10.1000/ABC` from `https://doi.org/10.1000/abc`, `doi:10.1000/abc`…; lower case, as DOIs compare. */
export function normalDoi(value: string | undefined): string | undefined {
  const doi = value
    ?.trim()
    .replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '')
    .toLowerCase();
  return doi && /^10\.\d{4,}\/\S+$/.test(doi) ? doi : undefined;
}

/** `2405.14132` from `arXiv:2405.14132v2`, `https://arxiv.org/abs/2405.14132`, `10.48550/arXiv.2405.14132`. */
export function normalArxiv(value: string | undefined): string | undefined {
  const text = value
    ?.trim()
    .replace(/^(https?:\/\/(export\.)?arxiv\.org\/(abs|pdf)\/|arxiv:|10\.48550\/arxiv\.)/i, '');
  const id = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?(\.pdf)?$/i.exec(text ?? '');
  return id ? id[1] : undefined;
}

/** A title as two spellings of it compare: letters and digits, lower case, accents off. */
function titleKey(title: string | undefined): string | undefined {
  const key = (title ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return key.length >= 8 ? key : undefined;
}

/** The keys a record (or an entry's fields) is known by: `doi:…`, `arxiv:…`, `title:…`. */
export function identities(fields: Record<string, string | undefined>): string[] {
  const keys: string[] = [];
  const doi = normalDoi(fields.doi);
  const arxiv =
    normalArxiv(fields.eprint) ?? normalArxiv(fields.arxiv) ?? normalArxiv(doi) ?? normalArxiv(fields.url);
  if (doi && !normalArxiv(doi)) keys.push(`doi:${doi}`);
  if (arxiv) keys.push(`arxiv:${arxiv}`);
  const title = titleKey(fields.title);
  if (title) keys.push(`title:${title}`);
  return keys;
}

/** Whether the record is an arXiv preprint only, not a published version of it. */
export const isPreprint = (fields: Record<string, string | undefined>) =>
  Boolean(normalArxiv(fields.eprint) ?? normalArxiv(fields.doi)) && !fields.journal && !fields.booktitle;

/**
 * Records of one paper from several sources (ORCID lists a preprint and its article; a DOI
 * and an arXiv id given together) as one: the published version's fields first, the others
 * filling what it lacks (an arXiv id, an abstract).
 */
export function mergeRecords(records: PublicationRecord[]): PublicationRecord[] {
  const merged: PublicationRecord[] = [];
  const byKey = new Map<string, PublicationRecord>();
  for (const record of records) {
    const keys = identities(record.fields);
    const known = keys.map((key) => byKey.get(key)).find(Boolean);
    if (!known) {
      merged.push(record);
      for (const key of keys) byKey.set(key, record);
      continue;
    }
    const [first, second] =
      isPreprint(known.fields) && !isPreprint(record.fields) ? [record, known] : [known, record];
    const fields = { ...second.fields, ...first.fields };
    // A preprint's `misc` fields do not describe the article.
    if (first !== second && !isPreprint(first.fields)) {
      delete fields.howpublished;
      if (fields.eprint) fields.archiveprefix ??= 'arXiv';
    }
    Object.assign(known, {
      type: first.type,
      fields,
      from: [...new Set([first.from, second.from])].join(' + '),
    });
    for (const key of identities(known.fields)) byKey.set(key, known);
  }
  return merged;
}

/** HTML (as Crossref and ORCID sometimes give titles and abstracts) as plain text. */
export function plainText(html: string | undefined): string | undefined {
  if (html == null) return undefined;
  const text = html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:)])/g, '$1')
    .trim();
  return text || undefined;
}

/** Authors joined as BibTeX writes them. */
export const authorField = (names: string[]) => names.filter(Boolean).join(' and ') || undefined;

/** Record fields without the empty ones. */
export function definedFields(fields: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) if (value?.trim()) out[name] = value.trim();
  return out;
}

/** A month number (1–12) as BibTeX's macro: `3` → `mar`. */
export const monthMacro = (month: number | string | undefined) => MONTH_MACROS[Number(month) - 1];
