/**
 * People in BibTeX entries: their names as a reader sees them, and which of them is the site's
 * owner, whatever the spelling ("Z. Li", "Li, Zexi", "Zéxi Li" are one person).
 */
import type { Creator } from '@retorquere/bibtex-parser';
import { normalizeText } from './parse.ts';

/** "First Last", or an institution's name as written. */
export function displayName(person: Creator): string {
  if (person.name) return normalizeText(person.name);
  return normalizeText(
    [person.firstName, person.prefix, person.lastName, person.suffix ? `, ${person.suffix}` : '']
      .filter(Boolean)
      .join(' ')
      .replace(' , ', ', '),
  );
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s.-]/gu, '')
    .trim();

interface Spelling {
  last: string;
  first: string[];
}

/** "Li, Zexi", "Zexi Li" or "Z. Li" as a family name and given names. */
function spelling(name: string): Spelling {
  const [before, after] = name.includes(',') ? name.split(',', 2) : [undefined, undefined];
  if (before !== undefined)
    return {
      last: fold(before),
      first: fold(after ?? '')
        .split(/[\s.-]+/)
        .filter(Boolean),
    };
  const words = fold(name).split(/\s+/).filter(Boolean);
  return { last: words.pop() ?? '', first: words.flatMap((w) => w.split(/[.-]+/)).filter(Boolean) };
}

/** Given names agree when each is the other or its initial ("Z" and "Zexi"; "Mary Ann" and "M. A."). */
function givenNamesAgree(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const [x, y] = [a[i], b[i]];
    if (x !== y && !(x.length === 1 && y.startsWith(x)) && !(y.length === 1 && x.startsWith(y))) return false;
  }
  return true;
}

/** A test for "is this the site's owner?", from the spellings in `bibliography.me`. */
export function ownerMatcher(spellings: string[]): (person: Creator) => boolean {
  const known = spellings.map(spelling).filter((s) => s.last);
  return (person) => {
    if (person.name && !person.lastName) return false;
    const candidate: Spelling = {
      last: fold([person.prefix, person.lastName].filter(Boolean).join(' ')),
      first: fold(person.firstName ?? '')
        .split(/[\s.-]+/)
        .filter(Boolean),
    };
    const bare = fold(person.lastName ?? '');
    return known.some(
      (s) => (s.last === candidate.last || s.last === bare) && givenNamesAgree(s.first, candidate.first),
    );
  };
}

/** The family name a citation shows ("de la Cruz"), or an institution's name as written. */
export function familyName(person: Creator): string {
  if (person.name) return normalizeText(person.name);
  return normalizeText([person.prefix, person.lastName].filter(Boolean).join(' '));
}
