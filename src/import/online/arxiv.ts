/**
 * Preprints from arXiv's API (`/query?id_list=…`, an Atom feed; up to 100 ids a request, one
 * request every three seconds as arXiv asks), as arXiv's own BibTeX describes them: `@misc`
 * with `eprint`, `archivePrefix` and `primaryClass`.
 */
import type { ScholarlyClient, Service } from './http.ts';
import {
  authorField,
  definedFields,
  monthMacro,
  normalArxiv,
  normalDoi,
  type PublicationRecord,
} from './record.ts';
import { childrenNamed, childText, parseXml } from './xml.ts';

export async function recordsForArxiv(
  client: ScholarlyClient,
  api: Service,
  ids: string[],
): Promise<{ records: PublicationRecord[]; skipped: { what: string; why: string }[] }> {
  const records: PublicationRecord[] = [];
  const skipped: { what: string; why: string }[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    const batch = ids.slice(i, i + 100);
    const url = `${api.base}/query?id_list=${batch.map(encodeURIComponent).join(',')}&max_results=${batch.length}`;
    const answer = await client.request(api, url, { accept: 'application/atom+xml' });
    const feed = childrenNamed(parseXml(answer.text), 'feed')[0];
    if (answer.status !== 200 || !feed) {
      // arXiv answers a malformed id with 400 and an Atom entry titled "Error".
      const why = feed ? childText(childrenNamed(feed, 'entry')[0] ?? feed, 'summary') : undefined;
      for (const id of batch)
        skipped.push({ what: `arXiv:${id}`, why: why ?? `arXiv answered ${answer.status}` });
      continue;
    }
    const found = new Set<string>();
    for (const entry of childrenNamed(feed, 'entry')) {
      const id = normalArxiv(childText(entry, 'id')?.replace(/^https?:\/\/arxiv\.org\/abs\//, ''));
      const title = childText(entry, 'title');
      if (!id || !title || title === 'Error') continue;
      found.add(id);
      const published = childText(entry, 'published') ?? '';
      records.push({
        type: 'misc',
        from: 'arXiv',
        fields: definedFields({
          title,
          author: authorField(
            childrenNamed(entry, 'author').map((author) => childText(author, 'name') ?? ''),
          ),
          year: /^\d{4}/.exec(published)?.[0],
          month: monthMacro(/^\d{4}-(\d{2})/.exec(published)?.[1]),
          eprint: id,
          archiveprefix: 'arXiv',
          primaryclass: childrenNamed(entry, 'arxiv:primary_category')[0]?.attributes.term,
          doi: normalDoi(childText(entry, 'arxiv:doi')),
          abstract: childText(entry, 'summary'),
        }),
      });
    }
    for (const id of batch)
      if (!found.has(id)) skipped.push({ what: `arXiv:${id}`, why: 'arXiv has no such paper' });
  }
  return { records, skipped };
}
