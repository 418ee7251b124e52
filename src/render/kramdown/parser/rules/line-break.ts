/** A hard line break: two spaces or two backslashes at the end of a line (kramdown's line_break). */
import { Element } from '../../element.ts';
import type { Rule } from '../rules.ts';

const LINE_BREAK = /( {2}|\\\\)(?=\n)/u;

export const lineBreak: Rule = {
  name: 'line_break',
  start: LINE_BREAK,
  // kramdown's span start finds one backslash, its rule needs two.
  spanStart: '( {2}|\\\\)(?=\\n)',
  startChars: ' \\',
  parse(p) {
    p.tree.children.push(new Element('br', undefined, undefined, { location: p.src.currentLineNumber() }));
    p.src.scan(LINE_BREAK);
    return true;
  },
};
