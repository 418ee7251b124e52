/** kramdown's blank lines (parser/kramdown/blank_line.rb): one `blank` element per run. */
import { BOL, rx } from '../ruby.ts';
import type { Rule } from '../rules.ts';

// Ruby's `(?>^\s*\n)+`: whitespace-only lines. Written line by line so that no run of blank
// lines can be split in more than one way (JavaScript has no atomic groups).
export const BLANK_LINE = `(?:${BOL}[ \\t\\v\\f\\r]*\\n)+`;

export const blankLine: Rule = {
  name: 'blank_line',
  lineStarts: ' \t\n\v\f\r',
  start: rx(BLANK_LINE),
  parse(p) {
    const matched = p.src.matched;
    p.src.setPos(p.src.pos + matched.length);
    const last = p.tree.children[p.tree.children.length - 1];
    if (last?.type === 'blank') last.value = last.text + matched;
    else p.tree.children.push(p.newBlockEl('blank', matched));
    return true;
  },
};
