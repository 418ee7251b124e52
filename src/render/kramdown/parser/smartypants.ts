/**
 * The parser behind Jekyll's `smartify` filter (Jekyll's Kramdown::Parser::SmartyPants): kramdown's
 * parser with two block rules (block HTML, else the line as text) and four span rules (smart quotes,
 * entities, typographic symbols, span HTML), so quotes, dashes and ellipses become typographic
 * characters and nothing else of Markdown is read.
 */
import type { Element } from '../element.ts';
import type { KramdownOptions } from '../options.ts';
import { Parser } from './parser.ts';
import { blockHtml, spanHtml } from './rules/html.ts';
import { htmlEntity } from './rules/html-entity.ts';
import { smartQuotes } from './rules/smart-quotes.ts';
import { typographicSyms } from './rules/typographic-symbol.ts';
import type { Rule } from './rules.ts';

const LINE = /[^\n]*\n/u;

/** A line as text, whatever it holds (Jekyll's parse_content). */
const content: Rule = {
  name: 'content',
  start: /(?:)/u,
  parse(p) {
    p.addText(p.src.scan(LINE) as string);
    return true;
  },
};

/** The tree Jekyll's SmartyPants parser makes of `text`, and its warnings. */
export function parseSmartyPants(
  text: string,
  options: KramdownOptions,
): { root: Element; warnings: string[] } {
  const parser = new Parser(options, {
    blockRules: [blockHtml, content],
    spanRules: [smartQuotes, htmlEntity, typographicSyms, spanHtml],
  });
  return { root: parser.parse(text), warnings: parser.warnings };
}
