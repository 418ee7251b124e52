/**
 * Markdown as Jekyll converts it: kramdown 2.4 with kramdown-parser-gfm 1.1 (GFM input),
 * reimplemented rule by rule. `createKramdown(config)` takes the site's `kramdown:` settings and
 * gives the converter Jekyll's Markdown converter is.
 */
import { convertHtml } from './converter/html.ts';
import { resolveOptions } from './converter/options.ts';
import { Parser } from './parser/parser.ts';
import { parseSmartyPants } from './parser/smartypants.ts';

export { rougeTokens } from './converter/rouge.ts';
export type { Element } from './element.ts';
export type { KramdownOptions } from './options.ts';
export { MAX_BLOCK_NESTING, MAX_HTML_NESTING, MAX_SPAN_NESTING, NestingTooDeep } from './parser/parser.ts';

/** Names this implementation in cache keys: HTML kept from another converter is not reused. */
export const KRAMDOWN_IMPLEMENTATION = 'kramdown 2.4 (scholarsite)';

/**
 * Converts Markdown to HTML. With `show_warnings: true`, `warn` is told kramdown's warnings (the
 * parser's, then the converter's): each distinct one once, with how many times kramdown gives it.
 */
export type Kramdown = (source: string, warn?: (counts: ReadonlyMap<string, number>) => void) => string;

const WARNING_TEXT_BUDGET = 1_000_000;

export function createKramdown(config: Record<string, unknown> = {}): Kramdown {
  const options = resolveOptions(config);
  return (source, warn) => {
    const parser = new Parser(options);
    const root = parser.parse(source);
    const { html, warnings } = convertHtml(root, options);
    if (options.show_warnings && warn) {
      // Counted, not listed: a hostile page's list is quadratic in its size (warning-log.ts), and
      // so is the text of its warnings (a page of nested links names each one's text): past a
      // megabyte they are only counted.
      const { counts, more } = parser.warningTally(WARNING_TEXT_BUDGET);
      for (const text of warnings) counts.set(text, (counts.get(text) ?? 0) + 1);
      if (more > 0) counts.set(`${more} more warnings, too long to show (over 1 MB of text)`, 1);
      if (counts.size > 0) warn(counts);
    }
    return html;
  };
}

const smartifyOptions = new WeakMap<Record<string, unknown>, ReturnType<typeof resolveOptions>>();

/**
 * Jekyll's `smartify` filter: straight quotes, `--`, `---`, `...`, `<<` and `>>` as typographic
 * characters (kramdown's SmartyPants input, with the site's `kramdown:` settings), HTML left as it is.
 */
export function smartify(text: string, config: Record<string, unknown> = {}): string {
  let options = smartifyOptions.get(config);
  if (!options) {
    options = resolveOptions(config);
    smartifyOptions.set(config, options);
  }
  return convertHtml(parseSmartyPants(text, options).root, options).html.replace(/\r?\n$|\r$/, '');
}
