/**
 * The rule table: kramdown's @block_parsers and @span_parsers, in kramdown's order, with
 * kramdown-parser-gfm's changes unless the site reads Markdown as kramdown (GFM fenced code, ATX
 * headers and task lists, GFM escapes, strikethrough; no line_break rule under hard_wrap; no
 * typographic symbols under the no_auto_typographic quirk). A block rule is tried when its `start` matches at the start of the line; the first
 * whose `parse` does not return false takes it. A span rule is tried where `spanStart` finds a
 * possible start; the first whose `start` matches takes it.
 */
import type { KramdownOptions } from '../options.ts';
import type { Parser } from './parser.ts';
import { abbrevDefinition } from './rules/abbreviation.ts';
import { autolink } from './rules/autolink.ts';
import { blankLine } from './rules/blank-line.ts';
import { blockquote } from './rules/blockquote.ts';
import { codeblock, codeblockFenced, codeblockFencedGfm } from './rules/codeblock.ts';
import { codespan } from './rules/codespan.ts';
import { emphasis } from './rules/emphasis.ts';
import { eobMarker } from './rules/eob.ts';
import { escapedChars, escapedCharsGfm } from './rules/escaped-chars.ts';
import { blockExtensions, spanExtensions } from './rules/extensions.ts';
import { footnoteDefinition, footnoteMarker } from './rules/footnote.ts';
import { atxHeader, atxHeaderGfm, atxHeaderGfmQuirk, setextHeader } from './rules/header.ts';
import { horizontalRule } from './rules/horizontal-rule.ts';
import { blockHtml, spanHtml } from './rules/html.ts';
import { htmlEntity } from './rules/html-entity.ts';
import { lineBreak } from './rules/line-break.ts';
import { link } from './rules/link.ts';
import { linkDefinition } from './rules/link-definition.ts';
import { definitionList, list, listGfm } from './rules/list.ts';
import { blockMath, inlineMath } from './rules/math.ts';
import { paragraph } from './rules/paragraph.ts';
import { smartQuotes } from './rules/smart-quotes.ts';
import { strikethroughGfm } from './rules/strikethrough.ts';
import { table } from './rules/table.ts';
import { typographicSyms } from './rules/typographic-symbol.ts';

export interface Rule {
  /** kramdown's parser name (`:atx_header_gfm`…), for messages and tests. */
  name: string;
  /** Must match at the scan pointer for the rule to be tried (kramdown's start_re). */
  start: RegExp;
  /**
   * Span rules: the regexp source (valid with the `u` flag) that finds where the rule may start
   * in running text (kramdown's span_start).
   */
  spanStart?: string;
  /**
   * Span rules: the characters `start` can match first. A shortcut only (the span loop skips the
   * rule at any other character without trying `start`); left out where any character can start it.
   */
  startChars?: string;
  /**
   * Block rules: the characters `start` can find first on a line after at most three spaces. A
   * shortcut only (the block loop skips the rule on any other line without trying `start`).
   */
  lineStarts?: string;
  /** Parses at the pointer. A block rule returns false to let the next rule try; a span rule's result is ignored. */
  parse(p: Parser): boolean;
}

/** Whether the site reads Markdown as GFM (Jekyll's `input: GFM`, GitHub Pages' default) or as kramdown. */
export function isGfm(options: KramdownOptions): boolean {
  return options.input === 'GFM';
}

/**
 * The tables by options object: a site's options are resolved once and parse thousands of
 * documents, so each table is built once per site rather than once per document.
 */
const blockRulesByOptions = new WeakMap<KramdownOptions, readonly Rule[]>();
const spanRulesByOptions = new WeakMap<KramdownOptions, readonly Rule[]>();

function cached(
  cache: WeakMap<KramdownOptions, readonly Rule[]>,
  options: KramdownOptions,
  build: (options: KramdownOptions) => Rule[],
): readonly Rule[] {
  let rules = cache.get(options);
  if (!rules) {
    rules = build(options);
    cache.set(options, rules);
  }
  return rules;
}

export function blockRules(options: KramdownOptions): readonly Rule[] {
  return cached(blockRulesByOptions, options, buildBlockRules);
}

export function spanRules(options: KramdownOptions): readonly Rule[] {
  return cached(spanRulesByOptions, options, buildSpanRules);
}

function buildBlockRules(options: KramdownOptions): Rule[] {
  const gfm = isGfm(options);
  const quirks = options.gfm_quirks ?? [];
  return [
    blankLine,
    codeblock,
    gfm ? codeblockFencedGfm : codeblockFenced,
    blockquote,
    !gfm ? atxHeader : quirks.includes('paragraph_end') ? atxHeaderGfmQuirk : atxHeaderGfm,
    horizontalRule,
    gfm ? listGfm : list,
    definitionList,
    blockHtml,
    setextHeader,
    blockMath,
    table,
    footnoteDefinition,
    linkDefinition,
    abbrevDefinition,
    blockExtensions,
    eobMarker,
    paragraph,
  ];
}

function buildSpanRules(options: KramdownOptions): Rule[] {
  // kramdown's @span_parsers; GFM swaps in its escapes and adds strikethrough at the end.
  const common = [
    emphasis,
    codespan,
    autolink,
    spanHtml,
    footnoteMarker,
    link,
    smartQuotes,
    inlineMath,
    spanExtensions,
    htmlEntity,
    typographicSyms,
    lineBreak,
  ];
  if (!isGfm(options)) return [...common, escapedChars];
  const quirks = options.gfm_quirks ?? [];
  const rules = [...common, escapedCharsGfm, strikethroughGfm];

  return rules.filter(
    (rule) =>
      !(rule === lineBreak && options.hard_wrap) &&
      !(rule === typographicSyms && quirks.includes('no_auto_typographic')),
  );
}
