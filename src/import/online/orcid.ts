/**
 * A researcher's works from ORCID's public API (v3.0): the list (`/{orcid}/works`, grouped by
 * ORCID into one group per paper), then each paper's fullest record: Crossref's for a DOI,
 * arXiv's for a preprint, else ORCID's own (`/{orcid}/works/{put-code,…}`, up to 100 at once),
 * which has the authors the summaries leave out.
 */
import { SiteError } from '../../errors.ts';
import { recordsForArxiv } from './arxiv.ts';
import { recordForDoi } from './crossref.ts';
import { type ScholarlyClient, type Service, unexpectedAnswer } from './http.ts';
import {
  authorField,
  definedFields,
  monthMacro,
  normalArxiv,
  normalDoi,
  type PublicationRecord,
  plainText,
} from './record.ts';

const TYPES: Record<string, string> = {
  'journal-article': 'article',
  'conference-paper': 'inproceedings',
  book: 'book',
  'book-chapter': 'incollection',
  'dissertation-thesis': 'phdthesis',
  dissertation: 'phdthesis',
  report: 'techreport',
  'working-paper': 'techreport',
  preprint: 'misc',
};

type Value = { value?: string | null } | null | undefined;

interface ExternalId {
  'external-id-type'?: string;
  'external-id-value'?: string;
  'external-id-relationship'?: string;
}

interface WorkSummary {
  'put-code': number;
  'display-index'?: string;
  title?: { title?: Value } | null;
  'external-ids'?: { 'external-id'?: ExternalId[] } | null;
  type?: string;
}

interface Work extends WorkSummary {
  'journal-title'?: Value;
  'short-description'?: string | null;
  'publication-date'?: { year?: Value; month?: Value; day?: Value } | null;
  contributors?: { contributor?: { 'credit-name'?: Value }[] } | null;
  url?: Value;
}

/** `0000-0002-1825-0097` from the iD or its URL; undefined when it is not one. */
export function normalOrcid(value: string): string | undefined {
  const id = /^(?:https?:\/\/(?:www\.)?orcid\.org\/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])\/?$/i.exec(value.trim());
  return id?.[1].toUpperCase();
}

/** The external id of `type` that identifies the work itself. */
function externalId(work: WorkSummary, type: string): string | undefined {
  return work['external-ids']?.['external-id']?.find(
    (id) => id['external-id-type'] === type && (id['external-id-relationship'] ?? 'self') === 'self',
  )?.['external-id-value'];
}

/** ORCID's own record of a work. */
function orcidRecord(work: Work): PublicationRecord {
  const type = TYPES[work.type ?? ''] ?? 'misc';
  const date = work['publication-date'];
  const venue = work['journal-title']?.value ?? undefined;
  const arxiv = normalArxiv(externalId(work, 'arxiv'));
  return {
    type,
    from: 'ORCID',
    fields: definedFields({
      title: plainText(work.title?.title?.value ?? undefined),
      author: authorField(
        (work.contributors?.contributor ?? []).map((person) => person['credit-name']?.value ?? ''),
      ),
      journal: type === 'article' ? venue : undefined,
      booktitle: type === 'inproceedings' || type === 'incollection' ? venue : undefined,
      institution: type === 'techreport' ? venue : undefined,
      howpublished: type === 'misc' ? venue : undefined,
      year: date?.year?.value ?? undefined,
      month: monthMacro(date?.month?.value ?? undefined),
      doi: normalDoi(externalId(work, 'doi')),
      eprint: arxiv,
      archiveprefix: arxiv ? 'arXiv' : undefined,
      url: arxiv || externalId(work, 'doi') ? undefined : (work.url?.value ?? undefined),
      abstract: plainText(work['short-description'] ?? undefined),
    }),
  };
}

export interface OrcidApis {
  orcid: Service;
  crossref: Service;
  doi: Service;
  arxiv: Service;
}

export async function recordsForOrcid(
  client: ScholarlyClient,
  apis: OrcidApis,
  orcid: string,
): Promise<{ records: PublicationRecord[]; skipped: { what: string; why: string }[] }> {
  const list = await client.request(apis.orcid, `${apis.orcid.base}/${orcid}/works`, {
    accept: 'application/json',
  });
  if (list.status === 404) {
    throw new SiteError({
      message: `ORCID has no public record ${orcid}`,
      file: orcid,
      hint: 'Check the iD on your ORCID page (https://orcid.org/…), and that its works are public.',
    });
  }
  if (list.status !== 200) throw unexpectedAnswer(apis.orcid, `${apis.orcid.base}/${orcid}/works`, list);
  const groups = (JSON.parse(list.text) as { group?: { 'work-summary'?: WorkSummary[] }[] }).group ?? [];
  const records: PublicationRecord[] = [];
  const skipped: { what: string; why: string }[] = [];
  const ownRecords: WorkSummary[] = [];
  const preprints: string[] = [];
  for (const group of groups) {
    // The version the researcher prefers has the highest display index.
    const summary = [...(group['work-summary'] ?? [])].sort(
      (a, b) => Number(b['display-index'] ?? 0) - Number(a['display-index'] ?? 0),
    )[0];
    if (!summary) continue;
    const doi = normalDoi(externalId(summary, 'doi'));
    const arxiv = normalArxiv(externalId(summary, 'arxiv')) ?? normalArxiv(doi);
    if (doi && !normalArxiv(doi)) {
      const record = await recordForDoi(client, apis, doi);
      if (record) {
        if (arxiv) Object.assign(record.fields, { eprint: arxiv, archiveprefix: 'arXiv' });
        records.push(record);
        continue;
      }
    } else if (arxiv) {
      preprints.push(arxiv);
      continue;
    }
    ownRecords.push(summary);
  }
  if (preprints.length) {
    const found = await recordsForArxiv(client, apis.arxiv, preprints);
    records.push(...found.records);
    skipped.push(...found.skipped);
  }
  for (let i = 0; i < ownRecords.length; i += 100) {
    const codes = ownRecords.slice(i, i + 100).map((work) => work['put-code']);
    const bulk = await client.request(apis.orcid, `${apis.orcid.base}/${orcid}/works/${codes.join(',')}`, {
      accept: 'application/json',
    });
    if (bulk.status !== 200)
      throw unexpectedAnswer(apis.orcid, `${apis.orcid.base}/${orcid}/works/${codes}`, bulk);
    const items = (
      JSON.parse(bulk.text) as { bulk?: { work?: Work; error?: { 'developer-message'?: string } }[] }
    ).bulk;
    for (const item of items ?? []) {
      if (item.work?.title?.title?.value) records.push(orcidRecord(item.work));
      else
        skipped.push({ what: `an ORCID work`, why: item.error?.['developer-message'] ?? 'it has no title' });
    }
  }
  return { records, skipped };
}
