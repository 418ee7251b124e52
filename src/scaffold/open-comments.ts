/**
 * An HTML comment a page opens and never closes (`<!--` to hide the rest of a CV) hides the
 * rest of the page: on academicpages up to the first `-->` its layout happens to have, on the
 * theme up to the end, footer and scripts included. `migrate` closes it at the end of the file,
 * which is what the owner meant, and says so.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CarryStep } from './carry-over.ts';

const PAGE = /\.(md|markdown|mkd|mkdn|html?)$/i;

/** A page of the site's content, by its name: not a layout, an include or a workflow's file. */
export function isContentPage(file: string): boolean {
  return PAGE.test(file) && !/^(_includes|_layouts|\.github)\//.test(file);
}

export function closeOpenComments(target: string, copied: string[]): CarryStep[] {
  const steps: CarryStep[] = [];
  for (const file of copied) {
    if (!isContentPage(file)) continue;
    const absolute = path.join(target, file);
    const text = readFileSync(absolute, 'utf8');
    const open = unclosedComment(text);
    if (open < 0) continue;
    writeFileSync(absolute, `${text.replace(/\s*$/, '')}\n-->\n`);
    steps.push({
      action: 'mapped',
      what: `${file}:${text.slice(0, open).split('\n').length}`,
      why: 'an HTML comment opened here was never closed, hiding the rest of the page (on the theme, its footer too): closed at the end of the file',
    });
  }
  return steps;
}

/** Where the last `<!--` outside code starts, when no `-->` follows it; else -1. */
function unclosedComment(text: string): number {
  const blank = (code: string) => ' '.repeat(code.length);
  const outsideFences = text
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/`[^`\n]*`/g, blank);
  const open = outsideFences.lastIndexOf('<!--');
  if (open < 0 || outsideFences.indexOf('-->', open + 4) >= 0) return -1;
  return open;
}
