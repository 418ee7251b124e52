/**
 * Markdown as Jekyll converts it: kramdown 2.4 with kramdown-parser-gfm 1.1 (GFM input),
 * reimplemented rule by rule. `createKramdown(config)` takes the site's `kramdown:` settings and
 * gives the converter Jekyll's Markdown converter is.
 */
import { convertHtml } from './converter/html.ts';
import { resolveOptions } from './converter/options.ts';
import { Parser } from './parser/parser.ts';

export type { Element } from './element.ts';
export type { KramdownOptions } from './options.ts';

/** Names this implementation in cache keys: HTML kept from another converter is not reused. */
export const KRAMDOWN_IMPLEMENTATION = 'kramdown 2.4 (scholarsite)';

export function createKramdown(config: Record<string, unknown> = {}): (source: string) => string {
  const options = resolveOptions(config);
  return (source) => {
    const root = new Parser(options).parse(source);
    return convertHtml(root, options).html;
  };
}
