/**
 * Where blocks begin and end (kramdown's block_boundary.rb, with the lazy-line end from
 * paragraph.rb): shared by the paragraph, quote, code block, list and table rules.
 */

import { HTML_SPAN_ELEMENTS, UNAME } from '../html-parser.ts';
import type { Parser } from '../parser.ts';
import { BOL, DOT, rx, TEXT_END_NL, WORD_END } from '../ruby.ts';
import { BLANK_LINE } from './blank-line.ts';
import { EOB_MARKER } from './eob.ts';
import { IAL_BLOCK_START_SOURCE, OPT_SPACE } from './extensions.ts';

/** kramdown's HTML_SPAN_ELEMENTS plus `script`: tags that do not end a lazy line. */
const LAZY_END_HTML_SPAN_ELEMENTS = [...HTML_SPAN_ELEMENTS, 'script'];
const NOT_SPAN_ELEMENT = `(?!(?:${LAZY_END_HTML_SPAN_ELEMENTS.join('|')})${WORD_END})`;
export const LAZY_END_HTML_START = `<${NOT_SPAN_ELEMENT}${UNAME}`;
export const LAZY_END_HTML_STOP = `<\\/${NOT_SPAN_ELEMENT}${UNAME}[ \\t\\n\\v\\f\\r]*>`;

/** What ends a paragraph, a quote or a lazy line: a blank line, an IAL, `^`, block HTML, the end. */
export const LAZY_END = [
  BLANK_LINE,
  IAL_BLOCK_START_SOURCE,
  EOB_MARKER,
  `${BOL}${OPT_SPACE}${LAZY_END_HTML_STOP}`,
  `${BOL}${OPT_SPACE}${LAZY_END_HTML_START}`,
  TEXT_END_NL,
].join('|');

/**
 * The character after at most three spaces at the start of `text` ('' at the end): a block
 * rule's start, or a block's end, can only match where it is one of a few.
 */
export function firstAfterSpaces(text: string): string {
  let i = 0;
  while (i < 3 && text.charCodeAt(i) === 32) i++;
  return text.charAt(i);
}

/** The characters LAZY_END can find first on a line (after at most three spaces). */
export const LAZY_END_LINE_STARTS = ' \t\n\v\f\r{^<';

/** One line (Ruby's `^.*?\n`). */
export const PARAGRAPH_MATCH = rx(`${BOL}${DOT}*?\\n`);

const BLOCK_BOUNDARY = rx([BLANK_LINE, EOB_MARKER, IAL_BLOCK_START_SOURCE, TEXT_END_NL].join('|'));

/** Whether the pointer is after a block boundary (kramdown's after_block_boundary?). */
export function afterBlockBoundary(p: Parser): boolean {
  const last = p.tree.children[p.tree.children.length - 1];
  return (
    !last ||
    last.type === 'blank' ||
    (last.type === 'eob' && last.value === undefined) ||
    p.blockIal !== undefined
  );
}

/** Whether a block boundary follows the pointer (kramdown's before_block_boundary?). */
export function beforeBlockBoundary(p: Parser): boolean {
  return p.src.check(BLOCK_BOUNDARY) !== null;
}
