/**
 * Ruby's string and regexp semantics where kramdown relies on them: pieces for writing kramdown's
 * regexps as JavaScript regexp sources (used with the `u` flag), where the two languages read the
 * same characters differently, and Ruby's strip:
 * - Ruby's `^` is always a line anchor and sees only "\n" as a line end (JavaScript's `m` flag
 *   also breaks lines at "\r", U+2028 and U+2029);
 * - Ruby's `\s`, `\S`, `\w` and `.` are ASCII-minded (`.` stops only at "\n");
 * - Ruby's `[[:alpha:]]`, `[[:alnum:]]` and `\b` are Unicode-minded.
 */

/** Ruby's `^`: at the start of the text (the scan pointer), or after a "\n" that does not end it. */
export const BOL = '(?:(?<![\\s\\S])|(?<=\\n)(?=[\\s\\S]))';
/** Ruby's `\A`. */
export const TEXT_START = '(?<![\\s\\S])';
/** Ruby's `\Z`: at the end or before a final "\n". */
export const TEXT_END_NL = '(?=\\n?(?![\\s\\S]))';
/** Ruby's `\s`, as a character class body (put it in `[…]`). */
export const SPACE_CHARS = ' \\t\\n\\v\\f\\r';
/** Ruby's `\s`. */
export const S = `[${SPACE_CHARS}]`;
/** Ruby's `\S`. */
export const NS = `[^${SPACE_CHARS}]`;
/** Ruby's `.` without /m. */
export const DOT = '[^\\n]';
/** Ruby's `\w` (ASCII). */
export const W = '[A-Za-z0-9_]';
/** Ruby's `[[:alpha:]]` as a class body. */
export const ALPHA = '\\p{Alphabetic}';
/** Ruby's `[[:alnum:]]` as a class body. */
export const ALNUM = '\\p{Alphabetic}\\p{Nd}';
/** A word character to Ruby's `\b` and `\p{Word}` (Unicode, unlike its `\w`; not ZWJ/ZWNJ). */
export const WORD = '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}]';
/** Ruby's `\b` after a word character: no word character (Unicode) follows. */
export const WORD_END = `(?!${WORD})`;

/** A regexp from a Ruby-like source (Unicode mode; `flags` adds e.g. `s` for Ruby's /m). */
export function rx(source: string, flags = ''): RegExp {
  return new RegExp(source, `u${flags}`);
}

/** Ruby's strip characters: ASCII whitespace and NUL (JavaScript's trim also takes Unicode spaces). */
function isStripped(code: number): boolean {
  return code === 32 || code === 0 || (code >= 9 && code <= 13);
}

/** Ruby's `lstrip`. */
export function lstrip(text: string): string {
  let start = 0;
  while (start < text.length && isStripped(text.charCodeAt(start))) start++;
  return start === 0 ? text : text.slice(start);
}

/** Ruby's `rstrip`. */
export function rstrip(text: string): string {
  let end = text.length;
  while (end > 0 && isStripped(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Ruby's `strip`. */
export function strip(text: string): string {
  return lstrip(rstrip(text));
}

/** Ruby's `split(re)`: like JavaScript's, but trailing empty fields are dropped. */
export function rubySplit(text: string, separator: RegExp): string[] {
  const fields = text.split(separator);
  while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
  return fields;
}

/** Ruby's `downcase`: JavaScript's lower-casing but for a final Σ, which Ruby makes σ, not ς. */
export function downcase(text: string): string {
  if (!text.includes('Σ')) return text.toLowerCase();
  return text.replace(/[^Σ]+|Σ/g, (part) => (part === 'Σ' ? 'σ' : part.toLowerCase()));
}
