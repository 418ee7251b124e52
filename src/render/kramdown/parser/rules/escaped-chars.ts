/**
 * Backslash escapes (kramdown's escaped_chars; GFM's set adds `~`): the character after the
 * backslash is text.
 */
import type { Rule } from '../rules.ts';

/** kramdown's own set (ESCAPED_CHARS), which link texts are unescaped with. */
export const ESCAPED_CHARS = /\\([\\.*_+`<>()[\]{}#!:|"'$=-])/gu;
const ESCAPED_CHARS_GFM = /\\([\\.*_+`<>()[\]{}#!:|"'$=\-~])/u;

function escapes(name: string, set: RegExp): Rule {
  return {
    name,
    start: set,
    spanStart: '\\\\',
    startChars: '\\',
    parse(p) {
      p.src.scan(set);
      p.addText(p.src.group(1) as string);
      return true;
    },
  };
}

/** kramdown's own rule (input: kramdown). */
export const escapedChars = escapes('escaped_chars', new RegExp(ESCAPED_CHARS.source, 'u'));
export const escapedCharsGfm = escapes('escaped_chars_gfm', ESCAPED_CHARS_GFM);
