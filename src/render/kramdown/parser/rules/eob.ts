/** kramdown's end-of-block marker `^` (parser/kramdown/eob.rb). */
import { BOL, rx, S } from '../ruby.ts';
import type { Rule } from '../rules.ts';

export const EOB_MARKER = `${BOL}\\^${S}*?\\n`;

export const eobMarker: Rule = {
  name: 'eob_marker',
  lineStarts: '^',
  start: rx(EOB_MARKER),
  parse(p) {
    p.src.setPos(p.src.pos + p.src.matched.length);
    p.tree.children.push(p.newBlockEl('eob'));
    return true;
  },
};
