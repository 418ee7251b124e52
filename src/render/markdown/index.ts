/**
 * Markdown as Jekyll's kramdown (GFM input) writes it, on markdown-it: one small plugin per
 * kramdown rule.
 */
import MarkdownIt from 'markdown-it';
import { abbreviations, strongOutside } from './abbreviations.ts';
import { autoIds } from './auto-ids.ts';
import { refuseBlockRule } from './block-rules.ts';
import { blockquoteRendering } from './blockquotes.ts';
import { codeBlocks } from './code-blocks.ts';
import { codeSpans } from './code-spans.ts';
import { definitionLists } from './definition-lists.ts';
import { escapes } from './escapes.ts';
import { footnotes } from './footnotes.ts';
import { htmlBlocks } from './html-blocks.ts';
import { ials, toc } from './ial.ts';
import { indentLazyLines } from './lazy-lines.ts';
import { lineBreaks } from './line-breaks.ts';
import { lists } from './lists.ts';
import { listRendering } from './lists-render.ts';
import { math } from './math.ts';
import { setextHeaders } from './setext-headers.ts';
import { smartQuotes } from './smart-quotes.ts';
import { spanHtml } from './span-html.ts';
import { headerlessTables, tableSections, tables } from './tables.ts';
import { typographic } from './typographic.ts';

export type KramdownOptions = Record<string, unknown>;

export function createMarkdown(options: KramdownOptions = {}): (source: string) => string {
  const quoteNames = String(options.smart_quotes ?? 'lsquo,rsquo,ldquo,rdquo').split(',');
  const entity: Record<string, string> = {
    lsquo: '‘',
    rsquo: '’',
    ldquo: '“',
    rdquo: '”',
    apos: "'",
    quot: '"',
  };
  const [ls, rs, ld, rd] = quoteNames.map((name) => entity[name.trim()] ?? '');
  const md = new MarkdownIt({
    html: true,
    linkify: false,
    typographer: true,
    quotes: [ld, rd, ls, rs],
    breaks: options.hard_wrap === true,
  });
  // kramdown writes link targets as given (no percent-encoding of `é` or `>`), and refuses none.
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (text) => text;
  md.validateLink = () => true;
  typographic(md);
  smartQuotes(md, { lsquo: ls, rsquo: rs, ldquo: ld, rdquo: rd });
  escapes(md);
  htmlBlocks(md);
  math(md);
  footnotes(md);
  lineBreaks(md);
  definitionLists(md);
  spanHtml(md);
  abbreviations(md);
  strongOutside(md);
  lists(md);
  setextHeaders(md);
  listRendering(md);
  tableSections(md);
  headerlessTables(md);
  codeBlocks(md);
  codeSpans(md);
  tables(md);
  // An ATX header starts at the very beginning of its line in kramdown (no leading spaces).
  refuseBlockRule(md, 'heading', (state, startLine) => state.sCount[startLine] > state.blkIndent);
  // GFM strikethrough is `<del>` in kramdown.
  md.renderer.rules.s_open = () => '<del>';
  md.renderer.rules.s_close = () => '</del>';
  ials(md);
  if (options.auto_ids !== false) autoIds(md);
  toc(md);
  blockquoteRendering(md); // last: it wraps the paragraph and heading rules set above
  // kramdown writes a lone newline for a text with nothing in it (so an empty excerpt is truthy).
  return (source: string) => md.render(indentLazyLines(source)) || '\n';
}
