/**
 * Code spans (kramdown's codespan): a run of backticks up to the next run of as many. A single
 * backtick between spaces is text; a longer delimiter drops one space inside each end.
 */
import { Element } from '../../element.ts';
import type { Rule } from '../rules.ts';
import { charBefore, isSpace } from './text-around.ts';

const CODESPAN_DELIMITER = /`+/u;
const SPACE_AT = /[ \t\n\v\f\r]/u;
/** The closing delimiter of each length, made once. */
const closers = new Map<number, RegExp>();

function closerOf(length: number): RegExp {
  let closer = closers.get(length);
  if (!closer) {
    closer = new RegExp('`'.repeat(length), 'u');
    closers.set(length, closer);
  }
  return closer;
}

export const codespan: Rule = {
  name: 'codespan',
  start: CODESPAN_DELIMITER,
  spanStart: '`',
  startChars: '`',
  parse(p) {
    const location = p.src.currentLineNumber();
    const delimiter = p.src.scan(CODESPAN_DELIMITER) as string;
    const simple = delimiter.length === 1;
    const saved = p.src.savePos();
    const start = p.src.pos - delimiter.length;
    if (
      simple &&
      (start === 0 || isSpace(charBefore(p.src.string, start))) &&
      p.src.check(SPACE_AT) !== null
    ) {
      p.addText(delimiter);
      return true;
    }
    const found = p.src.scanUntil(closerOf(delimiter.length));
    if (found === null) {
      p.src.revertPos(saved);
      p.addText(delimiter);
      return true;
    }
    let text = found.slice(0, -delimiter.length);
    if (!simple) {
      if (text.startsWith(' ')) text = text.slice(1);
      if (text.endsWith(' ')) text = text.slice(0, -1);
    }
    p.tree.children.push(
      new Element('codespan', text, undefined, { codespan_delimiter: delimiter, location }),
    );
    return true;
  },
};
