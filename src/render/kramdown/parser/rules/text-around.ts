/**
 * What span rules look at beside the scan pointer: the character before it (kramdown reads it
 * from the scanner's pre_match), and whether a character is whitespace to Ruby's `\s`.
 */
import type { Scanner } from '../../scanner.ts';

/** The character (code point) just before `index` in `text`, or undefined at its start. */
export function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const last = text.charCodeAt(index - 1);
  if (last >= 0xdc00 && last <= 0xdfff && index >= 2) {
    const first = text.charCodeAt(index - 2);
    if (first >= 0xd800 && first <= 0xdbff) return text.slice(index - 2, index);
  }
  return text[index - 1];
}

/** Whether `char` is whitespace to Ruby's `\s` (ASCII only, unlike JavaScript's). */
export function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\v' || char === '\f' || char === '\r';
}

/**
 * Whether the text from the pointer on may make a span rule warn or record a footnote reference:
 * only links and footnote markers (`[…]`), HTML (`<…>`) and extensions (`{…}`) do. A rule that
 * knows it will give up may skip parsing that text only when it cannot: kramdown parses it twice
 * (once for the attempt, once as text after it) and its warnings and references come twice too.
 */
export function mayWarnAhead(src: Scanner): boolean {
  return (
    (src.hasAhead('[') && src.hasAhead(']')) ||
    (src.hasAhead('<') && src.hasAhead('>')) ||
    (src.hasAhead('{') && src.hasAhead('}'))
  );
}
