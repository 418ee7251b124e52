/**
 * kramdown's block HTML: a tag at the start of a line that is not a span element (`<div>`,
 * `<h2>`, `<ul>`, a custom tag…) opens an HTML block that runs to its matching end tag, blank
 * lines and indentation inside included (markdown-it would end it at the first blank line and
 * turn the indented rest into code). Its content stays raw, unless `markdown="1"` (or
 * `"block"`) asks for Markdown inside, or `markdown="span"` for span Markdown; the attribute
 * itself is dropped. A span element at the start of a line (`<b>`, `<a>`, `<img>`) is just text
 * of a paragraph. HTML comments are blocks of their own.
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';

/** kramdown's HTML_SPAN_ELEMENTS: at the start of a line they are text, not a block. */
export const SPAN_ELEMENTS = new Set(
  'a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var'.split(
    ' ',
  ),
);
const VOID_ELEMENTS = new Set(
  'area base br col command embed hr img input keygen link meta param source track wbr'.split(' '),
);
/** Content kramdown never parses further: nested tags inside are not counted. */
const RAW_ELEMENTS = new Set(['script', 'style', 'math', 'textarea', 'pre', 'code']);

const ATTRIBUTE = String.raw`\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>\x60]+))?`;
const START_TAG = new RegExp(String.raw`^<([A-Za-z][\w:.-]*)((?:${ATTRIBUTE})*)\s*(/?)>`);
const MARKDOWN_ATTRIBUTE = /\s+markdown\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

/** Offset just past the end tag that closes `name` (opened before `from`), or -1. */
function findClose(text: string, from: number, name: string): number {
  const raw = RAW_ELEMENTS.has(name);
  const pattern = new RegExp(String.raw`<(/?)(${name})\b[^>]*?(/?)>|<!--[\s\S]*?-->`, 'gi');
  pattern.lastIndex = from;
  let depth = 1;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (!m[2]) continue; // a comment
    if (m[1]) depth--;
    else if (!m[3] && !raw) depth++;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

function lineOf(state: StateBlock, offset: number, startLine: number): number {
  let line = startLine;
  while (line < state.lineMax && state.eMarks[line] < offset) line++;
  return line;
}

function htmlBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  const src = state.src;
  if (src.charCodeAt(start) !== 0x3c /* < */) return false;
  const rest = src.slice(start);

  let close: number;
  let markdown: string | undefined;
  let openEnd = 0;
  let name = '';
  if (rest.startsWith('<!--')) {
    // A comment does not end a paragraph (it stays inside as span HTML), unlike a block tag.
    if (silent) return false;
    const end = src.indexOf('-->', start + 4);
    close = end === -1 ? src.length : end + 3;
  } else {
    const tag = START_TAG.exec(rest);
    if (!tag) return false;
    name = tag[1].toLowerCase();
    if (SPAN_ELEMENTS.has(name)) return false;
    // A `<script>` line does not end a paragraph (kramdown's LAZY_END_HTML_SPAN_ELEMENTS).
    if (silent && name === 'script') return false;
    openEnd = start + tag[0].length;
    const selfClosing = tag[3] === '/' || VOID_ELEMENTS.has(name);
    const attribute = MARKDOWN_ATTRIBUTE.exec(tag[2]);
    markdown = attribute ? (attribute[1] ?? attribute[2] ?? attribute[3]).toLowerCase() : undefined;
    // An end tag never found: kramdown lets the element run to the end of the text.
    close = selfClosing ? openEnd : findClose(src, openEnd, name);
    if (close === -1) close = src.length;
  }
  if (silent) return true;

  const lastLine = Math.min(lineOf(state, close, startLine), endLine - 1);
  const nextLine = lastLine + 1;
  const wantsMarkdown = markdown === '1' || markdown === 'block' || markdown === 'span';
  if (!wantsMarkdown && name && nestedMarkdown(state, startLine, lastLine, openEnd, close)) {
    state.line = nextLine;
    return true;
  }
  if (!wantsMarkdown) {
    const token = state.push('html_block', '', 0);
    token.map = [startLine, nextLine];
    token.content = state
      .getLines(startLine, nextLine, state.blkIndent, true)
      .replace(MARKDOWN_ATTRIBUTE, '');
    state.line = nextLine;
    return true;
  }

  // Markdown inside: the start tag and end tag stay HTML, what is between is parsed.
  const openTag = src.slice(start, openEnd).replace(MARKDOWN_ATTRIBUTE, '');
  const closeStart = src.lastIndexOf('<', close - 1);
  const inner = src.slice(openEnd, closeStart);
  const open = state.push('html_block', '', 0);
  open.content = `${openTag}\n`;
  if (markdown === 'span') {
    const inline = state.push('inline', '', 0);
    inline.content = inner.trim();
    inline.children = [];
  } else {
    const innerStart = lineOf(state, openEnd, startLine) + (/^[ \t]*\n/.test(src.slice(openEnd)) ? 1 : 0);
    const innerEnd = lineOf(state, closeStart, startLine);
    const oldParent = state.parentType;
    const oldLineMax = state.lineMax;
    state.parentType = 'root' as typeof state.parentType;
    state.lineMax = innerEnd;
    state.md.block.tokenize(state, innerStart, innerEnd);
    state.lineMax = oldLineMax;
    state.parentType = oldParent;
  }
  const end = state.push('html_block', '', 0);
  end.content = `</${name}>\n`;
  state.line = nextLine;
  return true;
}

/**
 * Raw HTML can hold an element with `markdown="1"` (a theme's `<aside><nav markdown="1">`):
 * kramdown parses that element's content. Handled when the element's tags sit on lines of
 * their own; the rest of the block stays raw.
 */
function nestedMarkdown(
  state: StateBlock,
  startLine: number,
  lastLine: number,
  from: number,
  to: number,
): boolean {
  const src = state.src;
  const inner = new RegExp(String.raw`<([A-Za-z][\w:.-]*)((?:${ATTRIBUTE})*)\s*>`, 'g');
  inner.lastIndex = from;
  for (let m = inner.exec(src); m && m.index < to; m = inner.exec(src)) {
    const attribute = MARKDOWN_ATTRIBUTE.exec(m[2]);
    if (!attribute || !/^(1|block)$/i.test(attribute[1] ?? attribute[2] ?? attribute[3])) continue;
    const tagEnd = m.index + m[0].length;
    const closeEnd = findClose(src, tagEnd, m[1].toLowerCase());
    if (closeEnd === -1 || closeEnd > to) return false;
    const closeStart = src.lastIndexOf('<', closeEnd - 1);
    const openLine = lineOf(state, m.index, startLine);
    const closeLine = lineOf(state, closeStart, startLine);
    const lineAligned =
      /^[ \t]*$/.test(src.slice(tagEnd, state.eMarks[openLine])) &&
      /^[ \t]*$/.test(src.slice(state.bMarks[closeLine], closeStart));
    if (!lineAligned || closeLine <= openLine) return false;
    const before = state.push('html_block', '', 0);
    before.content = state
      .getLines(startLine, openLine + 1, state.blkIndent, true)
      .replace(MARKDOWN_ATTRIBUTE, '');
    const oldLineMax = state.lineMax;
    state.lineMax = closeLine;
    state.md.block.tokenize(state, openLine + 1, closeLine);
    state.lineMax = oldLineMax;
    const after = state.push('html_block', '', 0);
    after.content = state.getLines(closeLine, lastLine + 1, state.blkIndent, true);
    return true;
  }
  return false;
}

export function htmlBlocks(md: MarkdownIt): void {
  md.block.ruler.at('html_block', htmlBlock, { alt: ['paragraph', 'reference', 'blockquote'] });
}
