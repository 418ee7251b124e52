/**
 * A person's publications from DBLP (`/pid/{pid}.xml`: the person's record and one `<r>` per
 * publication, in dblp.xml's element names). Names lose DBLP's homonym numbers ("Mira Okafor
 * 0001"), titles their closing full stop; CoRR's copies of arXiv preprints become preprints.
 */
import { SiteError } from '../../errors.ts';
import { type ScholarlyClient, type Service, unexpectedAnswer } from './http.ts';
import { authorField, definedFields, normalArxiv, normalDoi, type PublicationRecord } from './record.ts';
import { childrenNamed, childText, parseXml, type XmlElement } from './xml.ts';

const TYPES: Record<string, string> = {
  article: 'article',
  inproceedings: 'inproceedings',
  incollection: 'incollection',
  book: 'book',
  phdthesis: 'phdthesis',
  mastersthesis: 'mastersthesis',
};

/** `12/3456` from the PID or a dblp.org person URL. */
export function normalDblpPid(value: string): string | undefined {
  const pid = value
    .trim()
    .replace(/^https?:\/\/(www\.)?dblp\.(org|uni-trier\.de)\/pid\//, '')
    .replace(/\.(html|xml|bib)$/, '');
  return /^[\w-]+\/[\w-]+$/.test(pid) ? pid : undefined;
}

function dblpRecord(element: XmlElement): PublicationRecord | undefined {
  const type = TYPES[element.name];
  const title = childText(element, 'title')?.replace(/\.$/, '');
  if (!type || !title) return undefined;
  const links = childrenNamed(element, 'ee').map((ee) => ee.text.trim());
  const doi = links.map(normalDoi).find(Boolean);
  const arxiv = links.map(normalArxiv).find(Boolean);
  const informal = element.attributes.publtype === 'informal' && childText(element, 'journal') === 'CoRR';
  const fields = {
    title,
    author: authorField(childrenNamed(element, 'author').map((a) => a.text.trim().replace(/\s+\d{4}$/, ''))),
    journal: informal ? undefined : childText(element, 'journal'),
    booktitle: childText(element, 'booktitle'),
    school: childText(element, 'school'),
    year: childText(element, 'year'),
    volume: informal ? undefined : childText(element, 'volume'),
    number: childText(element, 'number'),
    pages: childText(element, 'pages')?.replace(/(\d)-(\d)/, '$1--$2'),
    publisher: childText(element, 'publisher'),
    doi: doi && !normalArxiv(doi) ? doi : undefined,
    eprint: arxiv,
    archiveprefix: arxiv ? 'arXiv' : undefined,
    url: doi || arxiv ? undefined : links[0],
  };
  return { type: informal ? 'misc' : type, from: 'DBLP', fields: definedFields(fields) };
}

export async function recordsForDblp(
  client: ScholarlyClient,
  api: Service,
  pid: string,
): Promise<PublicationRecord[]> {
  const answer = await client.request(api, `${api.base}/pid/${pid}.xml`, { accept: 'application/xml' });
  if (answer.status === 404) {
    throw new SiteError({
      message: `DBLP has no person ${pid}`,
      file: pid,
      hint: 'The PID is in the address of your DBLP page: https://dblp.org/pid/12/3456.html → 12/3456.',
    });
  }
  const person = childrenNamed(parseXml(answer.text), 'dblpperson')[0];
  if (answer.status !== 200 || !person) throw unexpectedAnswer(api, `${api.base}/pid/${pid}.xml`, answer);
  return childrenNamed(person, 'r').flatMap((r) => r.children.map(dblpRecord).filter((x) => x !== undefined));
}
