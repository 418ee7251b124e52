/**
 * kramdown's paragraph (parser/kramdown/paragraph.rb): lines up to the paragraph end. With GFM's
 * paragraph_end quirk (kramdown-parser-gfm's PARAGRAPH_END_GFM) a list, an ATX header, a quote or
 * a fence also ends it, as on GitHub.
 */
import type { KramdownOptions } from '../../options.ts';
import { BOL, DOT, lstrip, rstrip, rx } from '../ruby.ts';
import type { Rule } from '../rules.ts';
import { firstAfterSpaces, LAZY_END, LAZY_END_LINE_STARTS, PARAGRAPH_MATCH } from './block-boundary.ts';
import { BLOCKQUOTE_START } from './blockquote.ts';
import { FENCED_CODEBLOCK_START_GFM } from './codeblock.ts';
import { OPT_SPACE } from './extensions.ts';
import { ATX_HEADER_START_GFM } from './header.ts';
import { DEFINITION_LIST_START, LIST_START } from './list.ts';

const PARAGRAPH_END = rx(`${LAZY_END}|${DEFINITION_LIST_START}`);
const PARAGRAPH_END_GFM = rx(
  [
    LAZY_END,
    LIST_START,
    ATX_HEADER_START_GFM,
    DEFINITION_LIST_START,
    BLOCKQUOTE_START,
    FENCED_CODEBLOCK_START_GFM,
  ]
    .map((source) => `(?:${source})`)
    .join('|'),
);

/** Where a paragraph ends: kramdown's end, or GFM's under its paragraph_end quirk (kramdown-parser-gfm's paragraph_end). */
export function paragraphEndFor(options: KramdownOptions, gfm: boolean): RegExp {
  return gfm && options.gfm_quirks.includes('paragraph_end') ? PARAGRAPH_END_GFM : PARAGRAPH_END;
}

/**
 * The characters any paragraph end (GFM's or kramdown's) can find first on a line after at most
 * three spaces: a line starting otherwise goes on the paragraph without trying the regexp.
 */
const END_LINE_STARTS = `${LAZY_END_LINE_STARTS}+*-0123456789#:>\`~`;

export const paragraph: Rule = {
  name: 'paragraph',
  start: rx(`${BOL}${OPT_SPACE}[^ \\t]${DOT}*?\\n`),
  parse(p) {
    const src = p.src;
    const pos = src.pos;
    const location = src.currentLineNumber();
    let text = src.scan(PARAGRAPH_MATCH) as string;
    // ('' is in every string: the end of the text always tries the regexp.)
    while (!END_LINE_STARTS.includes(firstAfterSpaces(src.rest())) || src.check(p.paragraphEnd) === null) {
      text += src.scan(PARAGRAPH_MATCH);
    }
    text = rstrip(text);
    const last = p.tree.children[p.tree.children.length - 1];
    if (last?.type === 'p') {
      // A rule declined the line that ended the paragraph: the paragraph goes on.
      const lastInParagraph = last.children[last.children.length - 1];
      if (lastInParagraph && lastInParagraph.type === p.textType) {
        const joiner = src.string.slice(Math.max(0, pos - 3), pos) === '  \n' ? '  \n' : '\n';
        lastInParagraph.value = lastInParagraph.text + joiner + text;
      } else {
        p.addText(text, last);
      }
    } else {
      const el = p.newBlockEl('p', undefined, undefined, { location });
      p.tree.children.push(el);
      p.addText(lstrip(text), el);
    }
    return true;
  },
};
