/**
 * Backslash escapes (kramdown's escaped_chars, with GFM's set, which adds `~`): the character
 * after the backslash is text.
 */
import type { Rule } from '../rules.ts';

/** kramdown's own set (ESCAPED_CHARS), which link texts are unescaped with. */
export const ESCAPED_CHARS = /\\([\\.*_+`<>()[\]{}#!:|"'$=-])/gu;
const ESCAPED_CHARS_GFM = /\\([\\.*_+`<>()[\]{}#!:|"'$=\-~])/u;
const ESCAPED_CHARS_ONE = new RegExp(ESCAPED_CHARS.source, 'u');

/** kramdown's own rule (input: kramdown), with its set. */
export const escapedChars: Rule = {
  name: 'escaped_chars',
  start: ESCAPED_CHARS_ONE,
  spanStart: '\\\\',
  parse(p) {
    p.src.scan(ESCAPED_CHARS_ONE);
    p.addText(p.src.group(1) as string);
    return true;
  },
};

export const escapedCharsGfm: Rule = {
  name: 'escaped_chars_gfm',
  start: ESCAPED_CHARS_GFM,
  spanStart: '\\\\',
  parse(p) {
    p.src.scan(ESCAPED_CHARS_GFM);
    p.addText(p.src.group(1) as string);
    return true;
  },
};
