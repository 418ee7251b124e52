/**
 * A title written as a heading (`title: "<h1>Awards</h1>"`) was put on the page as it is by an
 * old layout of the site's own; the theme puts every title in a heading of its own (and in lists,
 * in a link), where a heading may not go. `migrate` keeps what is inside the heading, and says so.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { splitFrontMatter } from '../read/front-matter.ts';
import type { CarryStep } from './carry-over.ts';
import { isContentPage } from './open-comments.ts';

/** `title: "<h1 class="x">Awards</h1>"`, quoted or not: the heading's content in group 4. */
const HEADING_TITLE = /^(title\s*:\s*)(["']?)\s*<h([1-6])(?:\s[^>]*)?>([^\n]*?)<\/h\3>[ \t]*\2[ \t]*$/m;

export function unwrapHeadingTitles(target: string, copied: string[]): CarryStep[] {
  const steps: CarryStep[] = [];
  for (const file of copied) {
    if (!isContentPage(file)) continue;
    const absolute = path.join(target, file);
    const text = readFileSync(absolute, 'utf8');
    // The YAML starts the file, so an index in it is an index in the file.
    const match = HEADING_TITLE.exec(splitFrontMatter(text)?.yaml ?? '');
    if (!match) continue;
    const title = JSON.stringify(unquoted(match[4].trim(), match[2]));
    const line = `${match[1]}${title}`;
    writeFileSync(absolute, text.slice(0, match.index) + line + text.slice(match.index + match[0].length));
    steps.push({
      action: 'mapped',
      what: `${file}: title: ${match[0].slice(match[1].length)}`,
      why: `the old layout wrote the title as it is; the theme puts it in a heading of its own, so the title is now ${title}`,
    });
  }
  return steps;
}

/** The text as YAML read it inside its quotes (`''` is one `'` in single quotes, `\"` one `"` in double). */
function unquoted(text: string, quote: string): string {
  if (quote === "'") return text.replace(/''/g, "'");
  if (quote === '"') return text.replace(/\\(["\\])/g, '$1');
  return text;
}
