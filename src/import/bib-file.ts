/**
 * Imported records written into a `.bib` file the user also edits by hand. Entries the import
 * does not touch keep their text, comments and order; new ones are appended in one stable
 * format with keys as BibTeX users make them (`okafor2019mapping`). Each imported entry has a
 * `% scholarsite import:` line above it with a short hash of every field as the import wrote
 * it, so that a later import tells the user's edits (a field that no longer matches its hash,
 * or was deleted) from its own: it brings its own fields up to date and keeps the user's.
 */
import { createHash } from 'node:crypto';
import { MONTH_MACROS, splitEntry } from '../read/bibliography/clean.ts';
import { bibtexText } from './online/crossref.ts';
import { identities, isPreprint, type PublicationRecord } from './online/record.ts';

const NEW_FILE_HEADER = `% Publications, one BibTeX entry each. An entry under a "% scholarsite import:" line was
% imported by \`scholarsite import orcid|doi|arxiv|dblp\`; a field you edit there is kept at the
% next import (the line remembers what the import wrote). Entries without that line are yours.
`;

const MARK = /^% scholarsite import: ?(.*)$/;
/** The entry type's name in the mark line (no `@`: BibTeX would take it for an entry). */
const ENTRY_TYPE = 'entrytype';

/** The order of fields in a new entry, and how BibTeX users spell their names. */
const FIELD_ORDER = [
  'title',
  'author',
  'journal',
  'booktitle',
  'school',
  'institution',
  'howpublished',
  'year',
  'month',
  'volume',
  'number',
  'pages',
  'publisher',
  'doi',
  'eprint',
  'archiveprefix',
  'primaryclass',
  'url',
  'abstract',
];
const SPELLING: Record<string, string> = { archiveprefix: 'archivePrefix', primaryclass: 'primaryClass' };
/** Fields whose text is taken as it is (no LaTeX escapes). */
const VERBATIM = new Set(['doi', 'url', 'eprint']);
const SKIPPED_TYPES = new Set(['comment', 'string', 'preamble']);

export interface MergeReport {
  added: { key: string; title: string; from: string }[];
  updated: { key: string; fields: string[]; kept: string[] }[];
  unchanged: string[];
  skipped: { key: string; why: string }[];
}

interface LocatedEntry {
  /** Where the entry's text starts, or its mark line when it has one. */
  start: number;
  end: number;
  type: string;
  key: string;
  fields: [string, string][];
  /** Field (and the entry type) → hash of what the import last wrote; undefined: not imported. */
  written?: Map<string, string>;
}

const fingerprint = (raw: string) =>
  createHash('sha256').update(raw.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 6);

/** A text value as a BibTeX value: `{…}` with LaTeX's specials escaped; months as macros. */
export function bibValue(name: string, text: string): string {
  if (name === 'month' && MONTH_MACROS.includes(text)) return text;
  if (VERBATIM.has(name)) return `{${text.replace(/[{}]/g, '')}}`;
  // Math as arXiv writes it in titles (`$k$-means`, `$x_i$`) stays math; specials elsewhere are text.
  let value = text
    .split(/((?<!\\)\$[^$]+(?<!\\)\$)/)
    .map((part, i) => (i % 2 ? part : part.replace(/(?<!\\)([&%$#_])/g, '\\$1')))
    .join('');
  let depth = 0;
  for (const c of value.replace(/\\[{}]/g, '')) {
    depth += c === '{' ? 1 : c === '}' ? -1 : 0;
    if (depth < 0) break;
  }
  if (depth !== 0) value = value.replace(/(?<!\\)[{}]/g, '');
  return `{${value}}`;
}

function formatEntry(type: string, key: string, fields: [string, string][]): string {
  const names = fields.map(([name]) => SPELLING[name] ?? name);
  const width = Math.max(0, ...names.map((name) => name.length));
  const lines = fields.map(([, value], i) => `  ${names[i].padEnd(width)} = ${value}`);
  return `@${type}{${key},\n${lines.join(',\n')}\n}`;
}

function markLine(written: Map<string, string>): string {
  return `% scholarsite import: ${[...written].map(([name, hash]) => `${name}=${hash}`).join(' ')}`;
}

/** Where an entry that starts at `open` (its `{` or `(`) ends: after its closing delimiter. */
function entryEnd(text: string, open: number): number {
  const close = text[open] === '{' ? '}' : ')';
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    else if (c === close && depth === 0) return i + 1;
  }
  return text.length;
}

function locateEntries(text: string): LocatedEntry[] {
  const entries: LocatedEntry[] = [];
  const head = /^[ \t]*@(\w+)[ \t]*([{(])/gm;
  let match: RegExpExecArray | null;
  // biome-ignore lint/suspicious/noAssignInExpressions: the usual regexp loop
  while ((match = head.exec(text))) {
    const open = match.index + match[0].length - 1;
    const end = entryEnd(text, open);
    head.lastIndex = end;
    if (SKIPPED_TYPES.has(match[1].toLowerCase())) continue;
    const raw = splitEntry(text.slice(match.index, end).trim());
    if (!raw) continue;
    let start = match.index;
    let written: Map<string, string> | undefined;
    const lineStart = text.lastIndexOf('\n', match.index - 2) + 1;
    const previous = MARK.exec(text.slice(lineStart, match.index).trimEnd());
    if (previous && match.index > 0) {
      start = lineStart;
      written = new Map(
        previous[1]
          .split(/\s+/)
          .filter(Boolean)
          .map((pair) => pair.split('=', 2) as [string, string]),
      );
    }
    entries.push({ start, end, type: raw.type, key: raw.key, fields: raw.fields, written });
  }
  return entries;
}

/** `okafor2019mapping`: the first author's family name, the year, the title's first word that says something. */
const STOP = new Set(
  'a an the on of in for and to with from towards toward is are via at by do does how what why when'.split(
    ' ',
  ),
);
const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, '');

export function entryKey(record: PublicationRecord, taken: Set<string>): string {
  const first = (record.fields.author ?? '')
    .split(/\s+and\s+/)[0]
    .replace(/[{}]/g, '')
    .trim();
  const family = first.includes(',') ? first.split(',')[0] : (first.split(/\s+/).pop() ?? '');
  const word =
    ascii(record.fields.title ?? '')
      .split(/[\s-]+/)
      .find((w) => w.length > 1 && !STOP.has(w)) ?? '';
  const base = `${ascii(family).replace(/[^a-z]/g, '') || 'anon'}${record.fields.year ?? ''}${word}`;
  let key = base;
  for (let n = 1; taken.has(key.toLowerCase()); n++) key = `${base}${String.fromCharCode(97 + n)}`;
  taken.add(key.toLowerCase());
  return key;
}

/** A record as a BibTeX entry in the stable format. */
export const bibtexEntry = (record: PublicationRecord, key: string) =>
  `${formatEntry(record.type, key, recordValues(record))}\n`;

/** Fields of a record as BibTeX values, in the stable order. */
function recordValues(record: PublicationRecord): [string, string][] {
  const names = Object.keys(record.fields).sort(
    (a, b) => (FIELD_ORDER.indexOf(a) + 1 || 99) - (FIELD_ORDER.indexOf(b) + 1 || 99),
  );
  return names.map((name) => [name, bibValue(name, record.fields[name])]);
}

/** The entry's fields as plain text (for telling which paper it is). */
const plainFields = (entry: LocatedEntry) =>
  Object.fromEntries(entry.fields.map(([name, raw]) => [name, bibtexText(raw)]));

export function mergeIntoBib(
  text: string,
  records: PublicationRecord[],
  file: string,
): { text: string; report: MergeReport } {
  const report: MergeReport = { added: [], updated: [], unchanged: [], skipped: [] };
  const entries = locateEntries(text);
  const byIdentity = new Map<string, LocatedEntry>();
  for (const entry of entries) {
    for (const id of identities(plainFields(entry))) if (!byIdentity.has(id)) byIdentity.set(id, entry);
  }
  const taken = new Set(entries.map((entry) => entry.key.toLowerCase()));
  const edits: { start: number; end: number; text: string }[] = [];
  const appended: string[] = [];
  const seen = new Set<LocatedEntry>();
  for (const record of records) {
    const entry = identities(record.fields)
      .map((id) => byIdentity.get(id))
      .find(Boolean);
    if (!entry) {
      const key = entryKey(record, taken);
      const values = recordValues(record);
      const written = new Map([
        [ENTRY_TYPE, fingerprint(record.type)],
        ...values.map(([n, v]) => [n, fingerprint(v)] as [string, string]),
      ]);
      appended.push(`${markLine(written)}\n${formatEntry(record.type, key, values)}\n`);
      report.added.push({ key, title: record.fields.title ?? key, from: record.from });
      continue;
    }
    if (seen.has(entry)) continue;
    seen.add(entry);
    if (!entry.written) {
      report.skipped.push({ key: entry.key, why: `already in ${file}, written by you` });
      continue;
    }
    const update = updatedEntry(entry, record);
    if (!update) {
      report.unchanged.push(entry.key);
      continue;
    }
    edits.push({ start: entry.start, end: entry.end, text: update.text });
    report.updated.push({ key: entry.key, fields: update.changed, kept: update.kept });
  }
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  if (appended.length) {
    if (!out.trim()) out = NEW_FILE_HEADER;
    out = `${out.replace(/\s*$/, '\n')}\n${appended.join('\n')}`;
  }
  return { text: out, report };
}

/**
 * The entry brought up to date with `record`, keeping what the user changed; undefined when
 * nothing changes. A preprint's record only fills gaps in an entry that has its published version.
 */
function updatedEntry(
  entry: LocatedEntry,
  record: PublicationRecord,
): { text: string; changed: string[]; kept: string[] } | undefined {
  const written = new Map(entry.written);
  const fields = new Map(entry.fields);
  const fillOnly = isPreprint(record.fields) && !isPreprint(plainFields(entry));
  const changed: string[] = [];
  const kept: string[] = [];
  /** Whether the user changed `name` since the import wrote it (or wrote it themselves). */
  const edited = (name: string, current: string | undefined) => {
    const hash = written.get(name);
    if (current === undefined) return hash !== undefined; // deleted by the user
    return hash === undefined || fingerprint(current) !== hash;
  };
  let type = entry.type;
  if (!fillOnly && record.type !== entry.type) {
    if (edited(ENTRY_TYPE, entry.type)) kept.push('type');
    else {
      type = record.type;
      written.set(ENTRY_TYPE, fingerprint(type));
      changed.push('type');
    }
  }
  for (const [name, value] of recordValues(record)) {
    const current = fields.get(name);
    if (current !== undefined && fingerprint(current) === fingerprint(value)) continue;
    if (fillOnly && (current !== undefined || written.has(name))) continue;
    if (edited(name, current)) {
      kept.push(name);
      continue;
    }
    fields.set(name, value);
    written.set(name, fingerprint(value));
    changed.push(name);
  }
  if (!changed.length) return undefined;
  return { text: `${markLine(written)}\n${formatEntry(type, entry.key, [...fields])}`, changed, kept };
}
