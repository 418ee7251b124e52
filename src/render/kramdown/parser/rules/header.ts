/**
 * kramdown's headers (parser/kramdown/header.rb): setext (`===`/`---` underlines) and ATX (`#`),
 * the latter also as kramdown-parser-gfm has it: a space after the `#`s, and with the paragraph_end
 * quirk no blank line needed before it and closing `#`s removed only after a space.
 */
import type { Parser } from '../parser.ts';
import { BOL, DOT, rstrip, rx } from '../ruby.ts';
import type { Rule } from '../rules.ts';
import { afterBlockBoundary } from './block-boundary.ts';
import { OPT_SPACE } from './extensions.ts';

const SETEXT_HEADER_START = rx(
  `${BOL}${OPT_SPACE}(?<contents>[^ \\t]${DOT}*)\\n(?<level>[-=])[-=]*[ \\t\\r\\f\\v]*\\n`,
);
export const ATX_HEADER_START_GFM = `${BOL}(?<level>#{1,6})[\\t ]+(?<contents>${DOT}*)\\n`;
const ATX_HEADER_START = rx(`${BOL}(?<level>#{1,6})[\\t ]*(?<contents>[^ \\t]${DOT}*)\\n`);

/** REXML's NAME_START_CHAR and NAME_CHAR: an XML name, as kramdown allows for `{#id}`. */
const NAME_START_CHAR =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START_CHAR}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const HEADER_ID = rx(`[\\t ]\\{#(?<id>[${NAME_START_CHAR}][${NAME_CHAR}]*)\\}$`);
const CLOSING_HASHES = /(?<!\\)#+$/;
const CLOSING_HASHES_QUIRK = /[\t ]#+$/;

export const setextHeader: Rule = {
  name: 'setext_header',
  start: SETEXT_HEADER_START,
  parse(p) {
    if (!afterBlockBoundary(p)) return false;
    const level = p.src.group('level') === '-' ? 2 : 1;
    const [text, id] = headerContents(p);
    if (text === '') return false;
    addHeader(p, level, text, id);
    return true;
  },
};

/** kramdown's own ATX header (input: kramdown): no space needed after the `#`s. */
export const atxHeader: Rule = {
  name: 'atx_header',
  lineStarts: '#',
  start: ATX_HEADER_START,
  parse(p) {
    if (!afterBlockBoundary(p)) return false;
    return parseAtxHeader(p, CLOSING_HASHES);
  },
};

export const atxHeaderGfm: Rule = {
  name: 'atx_header_gfm',
  lineStarts: '#',
  start: rx(ATX_HEADER_START_GFM),
  parse(p) {
    if (!afterBlockBoundary(p)) return false;
    return parseAtxHeader(p, CLOSING_HASHES);
  },
};

export const atxHeaderGfmQuirk: Rule = {
  name: 'atx_header_gfm_quirk',
  lineStarts: '#',
  start: atxHeaderGfm.start,
  parse: (p) => parseAtxHeader(p, CLOSING_HASHES_QUIRK),
};

function parseAtxHeader(p: Parser, closingHashes: RegExp): boolean {
  const level = (p.src.group('level') as string).length;
  let [text, id] = headerContents(p);
  if (closingHashes.test(text)) text = rstrip(text.replace(closingHashes, ''));
  if (text === '') return false;
  addHeader(p, level, text, id);
  return true;
}

/** The header's text and its `{#id}`, if written (kramdown's parse_header_contents). */
function headerContents(p: Parser): [text: string, id: string | undefined] {
  const text = rstrip(p.src.group('contents') as string);
  const idMatch = HEADER_ID.exec(text);
  if (!idMatch) return [text, undefined];
  return [rstrip(text.slice(0, text.length - idMatch[0].length)), idMatch.groups?.id];
}

function addHeader(p: Parser, level: number, text: string, id: string | undefined): void {
  const location = p.src.currentLineNumber();
  p.src.setPos(p.src.pos + p.src.matched.length);
  const el = p.newBlockEl('header', undefined, undefined, { level, raw_text: text, location });
  p.addText(text, el);
  if (id !== undefined) el.attr.id = id;
  p.tree.children.push(el);
}
