/**
 * Publication pages Google Scholar could not index: its inclusion guidelines ask for a title,
 * at least one author and the date of publication in `citation_*` meta tags, and find a paper by
 * its full text (`citation_pdf_url`). A page of the `publications` collection, or any page that
 * carries such tags, is a publication page.
 */
import type { Finding } from './problem.ts';
import type { BuiltPage } from './site.ts';

/** What each required tag is, in the words of the front matter that gives it. */
const REQUIRED: [tag: string, what: string, source: string][] = [
  ['citation_title', 'no title', '`title:`'],
  ['citation_author', 'no author', '`authors:` (or a `citation:` that starts with them; `author` in BibTeX)'],
  ['citation_publication_date', 'no date', '`date:` (`year` in BibTeX)'],
];

export function checkScholar(page: BuiltPage): Finding[] {
  const meta = page.parsed.elements.filter(
    (e) => e.name === 'meta' && e.attributes.name?.startsWith('citation_') && e.attributes.content?.trim(),
  );
  // Without tags, only a whole page of the publications collection is a publication page.
  if (meta.length === 0 && (page.collection !== 'publications' || !page.parsed.isDocument)) return [];
  const has = (tag: string) => meta.some((e) => e.attributes.name === tag);
  const outputLine = meta[0]?.line ?? page.parsed.elements.find((e) => e.name === 'head')?.line;
  if (meta.length === 0) {
    return [
      {
        severity: 'warning',
        rule: 'scholar-unindexable',
        message: 'Google Scholar cannot index this publication page: it has no citation_* meta tags',
        hint: 'Add `scholar_meta: true` to _config.yml: scholarsite then writes the tags from the front matter (`title`, `date`, `venue`, `paperurl`, `authors` or `citation`).',
        outputLine,
      },
    ];
  }
  const findings: Finding[] = [];
  const missing = REQUIRED.filter(([tag]) => !has(tag));
  if (missing.length) {
    findings.push({
      severity: 'warning',
      rule: 'scholar-unindexable',
      message: `Google Scholar cannot index this publication page: it has ${missing.map(([tag, what]) => `${what} (${tag})`).join(', ')}`,
      hint: `Give the page ${missing.map(([, , source]) => source).join(', ')} in its front matter.`,
      outputLine,
    });
  }
  if (!has('citation_pdf_url')) {
    findings.push({
      severity: 'warning',
      rule: 'scholar-no-pdf',
      message:
        'this publication page links no PDF (citation_pdf_url), which Google Scholar reads the paper from',
      hint: "Give the page `paperurl:` with the PDF's address (`pdf = {…}` in BibTeX), for example /files/paper.pdf.",
      outputLine,
      needles: ['paperurl:'],
    });
  }
  return findings;
}
