/**
 * kramdown's code blocks (parser/kramdown/codeblock.rb): indented blocks, and fenced blocks:
 * kramdown's (~~~ at the line start) or GFM's (``` or ~~~ after up to three spaces,
 * kramdown-parser-gfm's FENCED_CODEBLOCK_MATCH).
 */

import type { Parser } from '../parser.ts';
import { BOL, DOT, NS, rx, S, strip } from '../ruby.ts';
import type { Rule } from '../rules.ts';
import { BLANK_LINE } from './blank-line.ts';
import { LAZY_END_HTML_START, LAZY_END_HTML_STOP } from './block-boundary.ts';
import { EOB_MARKER } from './eob.ts';
import { IAL_BLOCK_START_SOURCE, OPT_SPACE } from './extensions.ts';

export const INDENT = `${BOL}(?:\\t| {4})`;
const INDENTS = rx(INDENT, 'g');
/**
 * Indented lines, then any non-blank lines (joined to the code) up to a blank line followed by
 * a line that is not indented, an IAL, `^` or block HTML. The IAL's own group makes a capture:
 * rules that embed this count it.
 */
export const CODEBLOCK_MATCH = `(?:(?:${BLANK_LINE})?(?:${INDENT}[ \\t]*${NS}${DOT}*\\n)+(?:(?!${IAL_BLOCK_START_SOURCE}|${EOB_MARKER}|${BOL}${OPT_SPACE}${LAZY_END_HTML_STOP}|${BOL}${OPT_SPACE}${LAZY_END_HTML_START})${BOL}[ \\t]*${NS}${DOT}*\\n)*)*`;
const CODEBLOCK_MATCH_RE = rx(CODEBLOCK_MATCH);
const LAZY_CODE_LINE = rx(`\\n( {0,3}${NS})`, 'g');

export const codeblock: Rule = {
  name: 'codeblock',
  lineStarts: ' \t',
  start: rx(INDENT),
  parse(p) {
    const location = p.src.currentLineNumber();
    const data = (p.src.scan(CODEBLOCK_MATCH_RE) as string)
      .replace(LAZY_CODE_LINE, ' $1')
      .replace(INDENTS, '');
    p.tree.children.push(p.newBlockEl('codeblock', data, undefined, { location }));
    return true;
  },
};

const FENCED_CODEBLOCK_MATCH = rx(
  `${BOL}((~){3,})${S}*?((${NS}+?)(?:\\?${NS}*)?)?${S}*?\\n([\\s\\S]*?)${BOL}\\1\\2*${S}*?\\n`,
);

/** kramdown's own fenced code (input: kramdown): `~~~` at the start of the line only. */
export const codeblockFenced: Rule = {
  name: 'codeblock_fenced',
  lineStarts: '~',
  start: rx(`${BOL}~{3,}`),
  parse: (p) => parseFencedCode(p, FENCED_CODEBLOCK_MATCH),
};

export const FENCED_CODEBLOCK_START_GFM = `${BOL}[ ]{0,3}[~\`]{3,}`;
const FENCED_CODEBLOCK_MATCH_GFM = rx(
  `${BOL}[ ]{0,3}(([~\`]){3,})${S}*?((${NS}+?)(?:\\?${NS}*)?)?${S}*?\\n([\\s\\S]*?)${BOL}[ ]{0,3}\\1\\2*${S}*?\\n`,
);

export const codeblockFencedGfm: Rule = {
  name: 'codeblock_fenced_gfm',
  lineStarts: '`~',
  start: rx(FENCED_CODEBLOCK_START_GFM),
  parse: (p) => parseFencedCode(p, FENCED_CODEBLOCK_MATCH_GFM),
};

function parseFencedCode(p: Parser, fence: RegExp): boolean {
  const src = p.src;
  if (src.check(fence) === null) return false;
  const location = src.currentLineNumber();
  const [matched, language, languageName, code] = [src.matched, src.group(3), src.group(4), src.group(5)];
  src.setPos(src.pos + matched.length);
  const el = p.newBlockEl('codeblock', code, undefined, { location, fenced: true });
  const lang = strip(language ?? '');
  if (lang !== '') {
    el.options.lang = lang;
    el.attr.class = `language-${languageName}`;
  }
  p.tree.children.push(el);
  return true;
}
