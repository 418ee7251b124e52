/** Records from where researchers keep them: ORCID, DOIs (Crossref, doi.org), arXiv, DBLP. */
import type { Config } from '../../config/index.ts';
import { SiteError } from '../../errors.ts';
import { recordsForArxiv } from './arxiv.ts';
import { recordForDoi } from './crossref.ts';
import { normalDblpPid, recordsForDblp } from './dblp.ts';
import { type ScholarlyClient, services } from './http.ts';
import { normalOrcid, recordsForOrcid } from './orcid.ts';
import { mergeRecords, normalArxiv, normalDoi, type PublicationRecord } from './record.ts';

export { ScholarlyClient, type Service, services, unexpectedAnswer } from './http.ts';
export { identities, normalArxiv, normalDoi, type PublicationRecord } from './record.ts';

export const ONLINE_KINDS = ['orcid', 'doi', 'arxiv', 'dblp'] as const;
export type OnlineKind = (typeof ONLINE_KINDS)[number];

export interface FetchedRecords {
  records: PublicationRecord[];
  skipped: { what: string; why: string }[];
}

const invalid = (kind: string, value: string, hint: string) =>
  new SiteError({ message: `'${value}' is not ${kind}`, file: value, hint });

export async function fetchRecords(
  kind: OnlineKind,
  inputs: string[],
  client: ScholarlyClient,
  apis = services(),
): Promise<FetchedRecords> {
  const records: PublicationRecord[] = [];
  const skipped: FetchedRecords['skipped'] = [];
  if (kind === 'orcid') {
    for (const input of inputs) {
      const orcid = normalOrcid(input);
      if (!orcid) throw invalid('an ORCID iD', input, 'An ORCID iD looks like 0000-0002-1825-0097.');
      const found = await recordsForOrcid(client, apis, orcid);
      records.push(...found.records);
      skipped.push(...found.skipped);
    }
  } else if (kind === 'dblp') {
    for (const input of inputs) {
      const pid = normalDblpPid(input);
      if (!pid)
        throw invalid(
          'a DBLP person id',
          input,
          'It is in your DBLP page address: https://dblp.org/pid/12/3456.html → 12/3456.',
        );
      records.push(...(await recordsForDblp(client, apis.dblp, pid)));
    }
  } else {
    // DOIs and arXiv ids may be mixed: an arXiv DOI (10.48550/arXiv.…) is read from arXiv.
    const dois: string[] = [];
    const preprints: string[] = [];
    for (const input of inputs) {
      const arxiv = normalArxiv(input);
      const doi = normalDoi(input);
      if (arxiv) preprints.push(arxiv);
      else if (doi && kind === 'doi') dois.push(doi);
      else if (kind === 'doi')
        throw invalid('a DOI', input, 'A DOI looks like 10.1234/abc.5678 (https://doi.org/… is fine too).');
      else
        throw invalid(
          'an arXiv id',
          input,
          'An arXiv id looks like 2405.14132 or hep-th/9901001 (arXiv:… and its abs/ address are fine too).',
        );
    }
    if (preprints.length) {
      const found = await recordsForArxiv(client, apis.arxiv, preprints);
      records.push(...found.records);
      skipped.push(...found.skipped);
      // A preprint published since: its article's record joins it.
      for (const record of found.records) {
        const published = normalDoi(record.fields.doi);
        if (published && !dois.includes(published)) dois.push(published);
      }
    }
    for (const doi of dois) {
      const record = await recordForDoi(client, apis, doi);
      if (record) records.push(record);
      else skipped.push({ what: `doi:${doi}`, why: 'neither Crossref nor doi.org knows this DOI' });
    }
  }
  return { records: mergeRecords(records), skipped };
}

/** The contact e-mail the services ask for: `scholar.mailto`, else SCHOLARSITE_MAILTO. */
export function contactEmail(config: Config): string | undefined {
  const scholar = config.scholar as Config | undefined;
  const mailto = scholar?.mailto ?? process.env.SCHOLARSITE_MAILTO;
  return typeof mailto === 'string' && mailto.includes('@') ? mailto : undefined;
}
