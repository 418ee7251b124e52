/** kramdown's blockquote (parser/kramdown/blockquote.rb): `>` lines and their lazy lines. */
import { BOL, rx } from '../ruby.ts';
import type { Rule } from '../rules.ts';
import { firstAfterSpaces, LAZY_END, LAZY_END_LINE_STARTS, PARAGRAPH_MATCH } from './block-boundary.ts';
import { OPT_SPACE } from './extensions.ts';

export const BLOCKQUOTE_START = `${BOL}${OPT_SPACE}> ?`;
const QUOTE_MARKERS = rx(BLOCKQUOTE_START, 'g');
const LAZY_END_RE = rx(LAZY_END);

export const blockquote: Rule = {
  name: 'blockquote',
  lineStarts: '>',
  start: rx(BLOCKQUOTE_START),
  parse(p) {
    const src = p.src;
    const location = src.currentLineNumber();
    let text = src.scan(PARAGRAPH_MATCH) as string;
    while (!LAZY_END_LINE_STARTS.includes(firstAfterSpaces(src.rest())) || src.check(LAZY_END_RE) === null) {
      text += src.scan(PARAGRAPH_MATCH);
    }
    text = text.replace(QUOTE_MARKERS, '');
    const el = p.newBlockEl('blockquote', undefined, undefined, { location });
    p.tree.children.push(el);
    p.parseBlocks(el, text);
    return true;
  },
};
